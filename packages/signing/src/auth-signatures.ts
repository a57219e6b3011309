import type { KeyCredentials } from "@x/types";
import { validateChannelName, validateKeyCredentials, validateSocketId } from "@x/types/internal";
import { hmacSha256Hex } from "./hmac.js";

/**
 * The `auth` string that lets a socket subscribe to a private, presence or encrypted channel
 * (docs/protocol.md §5): `<key>:<hex HMAC-SHA256 of "socketId:channelName[:channelData]">`.
 * `channelData` is the exact JSON string of a presence member, which the response repeats as is.
 *
 * @example
 * ```ts
 * signChannelAuth({ key, secret }, "1234.1234", "private-foobar");
 * // "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4"
 * ```
 */
export function signChannelAuth(credentials: KeyCredentials, socketId: string, channelName: string, channelData?: string): string {
  validateKeyCredentials(credentials);
  validateSocketId(socketId);
  validateChannelName(channelName, { field: "channelName" });
  return `${credentials.key}:${hmacSha256Hex(credentials.secret, channelAuthStringToSign(socketId, channelName, channelData))}`;
}

/**
 * The `auth` string that signs a user in (docs/protocol.md §5): `<key>:<hex HMAC-SHA256 of
 * "socketId::user::userData">`, where `userData` is the exact JSON string the response repeats.
 *
 * @example
 * ```ts
 * signUserAuth({ key: "key", secret: "secret" }, "12345.12345", '{"id":"1234"}');
 * // "key:e4c63b82c1e1d0955901f6a29ca51b244155bafda93968bc5664010f5ba54a41"
 * ```
 */
export function signUserAuth(credentials: KeyCredentials, socketId: string, userData: string): string {
  validateKeyCredentials(credentials);
  validateSocketId(socketId);
  return `${credentials.key}:${hmacSha256Hex(credentials.secret, userAuthStringToSign(socketId, userData))}`;
}

/** What a channel authorization signs, `socketId:channelName[:channelData]`, for callers that checked both. */
export function channelAuthStringToSign(socketId: string, channelName: string, channelData?: string): string {
  return channelData === undefined ? `${socketId}:${channelName}` : `${socketId}:${channelName}:${channelData}`;
}

/** What a user sign-in signs, `socketId::user::userData`, for callers that checked the socket id. */
export function userAuthStringToSign(socketId: string, userData: string): string {
  return `${socketId}::user::${userData}`;
}
