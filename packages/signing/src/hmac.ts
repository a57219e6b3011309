import { runtimeCrypto } from "#crypto";

/**
 * Lowercase hex HMAC-SHA256 of `message` under `secret`; a string message is taken as UTF-8.
 *
 * @example
 * ```ts
 * hmacSha256Hex("supersecret", "Hello!");
 * // "64e3f44166575febbc5de88c9476325ea7d4b3684752158d9fdb31fce34b980d"
 * ```
 */
export function hmacSha256Hex(secret: string, message: string | Uint8Array): string {
  return runtimeCrypto.hmacSha256Hex(secret, message);
}

/**
 * Lowercase hex MD5 of a string's UTF-8 bytes: the `body_md5` of a signed request.
 *
 * @example
 * ```ts
 * md5Hex("{}"); // "99914b932bd37a50b983c5e7c90ae93b"
 * ```
 */
export function md5Hex(data: string): string {
  return runtimeCrypto.md5Hex(data);
}
