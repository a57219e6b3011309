import { PusherValidationError } from "../errors/validation-error.js";

// Whether `count` is a whole number from 1 to `max`; anything that is not a number is not.
function isCountWithin(count: unknown, max: number): boolean {
  return Number.isInteger(count) && (count as number) >= 1 && (count as number) <= max;
}

// The count as a message shows it, without converting what is not a number (that may throw).
function shown(count: unknown): number | string {
  return typeof count === "number" ? count : typeof count;
}

/**
 * Checks that a trigger names between 1 and `max` channels. Throws `too_many_channels`
 * (also for an empty list, which names no channel at all, and for a count that is not a whole number).
 *
 * @example
 * ```ts
 * validateChannelCount(channels.length, 100);
 * ```
 */
export function validateChannelCount(count: number, max: number, field = "channels"): void {
  if (!isCountWithin(count, max)) {
    throw new PusherValidationError(
      "too_many_channels",
      field,
      `${field} must name 1 to ${max} channels, got ${shown(count)}`,
    );
  }
}

/**
 * Checks that a batch holds between 1 and `max` events. Throws `batch_too_large`
 * (also for an empty batch, and for a count that is not a whole number).
 *
 * @example
 * ```ts
 * validateBatchSize(events.length, 10);
 * ```
 */
export function validateBatchSize(count: number, max: number, field = "events"): void {
  if (!isCountWithin(count, max)) {
    throw new PusherValidationError(
      "batch_too_large",
      field,
      `${field} must hold 1 to ${max} events, got ${shown(count)}`,
    );
  }
}
