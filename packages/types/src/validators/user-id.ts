import { PusherValidationError } from "../errors/validation-error.js";
import { MAX_USER_ID_LENGTH } from "../limits.js";
import { describeValue } from "./describe-value.js";
import { validateNameCharacters } from "./name-characters.js";

/**
 * Checks a user id: a non-empty string of at most 200 characters from the channel-name
 * character set (docs/protocol.md §4). Throws `invalid_user_id` otherwise.
 *
 * @example
 * ```ts
 * validateUserId("user-42"); // ok
 * validateUserId("");        // throws: invalid_user_id
 * ```
 */
export function validateUserId(userId: unknown, field = "userId"): asserts userId is string {
  if (typeof userId !== "string" || userId.length === 0 || userId.length > MAX_USER_ID_LENGTH) {
    throw new PusherValidationError(
      "invalid_user_id",
      field,
      `${field} must be a string of 1 to ${MAX_USER_ID_LENGTH} characters, got ${describeValue(userId)}`,
    );
  }
  validateNameCharacters(userId, "invalid_user_id", field);
}
