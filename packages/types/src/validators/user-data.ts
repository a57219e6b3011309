import { PusherValidationError } from "../errors/validation-error.js";
import { isJsonObject } from "../is-json-object.js";
import { MAX_WATCHLIST_SIZE } from "../limits.js";
import type { UserData } from "../wire-types.js";
import { describeValue } from "./describe-value.js";
import { jsonText, ownValue } from "./json-text.js";
import { validateUserId } from "./user-id.js";

/**
 * Checks the data of an authenticated user (sign-in, docs/protocol.md §5) and returns its JSON text, the
 * exact `user_data` string to sign. The data must serialize to an object whose `id` is a valid
 * user id, with an optional `user_info` object and an optional `watchlist` of at most 100 user
 * ids. What is checked is what is serialized (a plain object as a copy whose properties are read
 * once, anything else as its JSON text parsed back), so that what is signed is what was checked. Throws
 * `invalid_user_data` (also for data that cannot be serialized: a BigInt, a cycle, a getter or
 * `toJSON` that throws) or `invalid_user_id`.
 *
 * @example
 * ```ts
 * serializeUserData({ id: "42", watchlist: ["7"] }); // '{"id":"42","watchlist":["7"]}'
 * serializeUserData({ id: "" });                     // throws: invalid_user_id
 * ```
 */
export function serializeUserData(data: unknown, field = "userData"): string {
  const { text, copy } = jsonText(data, "invalid_user_data", field, ["user_info", "watchlist"]);
  if (!isJsonObject(copy)) {
    throw new PusherValidationError(
      "invalid_user_data",
      field,
      `${field} must be an object with an id, got ${describeValue(data)}`,
    );
  }
  const id = ownValue(copy, "id");
  const userInfo = ownValue(copy, "user_info");
  const watchlist = ownValue(copy, "watchlist");
  validateUserId(id, `${field}.id`);
  if (userInfo !== undefined && !isJsonObject(userInfo)) {
    throw new PusherValidationError(
      "invalid_user_data",
      `${field}.user_info`,
      `${field}.user_info must be an object when given, got ${describeValue(userInfo)}`,
    );
  }
  if (watchlist !== undefined) {
    if (!Array.isArray(watchlist) || watchlist.length > MAX_WATCHLIST_SIZE) {
      throw new PusherValidationError(
        "invalid_user_data",
        `${field}.watchlist`,
        `${field}.watchlist must be an array of at most ${MAX_WATCHLIST_SIZE} user ids`,
      );
    }
    watchlist.forEach((watched, index) => validateUserId(watched, `${field}.watchlist[${index}]`));
  }
  // The copy is an object, so the data had a JSON text.
  return text as string;
}

/**
 * Checks the data of an authenticated user: see {@link serializeUserData}, which also returns the
 * JSON text to sign. Throws `invalid_user_data` or `invalid_user_id`.
 *
 * @example
 * ```ts
 * validateUserData({ id: "42", watchlist: ["7", "9"] }); // ok
 * validateUserData({ id: "" });                          // throws: invalid_user_id
 * ```
 */
export function validateUserData(data: unknown, field = "userData"): asserts data is UserData {
  serializeUserData(data, field);
}
