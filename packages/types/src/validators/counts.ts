import { PusherValidationError } from "../errors/input-errors.js";
import type { ValidationErrorCode } from "../errors/pusher-error.js";

/** Most channels one trigger may name. */
export const DEFAULT_MAX_CHANNELS_PER_TRIGGER = 100;
/** Most events one batch may carry on shared clusters; some servers allow 100. */
export const DEFAULT_MAX_BATCH_SIZE = 10;

/** Checks that a trigger names 1 to `max` channels. Throws `too_many_channels`, also for 0 or a non-integer. */
export function validateChannelCount(count: number, max: number, field = "channels"): void {
  checkCount(count, max, "too_many_channels", field, `name 1 to ${max} channels`);
}

/** Checks that a batch holds 1 to `max` events. Throws `batch_too_large`, also for 0 or a non-integer. */
export function validateBatchSize(count: number, max: number, field = "events"): void {
  checkCount(count, max, "batch_too_large", field, `hold 1 to ${max} events`);
}

function checkCount(count: unknown, max: number, code: ValidationErrorCode, field: string, rule: string): void {
  if (Number.isInteger(count) && (count as number) >= 1 && (count as number) <= max) return;
  // What is not a number is shown by its type: converting it could throw.
  throw new PusherValidationError(code, field, `${field} must ${rule}, got ${typeof count === "number" ? count : typeof count}`);
}
