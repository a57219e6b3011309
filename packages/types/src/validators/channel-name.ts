import { PusherValidationError } from "../errors/validation-error.js";
import { MAX_CHANNEL_NAME_LENGTH, SERVER_TO_USER_CHANNEL_PREFIX } from "../limits.js";
import { describeValue } from "./describe-value.js";
import { validateNameCharacters } from "./name-characters.js";
import { readField, readObject } from "./read-fields.js";
import { validateUserId } from "./user-id.js";

/** Options of {@link validateChannelName}. */
export interface ChannelNameOptions {
  /** Accept `#server-to-user-<userId>`, the one server-reserved name this SDK sends to. */
  allowServerToUser?: boolean;
  /** The argument's name in error messages. @default "channel" */
  field?: string;
}

/**
 * Checks a channel name: 1–164 characters from `A–Z a–z 0–9 _ - = @ , . ;` (docs/protocol.md §4).
 * Throws a {@link PusherValidationError} with code `invalid_channel_name` otherwise.
 *
 * @example
 * ```ts
 * validateChannelName("private-chat");  // ok
 * validateChannelName("bad channel");   // throws: invalid_channel_name
 * validateChannelName("#server-to-user-42", { allowServerToUser: true }); // ok
 * ```
 */
export function validateChannelName(name: unknown, options?: ChannelNameOptions): asserts name is string {
  // Options that are not an object (null included) or cannot be read count as none: the
  // stricter reading, since the one option that changes the verdict allows more.
  const { field: givenField, allowServerToUser } = readObject(options, readChannelNameOptions) ?? {};
  const field = typeof givenField === "string" ? givenField : "channel";
  if (typeof name !== "string") {
    throw new PusherValidationError("invalid_channel_name", field, `${field} must be a string, got ${describeValue(name)}`);
  }
  if (allowServerToUser === true && name.startsWith(SERVER_TO_USER_CHANNEL_PREFIX)) {
    validateUserId(name.slice(SERVER_TO_USER_CHANNEL_PREFIX.length), `${field} (user id part)`);
    return;
  }
  if (name.length === 0 || name.length > MAX_CHANNEL_NAME_LENGTH) {
    throw new PusherValidationError(
      "invalid_channel_name",
      field,
      `${field} must be 1 to ${MAX_CHANNEL_NAME_LENGTH} characters long, got ${describeValue(name)}`,
    );
  }
  validateNameCharacters(name, "invalid_channel_name", field);
}

// The options, into an object literal: this runs for every channel name checked.
function readChannelNameOptions(options: object): { field: unknown; allowServerToUser: unknown } {
  return { field: readField(options, "field"), allowServerToUser: readField(options, "allowServerToUser") };
}
