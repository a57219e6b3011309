import type { WebhookValidationError } from "./webhook-validation-error.js";

/**
 * Checks `time_ms` against the freshness window (docs/protocol.md §7): a webhook older than `maxAgeMs`,
 * or further than `maxAgeMs` in the future, may be a replay and is refused.
 */
export function checkWebhookTime(timeMs: number, maxAgeMs: number, nowMs: number): WebhookValidationError | undefined {
  const ageMs = nowMs - timeMs;
  if (!(Math.abs(ageMs) > maxAgeMs)) return undefined;
  const age = ageMs > 0 ? ` is ${ageMs} ms old` : `'s time_ms is ${-ageMs} ms in the future`;
  return { code: "outside_time_window", message: `the webhook${age}; maxAgeMs allows ${maxAgeMs} ms` };
}
