import { PusherValidationError } from "../errors/validation-error.js";
import { isJsonObject } from "../is-json-object.js";
import type { PresenceData } from "../wire-types.js";
import { describeValue } from "./describe-value.js";
import { jsonText, ownValue } from "./json-text.js";

/**
 * Checks the member data of a presence channel and returns its JSON text, the exact
 * `channel_data` string to sign (docs/protocol.md §5). The data must serialize to an object with a
 * non-empty `user_id` (a string, or a finite number as some applications use) and an optional
 * `user_info` object. What is checked is what is serialized (a plain object as a copy whose
 * properties are read once, anything else as its JSON text parsed back), so that what is signed
 * is what was checked. Throws `invalid_presence_data`, also for data that cannot be serialized (a BigInt, a
 * cycle, a getter or `toJSON` that throws).
 *
 * @example
 * ```ts
 * serializePresenceData({ user_id: "42", user_info: { name: "Ada" } }); // '{"user_id":"42","user_info":{"name":"Ada"}}'
 * serializePresenceData({ user_id: 1n });                                // throws: invalid_presence_data
 * ```
 */
export function serializePresenceData(data: unknown, field = "presenceData"): string {
  const { text, copy } = jsonText(data, "invalid_presence_data", field, ["user_info"]);
  if (!isJsonObject(copy)) {
    throw new PusherValidationError(
      "invalid_presence_data",
      field,
      `${field} must be an object with a user_id, got ${describeValue(data)}`,
    );
  }
  const userId = ownValue(copy, "user_id");
  const userInfo = ownValue(copy, "user_info");
  // A number that is not finite has no JSON form (it is sent as null).
  if (!((typeof userId === "string" && userId.length > 0) || Number.isFinite(userId))) {
    throw new PusherValidationError(
      "invalid_presence_data",
      `${field}.user_id`,
      `${field}.user_id must be a non-empty string (or a finite number), got ${describeValue(userId)}`,
    );
  }
  if (userInfo !== undefined && !isJsonObject(userInfo)) {
    throw new PusherValidationError(
      "invalid_presence_data",
      `${field}.user_info`,
      `${field}.user_info must be an object when given, got ${describeValue(userInfo)}`,
    );
  }
  // The copy is an object, so the data had a JSON text.
  return text as string;
}

/**
 * Checks the member data of a presence channel: see {@link serializePresenceData}, which also
 * returns the JSON text to sign. Throws `invalid_presence_data`.
 *
 * @example
 * ```ts
 * validatePresenceData({ user_id: "42", user_info: { name: "Ada" } }); // ok
 * validatePresenceData({ user_info: {} });                              // throws
 * ```
 */
export function validatePresenceData(data: unknown, field = "presenceData"): asserts data is PresenceData {
  serializePresenceData(data, field);
}
