import { hmacSha256Hex } from "@x/signing/internal";
import type { AuthCredentials } from "./auth-credentials.js";

/**
 * The `auth` string pusher-js forwards to the server: `<key>:<hex HMAC-SHA256 of stringToSign>`
 * (docs/protocol.md §5). The callers have read and checked the credentials, the socket id and the
 * channel or user once; `signChannelAuth` and `signUserAuth` of `@x/signing` would check them all
 * again, which took a sixth of the time of a channel authorization.
 *
 * @example
 * ```ts
 * authSignature(keys, channelAuthStringToSign("1234.1234", "private-foobar"));
 * // "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4"
 * ```
 */
export function authSignature(keys: AuthCredentials, stringToSign: string): string {
  return `${keys.key}:${hmacSha256Hex(keys.secret, stringToSign)}`;
}
