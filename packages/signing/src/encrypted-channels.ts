import { runtimeCrypto } from "#crypto";
import { xsalsa20poly1305 } from "@noble/ciphers/salsa.js";
import { PusherValidationError, type EncryptedPayload } from "@x/types";
import { isEncryptedChannel, readFields, validateMasterKeyBase64 } from "@x/types/internal";
import { base64ToBytes, bytesToBase64 } from "./base64.js";

const NONCE_BYTES = 24;
const utf8Encoder = /* @__PURE__ */ new TextEncoder();
const utf8Decoder = /* @__PURE__ */ new TextDecoder("utf-8", { fatal: true });

const invalid = (field: string, message: string) => new PusherValidationError("invalid_encrypted_payload", field, message);

/**
 * Decodes the `encryptionMasterKeyBase64` option into its 32 bytes, after checking it
 * (docs/protocol.md §5). A bad key throws a `PusherConfigError` naming the option, never the key.
 *
 * @example
 * ```ts
 * const masterKey = decodeMasterKey("dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU="); // 32 bytes
 * ```
 */
export function decodeMasterKey(encryptionMasterKeyBase64: string): Uint8Array {
  validateMasterKeyBase64(encryptionMasterKeyBase64);
  return base64ToBytes(encryptionMasterKeyBase64, "encryptionMasterKeyBase64");
}

/**
 * The 32-byte key of one encrypted channel: SHA-256 of the channel name's UTF-8 bytes followed by
 * the master key (docs/protocol.md §5, §6). Its base64 is the `shared_secret` of an auth response.
 *
 * @example
 * ```ts
 * const key = deriveSharedSecret("private-encrypted-chat", decodeMasterKey(masterKeyBase64));
 * ```
 */
export function deriveSharedSecret(channelName: string, masterKey: Uint8Array): Uint8Array {
  const name = utf8Encoder.encode(channelName);
  const input = new Uint8Array(name.length + masterKey.length);
  input.set(name);
  input.set(masterKey, name.length);
  return runtimeCrypto.sha256(input);
}

/**
 * Encrypts an event's `data` for a `private-encrypted-` channel (docs/protocol.md §6): NaCl secretbox under the
 * channel's shared secret and a random 24-byte nonce (pass `nonce` only in tests), as the JSON string
 * `{"nonce":…,"ciphertext":…}` that is sent as the event's `data`.
 *
 * @example
 * ```ts
 * const data = encryptPayload("private-encrypted-chat", JSON.stringify({ text: "hi" }), masterKey);
 * ```
 */
export function encryptPayload(channelName: string, plaintext: string, masterKey: Uint8Array, nonce?: Uint8Array): string {
  if (!isEncryptedChannel(channelName)) {
    const message = `only private-encrypted- channels are encrypted, got ${JSON.stringify(channelName)}`;
    throw new PusherValidationError("encrypted_channel_misuse", "channelName", message);
  }
  const nonceBytes = nonce ?? crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  if (nonceBytes.length !== NONCE_BYTES) throw invalid("nonce", `nonce must be ${NONCE_BYTES} bytes`);
  const box = xsalsa20poly1305(deriveSharedSecret(channelName, masterKey), nonceBytes);
  const ciphertext = box.encrypt(utf8Encoder.encode(plaintext));
  return JSON.stringify({ nonce: bytesToBase64(nonceBytes), ciphertext: bytesToBase64(ciphertext) });
}

/**
 * Decrypts the `data` of an event on a `private-encrypted-` channel (docs/protocol.md §6), given as the JSON
 * string or the parsed object. A malformed payload, a wrong key or channel, or a tampered ciphertext throws a
 * `PusherValidationError` with code `invalid_encrypted_payload`.
 *
 * @example
 * ```ts
 * const text = decryptPayload("private-encrypted-chat", event.data, masterKey);
 * ```
 */
export function decryptPayload(channelName: string, payload: string | EncryptedPayload, masterKey: Uint8Array): string {
  const parsed = typeof payload === "string" ? parseJson(payload) : payload;
  const { nonce, ciphertext } = readFields(parsed, ["nonce", "ciphertext"]) ?? {};
  if (typeof nonce !== "string" || typeof ciphertext !== "string") {
    throw invalid("payload", 'payload must be {"nonce": <base64>, "ciphertext": <base64>}');
  }
  const nonceBytes = base64ToBytes(nonce, "nonce");
  const box = base64ToBytes(ciphertext, "ciphertext");
  if (nonceBytes.length !== NONCE_BYTES) throw invalid("nonce", `nonce must be ${NONCE_BYTES} bytes`);
  try {
    return utf8Decoder.decode(xsalsa20poly1305(deriveSharedSecret(channelName, masterKey), nonceBytes).decrypt(box));
  } catch {
    // The tag did not match (wrong key or channel, tampering), or the plaintext is not UTF-8.
    throw invalid("payload", `payload of ${JSON.stringify(channelName)} did not decrypt (wrong key or channel, or tampered)`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
