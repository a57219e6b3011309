import { isEncryptedChannel } from "../channel-kind.js";
import { PusherValidationError } from "../errors/validation-error.js";

/**
 * Checks the end-to-end encryption rule of docs/protocol.md §6: a trigger that names an encrypted
 * channel must name only that one channel (each channel has its own key). Throws
 * `encrypted_channel_misuse`; a `channels` that is not an array of strings throws
 * `invalid_channel_name`.
 *
 * @example
 * ```ts
 * validateEncryptedChannelTrigger(["private-encrypted-a"]);              // ok
 * validateEncryptedChannelTrigger(["private-encrypted-a", "public-b"]);  // throws
 * ```
 */
export function validateEncryptedChannelTrigger(channels: readonly string[], field = "channels"): void {
  // A copy, read once; a list that is not an array of strings (or a Proxy that throws) cannot be judged.
  let list: unknown[] = [0];
  try {
    if (Array.isArray(channels)) list = [...(channels as unknown[])];
  } catch {
    // list stays a list of something else
  }
  if (!list.every((channel) => typeof channel === "string")) {
    throw new PusherValidationError("invalid_channel_name", field, `${field} must be an array of channel names`);
  }
  if (list.length > 1 && list.some(isEncryptedChannel)) {
    throw new PusherValidationError(
      "encrypted_channel_misuse",
      field,
      `an encrypted channel is triggered alone, got ${list.length} channels`,
    );
  }
}
