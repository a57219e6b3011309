import { PusherValidationError } from "@x/types";
import { concatenated } from "./concatenated.js";

// The checks of the official `pusher` package, no more and no less, so that every call it
// accepts is accepted here. Its messages are kept word for word (code may match on them); the
// errors are this SDK's typed ones, which are `Error`s too.

const CHANNEL_CHARACTER_OUTSIDE_SET = /[^A-Za-z0-9_\-=@,.;]/;
const SOCKET_ID = /^\d+\.\d+$/;
// The official package allows longer channel names than the protocol's 164: so does this entry.
const MAX_CHANNEL_NAME_LENGTH = 200;
const MAX_EVENT_NAME_LENGTH = 200;
const MAX_CHANNELS_PER_TRIGGER = 100;

// A value as the official messages show it (`"'" + value + "'"`). What `+` cannot convert (a
// Symbol, an object without a prototype) makes the official package throw a TypeError while
// building the message: its type is shown instead, so that the error is still this one.
function shown(value: unknown): string {
  try {
    return concatenated(value);
  } catch {
    return typeof value;
  }
}

/**
 * A channel name as the official package accepts it: a non-empty string of
 * `A–Z a–z 0–9 _ - = @ , . ;`, at most 200 characters.
 *
 * @example
 * ```ts
 * validateChannel("private-chat"); // ok
 * validateChannel("abc$");         // throws "Invalid channel name: 'abc$'"
 * ```
 */
export function validateChannel(channel: unknown): asserts channel is string {
  if (typeof channel !== "string" || channel === "" || CHANNEL_CHARACTER_OUTSIDE_SET.test(channel)) {
    throw new PusherValidationError("invalid_channel_name", "channel", `Invalid channel name: '${shown(channel)}'`);
  }
  if (channel.length > MAX_CHANNEL_NAME_LENGTH) {
    throw new PusherValidationError("invalid_channel_name", "channel", `Channel name too long: '${channel}'`);
  }
}

/**
 * A socket id as the official package accepts it: digits, a dot, digits.
 *
 * @example
 * ```ts
 * validateSocketId("123.456"); // ok
 * validateSocketId("1.1:");    // throws "Invalid socket id: '1.1:'"
 * ```
 */
export function validateSocketId(socketId: unknown): asserts socketId is string {
  if (typeof socketId !== "string" || !SOCKET_ID.test(socketId)) {
    throw new PusherValidationError("invalid_socket_id", "socketId", `Invalid socket id: '${shown(socketId)}'`);
  }
}

/**
 * A user id as the official package accepts it: any non-empty string.
 *
 * @example
 * ```ts
 * validateUserId("42"); // ok
 * validateUserId("");   // throws "Invalid user id: ''"
 * ```
 */
export function validateUserId(userId: unknown): asserts userId is string {
  if (typeof userId !== "string" || userId === "") {
    throw new PusherValidationError("invalid_user_id", "userId", `Invalid user id: '${shown(userId)}'`);
  }
}

/**
 * A user of `authenticateUser` as the official package accepts it: an object whose `id` is a
 * non-empty string.
 *
 * @example
 * ```ts
 * validateUserData({ id: "42", name: "Ada" }); // ok
 * validateUserData(null);                      // throws "Invalid user data: 'null'"
 * ```
 */
export function validateUserData(userData: unknown): asserts userData is { id: string } {
  if (userData === null || typeof userData !== "object") {
    throw new PusherValidationError("invalid_user_data", "userData", `Invalid user data: '${shown(userData)}'`);
  }
  validateUserId((userData as { id?: unknown }).id);
}

/**
 * The official package's one check of an event name: its `length`, at most 200. A missing name
 * has no length, which the official package reports with a `TypeError`; this says so plainly.
 *
 * @example
 * ```ts
 * validateEventNameLength("my-event"); // ok
 * ```
 */
export function validateEventNameLength(event: unknown): void {
  if (event === undefined || event === null) {
    throw new PusherValidationError("invalid_event_name", "event", `Invalid event name: '${shown(event)}'`);
  }
  if (((event as { length?: number }).length ?? 0) > MAX_EVENT_NAME_LENGTH) {
    throw new PusherValidationError("invalid_event_name", "event", `Too long event name: '${shown(event)}'`);
  }
}

/**
 * The official package's limit on the channels of one trigger.
 *
 * @example
 * ```ts
 * validateChannelCount(["a", "b"]); // ok
 * ```
 */
export function validateChannelCount(channels: readonly unknown[]): void {
  if (channels.length > MAX_CHANNELS_PER_TRIGGER) {
    throw new PusherValidationError("too_many_channels", "channels", "Can't trigger a message to more than 100 channels");
  }
}
