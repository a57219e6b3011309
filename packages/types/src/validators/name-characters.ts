import type { ValidationErrorCode } from "../errors/pusher-error.js";
import { PusherValidationError } from "../errors/validation-error.js";
import { describeValue } from "./describe-value.js";

// Channel names and user ids share one character set (docs/protocol.md §4).
const NAME_CHARACTERS = /^[A-Za-z0-9_\-=@,.;]+$/;

/**
 * Checks that a channel name or user id uses only `A–Z a–z 0–9 _ - = @ , . ;` (docs/protocol.md §4);
 * throws a {@link PusherValidationError} with `code` naming `field` otherwise.
 *
 * @example
 * ```ts
 * validateNameCharacters("private-chat", "invalid_channel_name", "channel"); // ok
 * validateNameCharacters("bad name", "invalid_user_id", "userId");            // throws
 * ```
 */
export function validateNameCharacters(name: string, code: ValidationErrorCode, field: string): void {
  if (!NAME_CHARACTERS.test(name)) {
    throw new PusherValidationError(
      code,
      field,
      `${field} may only contain A-Z a-z 0-9 _ - = @ , . ; but got ${describeValue(name)}`,
    );
  }
}
