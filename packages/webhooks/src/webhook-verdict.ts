import type { WebhookEvent } from "./webhook-events.js";
import type { WebhookValidationError } from "./webhook-validation-error.js";

/**
 * A webhook that passed every check: its events and `time_ms` can be trusted.
 *
 * @example
 * ```ts
 * if (verdict.isValid) console.log(new Date(verdict.timeMs), verdict.events.length);
 * ```
 */
export interface ValidWebhookVerdict {
  isValid: true;
  /** The events, in the order of the body; unknown kinds are kept with `known: false`. */
  events: readonly WebhookEvent[];
  /** The body's `time_ms`: when Pusher created the webhook, in Unix milliseconds. */
  timeMs: number;
  validationErrors: readonly [];
}

/**
 * A webhook that failed at least one check. Nothing of an invalid webhook is exposed (`events`
 * is empty, `timeMs` undefined): unverified data must not be acted upon.
 *
 * @example
 * ```ts
 * if (!verdict.isValid) console.warn(verdict.validationErrors.map((e) => e.message).join("; "));
 * ```
 */
export interface InvalidWebhookVerdict {
  isValid: false;
  events: readonly [];
  timeMs: undefined;
  /** Every problem found; never empty. */
  validationErrors: readonly WebhookValidationError[];
}

/**
 * What {@link verifyWebhook} concludes about one delivery, the seed's `ProcessWebHook` result:
 * `isValid`, `events`, `timeMs`, `validationErrors`. Narrow it with `isValid`.
 *
 * @example
 * ```ts
 * const verdict = verifyWebhook(credentials, { body, signature, key });
 * if (verdict.isValid) for (const event of verdict.events) handle(event);
 * ```
 */
export type WebhookVerdict = ValidWebhookVerdict | InvalidWebhookVerdict;
