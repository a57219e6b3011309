import type { UnknownWebhookEvent, WebhookEvent } from "./webhook-events.js";

/**
 * The events of docs/protocol.md §7 that this version knows, without the `known: false` fallback. A
 * `switch` on `event.name` narrows this union fully (on the whole `WebhookEvent` union it
 * cannot, since an unknown event's `name` is any string).
 *
 * @example
 * ```ts
 * function handle(event: KnownWebhookEvent) {
 *   if (event.name === "member_added") greet(event.user_id); // user_id: string
 * }
 * ```
 */
export type KnownWebhookEvent = Exclude<WebhookEvent, UnknownWebhookEvent>;

/**
 * Tells a known event from one whose name this version does not know (`known: false`). Anything
 * that is not an event object (`null`, a value whose `known` cannot be read) is not a known event.
 *
 * @example
 * ```ts
 * for (const event of verdict.events) {
 *   if (!isKnownWebhookEvent(event)) continue; // or log event.name
 *   switch (event.name) {
 *     case "member_added": greet(event.user_id); break;
 *     case "channel_vacated": cleanUp(event.channel); break;
 *   }
 * }
 * ```
 */
export function isKnownWebhookEvent(event: WebhookEvent): event is KnownWebhookEvent {
  // Meant for the events of a verdict; anything else (null, a Proxy that throws) is not a known event.
  try {
    return typeof event === "object" && event !== null && (event as { known?: unknown }).known !== false;
  } catch {
    return false;
  }
}
