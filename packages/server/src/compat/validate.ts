// The official package's checks, no more and no less, so that every call it accepts is accepted
// here; its messages word for word (code may match them), in this SDK's typed errors.
import { PusherConfigError, PusherValidationError } from "@x/types";
import type { ValidationErrorCode } from "@x/types";
import { readFields } from "@x/types/internal";

/** `"" + value`, the official package's conversion in messages and query strings (`+`'s hint, not a template's). */
export function concatenated(value: unknown): string {
  return "" + (value as string);
}

// What `+` cannot convert (a Symbol, an object without a prototype) makes the official package
// throw a TypeError while building its message: the type is shown instead.
function shown(value: unknown): string {
  try {
    return concatenated(value);
  } catch {
    return typeof value;
  }
}

/** Throws a `PusherValidationError`. */
export function invalid(code: ValidationErrorCode, field: string, message: string): never {
  throw new PusherValidationError(code, field, message);
}

/** Throws a `PusherConfigError`. */
export function misconfigured(option: string, message: string): never {
  throw new PusherConfigError(option, message);
}

/**
 * `JSON.stringify(value)`; where it throws (a BigInt, a cycle, a `toJSON` that throws), a
 * `PusherValidationError` naming `field`, without what was thrown (a `toJSON` may put a secret in it).
 */
export function jsonOf(value: unknown, field: string, code: ValidationErrorCode = "invalid_params"): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return invalid(code, field, `${field} cannot be serialized as JSON (a BigInt, a cycle, or a toJSON that throws)`);
  }
}

/** The official `ensureJSON`: a string as it is, anything else JSON-encoded once. */
export function ensureJSON(data: unknown, field: string): string | undefined {
  return typeof data === "string" ? data : jsonOf(data, field);
}

/** A channel name: a non-empty string of `A–Z a–z 0–9 _ - = @ , . ;`, at most 200 characters (more than the protocol allows). */
export function validateChannel(channel: unknown): asserts channel is string {
  if (typeof channel !== "string" || channel === "" || /[^A-Za-z0-9_\-=@,.;]/.test(channel)) {
    invalid("invalid_channel_name", "channel", `Invalid channel name: '${shown(channel)}'`);
  }
  if (channel.length > 200) invalid("invalid_channel_name", "channel", `Channel name too long: '${channel}'`);
}

/** A socket id: digits, a dot, digits. */
export function validateSocketId(socketId: unknown): asserts socketId is string {
  if (typeof socketId !== "string" || !/^\d+\.\d+$/.test(socketId)) {
    invalid("invalid_socket_id", "socketId", `Invalid socket id: '${shown(socketId)}'`);
  }
}

/** A user id: any non-empty string. */
export function validateUserId(userId: unknown): asserts userId is string {
  if (typeof userId !== "string" || userId === "") invalid("invalid_user_id", "userId", `Invalid user id: '${shown(userId)}'`);
}

/** A user of `authenticateUser`: an object whose `id` is a non-empty string. */
export function validateUserData(userData: unknown): void {
  const fields = readFields(userData, ["id"]);
  if (fields === undefined) invalid("invalid_user_data", "userData", `Invalid user data: '${shown(userData)}'`);
  validateUserId(fields.id);
}

/** An event name: the official package checks only its `length` (at most 200); a missing one is refused, not a TypeError. */
export function validateEventName(event: unknown): void {
  if (event === undefined || event === null) invalid("invalid_event_name", "event", `Invalid event name: '${shown(event)}'`);
  if (((event as { length?: number }).length ?? 0) > 200) {
    invalid("invalid_event_name", "event", `Too long event name: '${shown(event)}'`);
  }
}

/** The channels of one trigger: at most 100, each a valid name. */
export function validateChannels(channels: readonly unknown[]): void {
  if (channels.length > 100) invalid("too_many_channels", "channels", "Can't trigger a message to more than 100 channels");
  for (const channel of channels) validateChannel(channel);
}

/** Throws when a query parameter has the name of one of the signature's own, as the official package does. */
export function checkReservedParams(params: object | undefined): void {
  if (!params) return;
  // `for…in` and a plain object, as there: inherited names count, and `constructor`,
  // `toString`… are refused too, which keeps them out of the query object.
  for (const key in params) {
    if (RESERVED[key] !== undefined) invalid("reserved_param", "params", `${key} is a required parameter and cannot be overidden`);
  }
}

const RESERVED: Record<string, unknown> = { auth_key: 1, auth_timestamp: 1, auth_version: 1, auth_signature: 1, body_md5: 1 };
