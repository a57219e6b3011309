import { PusherValidationError } from "@x/types";
import { isEncryptedChannel } from "@x/types/internal";
import { bytesToBase64 } from "./base64.js";
import { secretboxSeal } from "./secretbox/secretbox.js";
import { deriveSharedSecret } from "./shared-secret.js";

const NONCE_BYTES = 24;
const utf8 = /* @__PURE__ */ new TextEncoder();

/**
 * Encrypts an event's `data` for an end-to-end encrypted channel (docs/protocol.md §6): NaCl secretbox
 * (XSalsa20-Poly1305) under the channel's shared secret, with a fresh random 24-byte nonce.
 * Returns the JSON string `{"nonce":…,"ciphertext":…}` that becomes the event's `data`.
 * `nonce` is only for tests that need a deterministic output.
 *
 * @example
 * ```ts
 * const data = encryptPayload("private-encrypted-chat", JSON.stringify({ text: "hi" }), masterKey);
 * ```
 */
export function encryptPayload(
  channelName: string,
  plaintext: string,
  masterKey: Uint8Array,
  nonce: Uint8Array = crypto.getRandomValues(new Uint8Array(NONCE_BYTES)),
): string {
  if (!isEncryptedChannel(channelName)) {
    throw new PusherValidationError(
      "encrypted_channel_misuse",
      "channelName",
      `only private-encrypted- channels are encrypted, got ${JSON.stringify(channelName)}`,
    );
  }
  if (nonce.length !== NONCE_BYTES) {
    throw new PusherValidationError("invalid_encrypted_payload", "nonce", `nonce must be ${NONCE_BYTES} bytes`);
  }
  const key = deriveSharedSecret(channelName, masterKey);
  const ciphertext = secretboxSeal(key, nonce, utf8.encode(plaintext));
  return JSON.stringify({ nonce: bytesToBase64(nonce), ciphertext: bytesToBase64(ciphertext) });
}
