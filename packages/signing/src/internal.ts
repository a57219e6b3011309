/**
 * What the @x packages share and users must not call: not public API, it may change in any release.
 * @internal
 * @packageDocumentation
 */
export { channelAuthStringToSign, userAuthStringToSign } from "./auth-signatures.js";
export { base64ToBytes, bytesToBase64 } from "./base64.js";
export { hmacSha256Hex, timingSafeEqualHex } from "./hmac.js";
export { md5Hex } from "./sign-request.js";
