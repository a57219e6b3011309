import { runtimeCrypto } from "#crypto";

const LOWERCASE_HEX = /^[0-9a-f]*$/;

/** Lowercase hex HMAC-SHA256 of `message` under `secret`; a string message is taken as UTF-8. */
export function hmacSha256Hex(secret: string, message: string | Uint8Array): string {
  return runtimeCrypto.hmacSha256Hex(secret, message);
}

/**
 * Compares an expected lowercase hex signature with a received value in time that depends only on
 * the length. A value of another length or type, or not lowercase hex, is unequal; nothing throws.
 */
export function timingSafeEqualHex(expected: string, received: unknown): boolean {
  if (typeof received !== "string" || received.length !== expected.length || !LOWERCASE_HEX.test(received)) return false;
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ received.charCodeAt(i);
  return difference === 0;
}

/**
 * Tells whether `signature` is the hex HMAC-SHA256 of `message` under `secret`, compared in constant time, as a
 * webhook's `X-Pusher-Signature` is checked (docs/protocol.md §7). A malformed signature is simply invalid.
 *
 * @example
 * ```ts
 * const valid = verifyHmacSignature(secret, await request.text(), request.headers.get("x-pusher-signature"));
 * ```
 */
export function verifyHmacSignature(secret: string, message: string | Uint8Array, signature: unknown): boolean {
  return timingSafeEqualHex(hmacSha256Hex(secret, message), signature);
}
