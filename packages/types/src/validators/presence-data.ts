import { PusherValidationError } from "../errors/validation-error.js";
import { isJsonObject } from "../is-json-object.js";
import type { PresenceData } from "../wire-types.js";
import { describeValue } from "./describe-value.js";

/**
 * Checks the member data of a presence channel: an object with a non-empty `user_id`
 * (a string, or a finite number as some applications use) and an optional `user_info` object
 * (PROTOCOL §5). Throws `invalid_presence_data`.
 *
 * @example
 * ```ts
 * validatePresenceData({ user_id: "42", user_info: { name: "Ada" } }); // ok
 * validatePresenceData({ user_info: {} });                              // throws
 * ```
 */
export function validatePresenceData(data: unknown, field = "presenceData"): asserts data is PresenceData {
  if (!isJsonObject(data)) {
    throw new PusherValidationError(
      "invalid_presence_data",
      field,
      `${field} must be an object with a user_id, got ${describeValue(data)}`,
    );
  }
  const { user_id: userId, user_info: userInfo } = data;
  const validId =
    (typeof userId === "string" && userId.length > 0) || (typeof userId === "number" && Number.isFinite(userId));
  if (!validId) {
    throw new PusherValidationError(
      "invalid_presence_data",
      `${field}.user_id`,
      `${field}.user_id must be a non-empty string (or a number), got ${describeValue(userId)}`,
    );
  }
  if (userInfo !== undefined && !isJsonObject(userInfo)) {
    throw new PusherValidationError(
      "invalid_presence_data",
      `${field}.user_info`,
      `${field}.user_info must be an object when given, got ${describeValue(userInfo)}`,
    );
  }
}
