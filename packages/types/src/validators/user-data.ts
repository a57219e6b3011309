import { PusherValidationError } from "../errors/validation-error.js";
import { isJsonObject } from "../is-json-object.js";
import { MAX_WATCHLIST_SIZE } from "../limits.js";
import type { UserData } from "../wire-types.js";
import { describeValue } from "./describe-value.js";
import { validateUserId } from "./user-id.js";

/**
 * Checks the data of an authenticated user (sign-in, PROTOCOL §5): an object whose `id` is a
 * valid user id, with an optional `user_info` object and an optional `watchlist` of at most 100
 * user ids. Throws `invalid_user_data` or `invalid_user_id`.
 *
 * @example
 * ```ts
 * validateUserData({ id: "42", watchlist: ["7", "9"] }); // ok
 * validateUserData({ id: "" });                          // throws: invalid_user_id
 * ```
 */
export function validateUserData(data: unknown, field = "userData"): asserts data is UserData {
  if (!isJsonObject(data)) {
    throw new PusherValidationError(
      "invalid_user_data",
      field,
      `${field} must be an object with an id, got ${describeValue(data)}`,
    );
  }
  const { id, user_info: userInfo, watchlist } = data;
  validateUserId(id, `${field}.id`);
  if (userInfo !== undefined && !isJsonObject(userInfo)) {
    throw new PusherValidationError(
      "invalid_user_data",
      `${field}.user_info`,
      `${field}.user_info must be an object when given, got ${describeValue(userInfo)}`,
    );
  }
  if (watchlist === undefined) return;
  if (!Array.isArray(watchlist) || watchlist.length > MAX_WATCHLIST_SIZE) {
    throw new PusherValidationError(
      "invalid_user_data",
      `${field}.watchlist`,
      `${field}.watchlist must be an array of at most ${MAX_WATCHLIST_SIZE} user ids`,
    );
  }
  watchlist.forEach((watched, index) => validateUserId(watched, `${field}.watchlist[${index}]`));
}
