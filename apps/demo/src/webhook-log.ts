import type { WebhookEvent } from "@x/server";

/**
 * One webhook event as the page shows it: a sequence number (so the page can merge the history
 * it fetched with the events pushed to it live, without duplicates), the webhook's `time_ms`,
 * and the verified event.
 *
 * @example
 * ```ts
 * const entry: LoggedWebhook = { id: 7, timeMs: 1700000000000, event: { name: "member_added", channel: "presence-demo-chat", user_id: "user-1" } };
 * ```
 */
export interface LoggedWebhook {
  id: number;
  timeMs: number;
  event: WebhookEvent;
}

const KEPT_EVENTS = 50;

/**
 * The last 50 webhook events the server received, in memory, oldest first.
 *
 * @example
 * ```ts
 * const log = new WebhookLog();
 * const entry = log.add(event, timeMs);
 * log.recent(); // [..., entry]
 * ```
 */
export class WebhookLog {
  readonly #entries: LoggedWebhook[] = [];
  #nextId = 1;

  /** Records an event and returns its entry; the oldest entry goes once there are 50. */
  add(event: WebhookEvent, timeMs: number): LoggedWebhook {
    const entry = { id: this.#nextId++, timeMs, event };
    this.#entries.push(entry);
    if (this.#entries.length > KEPT_EVENTS) this.#entries.shift();
    return entry;
  }

  /** The kept entries, oldest first. */
  recent(): LoggedWebhook[] {
    return [...this.#entries];
  }
}
