import { PusherValidationError } from "@x/types";
import { channelKind, validateChannelName } from "@x/types/internal";
import type { AuthCredentials } from "./auth-credentials.js";

/**
 * Checks that `channelName` is a channel these credentials can authorize. Only private,
 * presence and encrypted channels take an authorization (docs/protocol.md §5); an encrypted one also
 * needs the master key its `shared_secret` is derived from (docs/protocol.md §6).
 * Throws a `PusherValidationError`: `invalid_channel_name`, `channel_not_authorizable` or
 * `encrypted_channel_misuse`.
 *
 * @example
 * ```ts
 * validateAuthorizableChannel("presence-room", { key, secret }); // ok
 * validateAuthorizableChannel("news", { key, secret });          // throws: channel_not_authorizable
 * ```
 */
export function validateAuthorizableChannel(
  channelName: unknown,
  credentials: AuthCredentials,
  field = "channelName",
): asserts channelName is string {
  validateChannelName(channelName, { field });
  const kind = channelKind(channelName);
  if (kind === "encrypted" && credentials.encryptionMasterKeyBase64 === undefined) {
    throw new PusherValidationError(
      "encrypted_channel_misuse",
      field,
      `${field} "${channelName}" is encrypted: credentials need encryptionMasterKeyBase64`,
    );
  }
  // `#server-to-user-…` names never get here (`#` is outside the channel-name set), so the one
  // kind left that takes no authorization is public.
  if (kind === "public") {
    throw new PusherValidationError(
      "channel_not_authorizable",
      field,
      `${field} "${channelName}" is public: nothing to authorize`,
    );
  }
}
