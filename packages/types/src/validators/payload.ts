import { PusherValidationError } from "../errors/input-errors.js";
import type { ValidationErrorCode } from "../errors/pusher-error.js";
import { refusal, validateUserId } from "./names.js";
import { isJsonObject } from "./read-fields.js";

/** Largest `data` (UTF-8 bytes) on Pusher's shared clusters; dedicated and self-hosted allow more. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 10_240;
/** Most user ids a user's watchlist may hold. */
export const MAX_WATCHLIST_SIZE = 100;

const encoder = /* @__PURE__ */ new TextEncoder();

/** The bytes `text` takes in UTF-8 (a lone surrogate as U+FFFD, as sent); `invalid_params` for a non-string, unconverted. */
export function utf8ByteLength(text: string, field = "text"): number {
  if (typeof text !== "string") throw new PusherValidationError("invalid_params", field, `${field} must be a string`);
  return encoder.encode(text).byteLength;
}

/** Checks that the `data` string sent fits in `maxBytes` UTF-8 bytes (`Infinity`: no limit). Throws `payload_too_large`. */
export function validatePayloadSize(data: string, maxBytes: number, field = "data"): void {
  // A UTF-16 code unit takes at most 3 bytes: a string of at most a third of the limit fits unmeasured.
  if (typeof data === "string" && data.length * 3 <= maxBytes) return;
  const size = utf8ByteLength(data, field);
  if (size > maxBytes) {
    const message = `${field} is ${size} bytes in UTF-8, more than the limit of ${maxBytes} bytes`;
    throw new PusherValidationError("payload_too_large", field, message);
  }
}

/**
 * Checks the member data of a presence channel and returns its JSON text, the `channel_data` to sign: an object with a
 * non-empty `user_id` (a string or a finite number) and an optional `user_info` object. The rules apply to the data's own
 * fields as serialized, so what is signed is what was checked. Throws `invalid_presence_data`, also for data with no JSON
 * text (a BigInt, a cycle).
 */
export function serializePresenceData(data: unknown, field = "presenceData"): string {
  const { text, copy } = checkedText(data, "invalid_presence_data", field, ["user_info"], "an object with a user_id");
  const userId = ownValue(copy, "user_id");
  // A number that is not finite has no JSON form: it would be sent as null.
  if (!((typeof userId === "string" && userId.length > 0) || Number.isFinite(userId))) {
    throw refusal("invalid_presence_data", `${field}.user_id`, "must be a non-empty string (or a finite number)", userId);
  }
  checkUserInfo(copy, "invalid_presence_data", field);
  return text;
}

/**
 * Checks the data of a signed-in user and returns its JSON text, the `user_data` to sign: an object with a valid `id`, an
 * optional `user_info` object and an optional `watchlist` of at most 100 user ids, checked as serialized. Throws
 * `invalid_user_data` or `invalid_user_id`.
 */
export function serializeUserData(data: unknown, field = "userData"): string {
  const { text, copy } = checkedText(data, "invalid_user_data", field, ["user_info", "watchlist"], "an object with an id");
  validateUserId(ownValue(copy, "id"), `${field}.id`);
  checkUserInfo(copy, "invalid_user_data", field);
  const watchlist = ownValue(copy, "watchlist");
  if (watchlist === undefined) return text;
  if (!Array.isArray(watchlist) || watchlist.length > MAX_WATCHLIST_SIZE) {
    const message = `${field}.watchlist must be an array of at most ${MAX_WATCHLIST_SIZE} user ids`;
    throw new PusherValidationError("invalid_user_data", `${field}.watchlist`, message);
  }
  watchlist.forEach((watched, index) => validateUserId(watched, `${field}.watchlist[${index}]`));
  return text;
}

function checkUserInfo(copy: object, code: ValidationErrorCode, field: string): void {
  const userInfo = ownValue(copy, "user_info");
  if (userInfo !== undefined && !isJsonObject(userInfo)) {
    throw refusal(code, `${field}.user_info`, "must be an object when given", userInfo);
  }
}

// The JSON text of `data` and an object holding exactly what the text holds. The common case, a plain
// object whose `objectKeys` are absent or plain objects, is copied (each property read once) and the
// copy both checked and serialized. Anything else (a class instance, a toJSON, an array) is serialized
// and the text parsed back. What serializing threw is dropped: it may carry anything.
function checkedText(data: unknown, code: ValidationErrorCode, field: string, objectKeys: string[], expected: string) {
  const plain = plainCopy(data);
  const checkable =
    plain !== undefined &&
    objectKeys.every((key) => {
      const own = ownValue(plain, key);
      const value = plainCopy(own);
      if (value !== undefined) plain[key] = value;
      return value !== undefined || own === undefined;
    });
  let text: string | undefined;
  try {
    // Typed as a string, but undefined for undefined, a function or a symbol.
    text = JSON.stringify(plain ?? data);
  } catch {
    throw new PusherValidationError(code, field, `${field} cannot be serialized as JSON`);
  }
  const copy = checkable ? plain : text === undefined ? undefined : plainCopy(JSON.parse(text));
  if (text === undefined || copy === undefined) {
    throw refusal(code, field, `must be ${expected}`, data);
  }
  return { text, copy };
}

// A copy made here may keep Object.prototype (see plainCopy): its fields are read as its own only.
function ownValue(copy: object, key: string): unknown {
  return Object.hasOwn(copy, key) ? (copy as Record<string, unknown>)[key] : undefined;
}

// A shallow copy of an ordinary object (plain or null-prototype, no toJSON of its own), else undefined.
// The copy keeps Object.prototype, which V8 serializes faster, unless a toJSON was planted there.
function plainCopy(value: unknown): Record<string, unknown> | undefined {
  try {
    const prototype: unknown = isJsonObject(value) ? Object.getPrototypeOf(value) : 0;
    if (prototype !== Object.prototype && prototype !== null) return undefined;
    const copy: Record<string, unknown> = { ...(value as object) };
    if (Object.hasOwn(copy, "toJSON")) return typeof copy.toJSON === "function" ? undefined : copy;
    return "toJSON" in copy ? (Object.setPrototypeOf(copy, null) as Record<string, unknown>) : copy;
  } catch {
    return undefined;
  }
}
