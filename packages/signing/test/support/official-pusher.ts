// The official Node SDK (`pusher@5.3.4`, a devDependency) as the oracle of the differential
// tests, and the secretbox it encrypts with: `tweetnacl`, loaded from the official SDK's own
// dependencies (not a dependency of ours), so the oracle is exactly what `pusher` runs.
import { createRequire } from "node:module";
import Pusher from "pusher";

const requireFromPusher = createRequire(createRequire(import.meta.url).resolve("pusher"));

interface TweetNacl {
  secretbox(message: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array;
}

/** `tweetnacl@1.0.3` as required by `pusher@5.3.4`. */
export const tweetnacl = requireFromPusher("tweetnacl") as TweetNacl;

/** An official SDK instance; `appId` and `cluster` play no part in signing. */
export function officialPusher(key: string, secret: string, encryptionMasterKeyBase64?: string): Pusher {
  return new Pusher({ appId: "1", key, secret, encryptionMasterKeyBase64, cluster: "mt1" });
}

/**
 * What the official SDK's `events.encrypt` produces, with the nonce given instead of random:
 * tweetnacl's secretbox under `pusher.channelSharedSecret(channel)`, base64 in JSON.
 */
export function officialEncrypt(pusher: Pusher, channel: string, plaintext: string, nonce: Uint8Array): string {
  const sharedSecret = (pusher as unknown as { channelSharedSecret(channel: string): Uint8Array }).channelSharedSecret(channel);
  const ciphertext = tweetnacl.secretbox(new TextEncoder().encode(plaintext), nonce, sharedSecret);
  return JSON.stringify({
    nonce: Buffer.from(nonce).toString("base64"),
    ciphertext: Buffer.from(ciphertext).toString("base64"),
  });
}
