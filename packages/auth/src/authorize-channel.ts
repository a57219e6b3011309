import { decodeMasterKey, deriveSharedSecret } from "@x/signing";
import { bytesToBase64, channelAuthStringToSign } from "@x/signing/internal";
import { PusherValidationError, type ChannelAuthResponse, type PresenceData } from "@x/types";
import { channelKind, serializePresenceData, validateSocketId } from "@x/types/internal";
import type { AuthCredentials } from "./auth-credentials.js";
import { authSignature } from "./auth-signature.js";
import { validateAuthorizableChannel } from "./authorizable-channel.js";
import { readAuthCredentials, readChannelAuthorizationParams } from "./read-arguments.js";

/**
 * What {@link authorizeChannel} signs: the subscribing socket, the channel, and for presence
 * channels the member the socket joins as.
 *
 * @example
 * ```ts
 * const params: ChannelAuthorizationParams = {
 *   socketId: "1234.1234",
 *   channelName: "presence-room",
 *   presenceData: { user_id: "42", user_info: { name: "Ada" } },
 * };
 * ```
 */
export interface ChannelAuthorizationParams {
  /** The `socket_id` pusher-js sent, e.g. `"1234.1234"`. */
  socketId: string;
  /** The `channel_name` pusher-js sent: a `private-`, `presence-` or `private-encrypted-` channel. */
  channelName: string;
  /** Presence channels only (required there): the member's `user_id` and optional `user_info`. */
  presenceData?: PresenceData;
}

/**
 * Authorizes a socket to subscribe to a private, presence or encrypted channel (docs/protocol.md §5),
 * synchronously. The result is the JSON body pusher-js expects: `auth`, plus `channel_data`
 * (presence: exactly `JSON.stringify(presenceData)`, the string that was signed) or
 * `shared_secret` (encrypted: base64 of SHA-256(channel name ‖ master key), not signed).
 *
 * Throws a `PusherConfigError` for bad credentials and a `PusherValidationError` for `params`
 * that is not an object (`invalid_params`), a bad socket id or channel name
 * (`invalid_socket_id`, `invalid_channel_name`), a public channel (`channel_not_authorizable`),
 * a presence channel without valid `presenceData` (including data JSON cannot serialize: a
 * BigInt, a cycle, a getter or `toJSON` that throws) or `presenceData` on another kind of
 * channel (`invalid_presence_data`), or an encrypted channel without `encryptionMasterKeyBase64`
 * (`encrypted_channel_misuse`). It throws nothing else, whatever it is given; no error carries
 * the secret.
 *
 * @example
 * ```ts
 * import { authorizeChannel } from "@x/auth";
 *
 * const credentials = { key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" };
 * authorizeChannel(credentials, { socketId: "1234.1234", channelName: "private-foobar" });
 * // { auth: "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4" }
 *
 * authorizeChannel(credentials, {
 *   socketId: "1234.1234",
 *   channelName: "presence-foobar",
 *   presenceData: { user_id: "42", user_info: { name: "Ada" } },
 * });
 * // { auth: "278d425bdf160c739803:…", channel_data: '{"user_id":"42","user_info":{"name":"Ada"}}' }
 * ```
 */
export function authorizeChannel(credentials: AuthCredentials, params: ChannelAuthorizationParams): ChannelAuthResponse {
  // Each argument is read once, and only the copies are checked and signed.
  const keys = readAuthCredentials(credentials);
  const { socketId, channelName, presenceData } = readChannelAuthorizationParams(params);
  validateSocketId(socketId);
  validateAuthorizableChannel(channelName, keys);
  const kind = channelKind(channelName);

  if (kind === "presence") {
    // The exact string that is signed is the one returned: pusher-js forwards it to the server,
    // which checks the signature against it byte for byte (docs/protocol.md §5).
    const channelData = serializePresenceData(presenceData);
    return { auth: authSignature(keys, channelAuthStringToSign(socketId, channelName, channelData)), channel_data: channelData };
  }
  if (presenceData !== undefined) {
    throw new PusherValidationError(
      "invalid_presence_data",
      "presenceData",
      `presenceData is for presence- channels, not ${kind} "${channelName}"`,
    );
  }

  if (kind === "private") return { auth: authSignature(keys, channelAuthStringToSign(socketId, channelName)) };

  // An encrypted channel: validateAuthorizableChannel made sure there is a master key, and
  // decodeMasterKey checks its form before anything is signed. The shared secret is not part of
  // the signature (docs/protocol.md §5).
  const masterKey = decodeMasterKey(keys.encryptionMasterKeyBase64 as string);
  return {
    auth: authSignature(keys, channelAuthStringToSign(socketId, channelName)),
    shared_secret: bytesToBase64(deriveSharedSecret(channelName, masterKey)),
  };
}
