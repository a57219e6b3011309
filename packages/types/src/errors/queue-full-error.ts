import { PusherError, isPusherError } from "./pusher-error.js";

/**
 * A publisher had no room for an event: its queue and its waiting room were full, or the event
 * waited for room longer than the publisher's `maxWaitMs`. The event was not sent; nothing of it
 * is kept. Publishing faster than the server accepts events ends here instead of in unbounded
 * memory: slow down, or drop the event knowingly.
 *
 * @example
 * ```ts
 * try {
 *   await publisher.publish({ channel: "ticks", name: "tick", data: tick });
 * } catch (error) {
 *   if (isPusherQueueFullError(error)) metrics.increment("ticks.dropped");
 * }
 * ```
 */
export class PusherQueueFullError extends PusherError {
  override readonly name = "PusherQueueFullError";
  /** How long the event waited for room, in milliseconds (0 when the waiting room was full). */
  declare readonly waitedMs: number;

  constructor(message: string, waitedMs: number) {
    super("queue_full", message);
    this.waitedMs = waitedMs;
  }
}

/**
 * Tells whether `value` is a {@link PusherQueueFullError} from any copy of `@x/types`.
 *
 * @example
 * ```ts
 * if (isPusherQueueFullError(error)) dropped++;
 * ```
 */
export function isPusherQueueFullError(value: unknown): value is PusherQueueFullError {
  return isPusherError(value) && value.name === "PusherQueueFullError";
}
