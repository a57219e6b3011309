import type { UnknownWebhookEvent, WebhookEvent } from "@x/types";

/**
 * The events of PROTOCOL §7 that this version knows, without the `known: false` fallback. A
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
 * Tells a known event from one whose name this version does not know (`known: false`).
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
  return !("known" in event && event.known === false);
}
