import { PusherValidationError } from "../errors/validation-error.js";

/**
 * Checks that a trigger names between 1 and `max` channels. Throws `too_many_channels`
 * (also for an empty list, which names no channel at all).
 *
 * @example
 * ```ts
 * validateChannelCount(channels.length, 100);
 * ```
 */
export function validateChannelCount(count: number, max: number, field = "channels"): void {
  if (count < 1 || count > max) {
    throw new PusherValidationError(
      "too_many_channels",
      field,
      `${field} must name 1 to ${max} channels, got ${count}`,
    );
  }
}

/**
 * Checks that a batch holds between 1 and `max` events. Throws `batch_too_large`
 * (also for an empty batch).
 *
 * @example
 * ```ts
 * validateBatchSize(events.length, 10);
 * ```
 */
export function validateBatchSize(count: number, max: number, field = "events"): void {
  if (count < 1 || count > max) {
    throw new PusherValidationError(
      "batch_too_large",
      field,
      `${field} must hold 1 to ${max} events, got ${count}`,
    );
  }
}
