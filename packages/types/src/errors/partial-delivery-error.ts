import { PusherError, isPusherError } from "./pusher-error.js";

/**
 * A call that had to be split into several requests (too many channels for one trigger, too many
 * events for one batch) failed part-way. `delivered` lists what the server accepted,
 * `undelivered` what was not sent or was refused; `cause` is the error of the failed request.
 * Nothing is dropped silently: `delivered` and `undelivered` together are everything asked for.
 *
 * `TItem` is a channel name for a trigger to many channels, and an index into the events array
 * for a batch.
 *
 * @example
 * ```ts
 * try {
 *   await client.trigger(manyChannels, "news", data);
 * } catch (error) {
 *   if (isPusherPartialDeliveryError(error)) await retry(error.undelivered);
 * }
 * ```
 */
export class PusherPartialDeliveryError<TItem = unknown> extends PusherError {
  override readonly name = "PusherPartialDeliveryError";
  declare readonly delivered: readonly TItem[];
  declare readonly undelivered: readonly TItem[];

  constructor(
    delivered: readonly TItem[],
    undelivered: readonly TItem[],
    options: { cause: unknown },
  ) {
    const reason =
      typeof options.cause === "object" && options.cause !== null && "message" in options.cause
        ? `: ${String(options.cause.message)}`
        : "";
    super(
      "partial_delivery",
      `delivered ${delivered.length} of ${delivered.length + undelivered.length}; ` +
        `the request for the rest failed${reason}`,
      options,
    );
    this.delivered = delivered;
    this.undelivered = undelivered;
  }
}

/**
 * Tells whether `value` is a {@link PusherPartialDeliveryError} from any copy of `@x/types`.
 *
 * @example
 * ```ts
 * if (isPusherPartialDeliveryError(error)) console.warn(error.undelivered);
 * ```
 */
export function isPusherPartialDeliveryError(
  value: unknown,
): value is PusherPartialDeliveryError {
  return isPusherError(value) && value.name === "PusherPartialDeliveryError";
}
