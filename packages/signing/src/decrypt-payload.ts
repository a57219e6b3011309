import { PusherValidationError, type EncryptedPayload } from "@x/types";
import { base64ToBytes } from "./base64.js";
import { secretboxOpen } from "./secretbox/secretbox.js";
import { deriveSharedSecret } from "./shared-secret.js";

const utf8 = /* @__PURE__ */ new TextDecoder("utf-8", { fatal: true });

function parsePayload(payload: string | EncryptedPayload): EncryptedPayload {
  let parsed: unknown = payload;
  if (typeof payload === "string") {
    try {
      parsed = JSON.parse(payload);
    } catch {
      parsed = undefined;
    }
  }
  const { nonce, ciphertext } = (parsed ?? {}) as Partial<Record<keyof EncryptedPayload, unknown>>;
  if (typeof nonce !== "string" || typeof ciphertext !== "string") {
    throw new PusherValidationError(
      "invalid_encrypted_payload",
      "payload",
      'payload must be {"nonce": <base64>, "ciphertext": <base64>}',
    );
  }
  return { nonce, ciphertext };
}

/**
 * Decrypts the `data` of an event on an encrypted channel (docs/protocol.md §6), e.g. a `client_event`
 * webhook. Accepts the JSON string or the parsed object. A malformed payload, a wrong key or a
 * tampered ciphertext throws a {@link PusherValidationError} with code
 * `invalid_encrypted_payload`.
 *
 * @example
 * ```ts
 * const text = decryptPayload("private-encrypted-chat", event.data, masterKey);
 * ```
 */
export function decryptPayload(
  channelName: string,
  payload: string | EncryptedPayload,
  masterKey: Uint8Array,
): string {
  const { nonce, ciphertext } = parsePayload(payload);
  const nonceBytes = base64ToBytes(nonce, "nonce");
  const box = base64ToBytes(ciphertext, "ciphertext");
  if (nonceBytes.length !== 24) {
    throw new PusherValidationError("invalid_encrypted_payload", "nonce", "nonce must be 24 bytes");
  }
  try {
    const plaintext = secretboxOpen(deriveSharedSecret(channelName, masterKey), nonceBytes, box);
    // Not opened (wrong key, tampered data), or not UTF-8: refused alike.
    if (plaintext !== undefined) return utf8.decode(plaintext);
  } catch {
    // Refused below.
  }
  throw new PusherValidationError(
    "invalid_encrypted_payload",
    "payload",
    `payload of ${JSON.stringify(channelName)} did not decrypt (wrong key or channel, or tampered)`,
  );
}
