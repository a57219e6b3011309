import { decodeMasterKey, deriveSharedSecret } from "@x/signing";
import { bytesToBase64, channelAuthStringToSign } from "@x/signing/internal";
import { PusherValidationError } from "@x/types";
import type { ChannelAuthResponse, PresenceData } from "@x/types";
import { channelKind, serializePresenceData, validateChannelName, validateSocketId } from "@x/types/internal";
import { readArgument, readCredentials, signAuth } from "./auth-arguments.js";
import type { Argument, AuthCredentials } from "./auth-arguments.js";

/**
 * What {@link authorizeChannel} signs: the socket, the channel, and a presence channel's member.
 *
 * @example
 * ```ts
 * const params: ChannelAuthorizationParams = { socketId, channelName: "presence-room", presenceData: { user_id: "42" } };
 * ```
 */
export interface ChannelAuthorizationParams {
  /** The `socket_id` pusher-js sent, e.g. `"1234.1234"`. */
  socketId: string;
  /** The `channel_name` pusher-js sent: a `private-`, `presence-` or `private-encrypted-` channel. */
  channelName: string;
  /** Presence channels only, and required there: the member's `user_id` and optional `user_info`. */
  presenceData?: PresenceData;
}

const PARAM_NAMES = ["socketId", "channelName", "presenceData"] as const;
const pickParams = ({ socketId, channelName, presenceData }: Argument) => ({ socketId, channelName, presenceData });

/**
 * Authorizes a socket to subscribe to a private, presence or encrypted channel (docs/protocol.md §5):
 * returns the JSON pusher-js expects, `auth` and, for a presence channel, `channel_data` (exactly
 * `JSON.stringify(presenceData)`, the string signed) or, for an encrypted one, `shared_secret`.
 * Throws a `PusherConfigError` for bad credentials and a `PusherValidationError`, whose `code` and
 * `field` say what is wrong, for bad params; nothing else, whatever it is given, and never the secret.
 *
 * @example
 * ```ts
 * authorizeChannel({ key: "278d425bdf160c739803", secret }, { socketId: "1234.1234", channelName: "private-foobar" });
 * // { auth: "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4" }
 * ```
 */
export function authorizeChannel(credentials: AuthCredentials, params: ChannelAuthorizationParams): ChannelAuthResponse {
  const keys = readCredentials(credentials);
  const fields = readArgument(params, PARAM_NAMES, pickParams);
  if (fields === undefined) {
    throw new PusherValidationError("invalid_params", "params", "authorizeChannel needs params { socketId, channelName }");
  }
  const { socketId, channelName, presenceData } = fields;
  validateSocketId(socketId);
  validateAuthorizableChannel(channelName, keys, "channelName");
  const kind = channelKind(channelName);

  if (kind === "presence") {
    // The string signed is the string returned: the server checks the signature against it.
    const channelData = serializePresenceData(presenceData);
    return { auth: signAuth(keys, channelAuthStringToSign(socketId, channelName, channelData)), channel_data: channelData };
  }
  if (presenceData !== undefined) {
    const problem = `presenceData is only for presence- channels: leave it out for the ${kind} channel "${channelName}"`;
    throw new PusherValidationError("invalid_presence_data", "presenceData", problem);
  }
  // decodeMasterKey checks the key's form before anything is signed; the shared secret is not signed.
  const masterKey = kind === "encrypted" ? decodeMasterKey(keys.encryptionMasterKeyBase64 as string) : undefined;
  const auth = signAuth(keys, channelAuthStringToSign(socketId, channelName));
  return masterKey === undefined ? { auth } : { auth, shared_secret: bytesToBase64(deriveSharedSecret(channelName, masterKey)) };
}

/**
 * Checks that `name` is a valid channel name these credentials can authorize: a private, presence
 * or encrypted channel, with the master key for the last (docs/protocol.md §5, §6).
 */
export function validateAuthorizableChannel(name: unknown, keys: AuthCredentials, field: string): asserts name is string {
  try {
    validateChannelName(name);
  } catch {
    // Named only on failure: an options object costs every valid name a copy of it.
    validateChannelName(name, { field });
  }
  const kind = channelKind(name);
  // validateChannelName refuses `#server-to-user-` names (`#` is outside the set): what is left is public.
  if (kind === "public") {
    throw new PusherValidationError("channel_not_authorizable", field, `${field} "${name}" is public: nothing to sign`);
  }
  if (kind === "encrypted" && keys.encryptionMasterKeyBase64 === undefined) {
    const problem = `${field} "${name}" is encrypted: give the credentials an encryptionMasterKeyBase64`;
    throw new PusherValidationError("encrypted_channel_misuse", field, problem);
  }
}
