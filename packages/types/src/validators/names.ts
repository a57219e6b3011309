import { PusherValidationError } from "../errors/input-errors.js";
import type { ValidationErrorCode } from "../errors/pusher-error.js";
import { readFields } from "./read-fields.js";

/** Longest channel name Pusher accepts (docs/protocol.md §4). */
export const MAX_CHANNEL_NAME_LENGTH = 164;
/** Longest event name Pusher accepts. */
export const MAX_EVENT_NAME_LENGTH = 200;
/** Longest user id Pusher accepts. */
export const MAX_USER_ID_LENGTH = 200;
/** The server-reserved channel prefix that `sendToUser` triggers on. */
export const SERVER_TO_USER_CHANNEL_PREFIX = "#server-to-user-";

// Channel names and user ids share one character set (docs/protocol.md §4).
const NAME_CHARACTERS = /^[A-Za-z0-9_\-=@,.;]+$/;
// `$` without the `m` flag matches only at the very end, so "1.1\n" is refused.
const SOCKET_ID = /^\d+\.\d+$/;

/**
 * Checks a channel name: 1–164 characters of `A–Z a–z 0–9 _ - = @ , . ;`, or `#server-to-user-<user id>` when allowed.
 * Options that are not an object or cannot be read count as none. Throws a {@link PusherValidationError}:
 * `invalid_channel_name`, or `invalid_user_id` for the user id part.
 */
export function validateChannelName(name: unknown, options?: { allowServerToUser?: boolean; field?: string }): asserts name is string {
  const { field: givenField, allowServerToUser } = readFields(options, ["field", "allowServerToUser"]) ?? {};
  const field = typeof givenField === "string" ? givenField : "channel";
  if (typeof name !== "string") throw refusal("invalid_channel_name", field, "must be a string", name);
  if (allowServerToUser === true && name.startsWith(SERVER_TO_USER_CHANNEL_PREFIX)) {
    validateUserId(name.slice(SERVER_TO_USER_CHANNEL_PREFIX.length), `${field} (user id part)`);
    return;
  }
  if (name.length === 0 || name.length > MAX_CHANNEL_NAME_LENGTH) {
    throw refusal("invalid_channel_name", field, `must be 1 to ${MAX_CHANNEL_NAME_LENGTH} characters long`, name);
  }
  checkNameCharacters(name, "invalid_channel_name", field);
}

/** Checks an event name: a string of 1 to 200 characters. Throws `invalid_event_name`. */
export function validateEventName(name: unknown, field = "event"): asserts name is string {
  if (typeof name !== "string" || name.length === 0 || name.length > MAX_EVENT_NAME_LENGTH) {
    throw refusal("invalid_event_name", field, `must be a string of 1 to ${MAX_EVENT_NAME_LENGTH} characters`, name);
  }
}

/** Checks a socket id: digits, a dot, digits (`1.1:` and `1.1\n` are refused). Throws `invalid_socket_id`. */
export function validateSocketId(socketId: unknown, field = "socketId"): asserts socketId is string {
  if (typeof socketId !== "string" || !SOCKET_ID.test(socketId)) {
    throw refusal("invalid_socket_id", field, 'must look like "1234.5678"', socketId);
  }
}

/** Checks a user id: 1 to 200 characters of the channel-name set. Throws `invalid_user_id`. */
export function validateUserId(userId: unknown, field = "userId"): asserts userId is string {
  if (typeof userId !== "string" || userId.length === 0 || userId.length > MAX_USER_ID_LENGTH) {
    throw refusal("invalid_user_id", field, `must be a string of 1 to ${MAX_USER_ID_LENGTH} characters`, userId);
  }
  checkNameCharacters(userId, "invalid_user_id", field);
}

function checkNameCharacters(name: string, code: ValidationErrorCode, field: string): void {
  if (!NAME_CHARACTERS.test(name)) {
    const message = `${field} may only contain A-Z a-z 0-9 _ - = @ , . ; but got ${describeValue(name)}`;
    throw new PusherValidationError(code, field, message);
  }
}

/** The {@link PusherValidationError} "`field` `rule`, got `value`", the value shown as {@link describeValue} shows it. */
export function refusal(code: ValidationErrorCode, field: string, rule: string, value: unknown): PusherValidationError {
  return new PusherValidationError(code, field, `${field} ${rule}, got ${describeValue(value)}`);
}

/** A rejected name or id as error messages show it: cut when long; only its type when not a string. */
export function describeValue(value: unknown): string {
  if (typeof value !== "string") return value === null ? "null" : typeof value;
  if (value.length <= 60) return JSON.stringify(value);
  return `${JSON.stringify(`${value.slice(0, 60)}…`)} (${value.length} characters)`;
}

/** What a channel's name makes of it (docs/protocol.md §4). */
export type ChannelKind = "public" | "private" | "presence" | "encrypted" | "server-to-user";

/** A channel's kind, by its prefix; a cache channel has its base's (`private-cache-x` is private). */
export function channelKind(channelName: string): ChannelKind {
  if (channelName.startsWith("private-encrypted-")) return "encrypted";
  if (channelName.startsWith("private-")) return "private";
  if (channelName.startsWith("presence-")) return "presence";
  if (channelName.startsWith(SERVER_TO_USER_CHANNEL_PREFIX)) return "server-to-user";
  return "public";
}

/** Whether a channel is end-to-end encrypted (`private-encrypted-…`). */
export function isEncryptedChannel(channelName: string): boolean {
  return channelKind(channelName) === "encrypted";
}

/** Whether a channel is a presence channel (`presence-…`). */
export function isPresenceChannel(channelName: string): boolean {
  return channelKind(channelName) === "presence";
}
