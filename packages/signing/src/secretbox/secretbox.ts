import { poly1305 } from "./poly1305.js";
import { xsalsa20Stream } from "./salsa20.js";

const TAG_BYTES = 16;
// The first 32 bytes of the keystream are Poly1305's one-time key; the message is xored with
// the keystream from there on (NaCl's crypto_secretbox).
const ONE_TIME_KEY_BYTES = 32;

/**
 * NaCl's `secretbox`: encrypts `plaintext` with XSalsa20 under a 32-byte key and a 24-byte nonce,
 * and authenticates it with Poly1305. Returns the tag followed by the ciphertext (16 bytes more
 * than the plaintext), the format pusher-js (tweetnacl) opens.
 *
 * @example
 * ```ts
 * const box = secretboxSeal(sharedSecret, nonce, new TextEncoder().encode("hello"));
 * ```
 */
export function secretboxSeal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const stream = xsalsa20Stream(key, nonce, ONE_TIME_KEY_BYTES + plaintext.length);
  const box = new Uint8Array(TAG_BYTES + plaintext.length);
  box.set(xor(plaintext, stream), TAG_BYTES);
  box.set(poly1305(stream.subarray(0, ONE_TIME_KEY_BYTES), box.subarray(TAG_BYTES)));
  return box;
}

// `data` xored with the keystream past the one-time key.
function xor(data: Uint8Array, stream: Uint8Array): Uint8Array {
  return data.map((byte, index) => byte ^ (stream[ONE_TIME_KEY_BYTES + index] as number));
}

/**
 * Opens a {@link secretboxSeal} box: checks its tag in constant time and decrypts it. Returns
 * `undefined` when the box is shorter than a tag or the tag does not match (wrong key, wrong
 * nonce or altered data); nothing is decrypted then.
 *
 * @example
 * ```ts
 * const plaintext = secretboxOpen(sharedSecret, nonce, box);
 * if (plaintext === undefined) throw new Error("tampered");
 * ```
 */
export function secretboxOpen(key: Uint8Array, nonce: Uint8Array, box: Uint8Array): Uint8Array | undefined {
  if (box.length < TAG_BYTES) return undefined;
  const ciphertext = box.subarray(TAG_BYTES);
  const stream = xsalsa20Stream(key, nonce, ONE_TIME_KEY_BYTES + ciphertext.length);
  const expected = poly1305(stream.subarray(0, ONE_TIME_KEY_BYTES), ciphertext);
  let difference = 0;
  for (let index = 0; index < TAG_BYTES; index++) difference |= (expected[index] as number) ^ (box[index] as number);
  return difference === 0 ? xor(ciphertext, stream) : undefined;
}
