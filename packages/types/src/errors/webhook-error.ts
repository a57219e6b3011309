import { PusherError, isPusherError } from "./pusher-error.js";

/**
 * A webhook failed verification where the caller asked for an exception rather than a verdict
 * object. `reasons` lists every problem found (never a secret or an expected signature).
 *
 * @example
 * ```ts
 * if (isPusherWebhookError(error)) console.warn(error.reasons.join("; "));
 * ```
 */
export class PusherWebhookError extends PusherError {
  override readonly name = "PusherWebhookError";
  declare readonly reasons: readonly string[];

  constructor(reasons: readonly string[]) {
    super("invalid_webhook", `invalid webhook: ${reasons.join("; ")}`);
    this.reasons = reasons;
  }
}

/**
 * Tells whether `value` is a {@link PusherWebhookError} from any copy of `@x/types`.
 *
 * @example
 * ```ts
 * if (isPusherWebhookError(error)) return new Response(null, { status: 401 });
 * ```
 */
export function isPusherWebhookError(value: unknown): value is PusherWebhookError {
  return isPusherError(value) && value.name === "PusherWebhookError";
}
