import { PusherValidationError } from "../errors/validation-error.js";
import { MAX_EVENT_NAME_LENGTH } from "../limits.js";
import { describeValue } from "./describe-value.js";

/**
 * Checks an event name: a string of 1 to 200 characters (docs/protocol.md §4).
 * Throws `invalid_event_name` otherwise.
 *
 * @example
 * ```ts
 * validateEventName("new-message"); // ok
 * validateEventName("");            // throws: invalid_event_name
 * ```
 */
export function validateEventName(name: unknown, field = "event"): asserts name is string {
  if (typeof name !== "string" || name.length === 0 || name.length > MAX_EVENT_NAME_LENGTH) {
    throw new PusherValidationError(
      "invalid_event_name",
      field,
      `${field} must be a string of 1 to ${MAX_EVENT_NAME_LENGTH} characters, got ${describeValue(name)}`,
    );
  }
}
