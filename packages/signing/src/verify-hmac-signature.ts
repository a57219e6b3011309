import { hmacSha256Hex } from "./hmac.js";
import { timingSafeEqualHex } from "./timing-safe-equal-hex.js";

/**
 * Tells whether `signature` is the hex HMAC-SHA256 of `message` under `secret`, compared in
 * constant time. Malformed signatures (wrong length, not hex, not a string) are simply invalid.
 *
 * @example
 * ```ts
 * verifyHmacSignature(secret, rawBody, request.headers.get("x-pusher-signature"));
 * ```
 */
export function verifyHmacSignature(secret: string, message: string | Uint8Array, signature: unknown): boolean {
  return timingSafeEqualHex(hmacSha256Hex(secret, message), signature);
}
