import type { EventData, EventSchemas } from "@x/types";

/** A channel became occupied (its first subscriber) or vacated (its last one left). */
export type ChannelExistenceEvent = { name: "channel_occupied" | "channel_vacated"; channel: string };

/** A user joined or left a presence channel. */
export type PresenceMemberEvent = { name: "member_added" | "member_removed"; channel: string; user_id: string };

/** A client event (`client-…`); on a `private-encrypted-` channel, `data` is encrypted unless a `decryptor` was given. */
export interface ClientEventWebhook {
  name: "client_event";
  channel: string;
  event: string;
  data: string;
  socket_id: string;
  /** On presence channels: the member who sent it. */
  user_id?: string;
}

/** A client subscribed to a cache channel that held no cached event. */
export type CacheMissEvent = { name: "cache_miss"; channel: string };

/** The number of subscriptions of a channel changed. */
export type SubscriptionCountEvent = { name: "subscription_count"; channel: string; subscription_count: number };

/** An event of a kind this version does not know, kept whole, so that a new kind does not make receivers refuse webhooks. */
export type UnknownWebhookEvent = { name: string; channel?: string; known: false; [field: string]: unknown };

/** The events this version knows: a `switch` on `event.name` narrows this union to one event type. */
export type KnownWebhookEvent = ChannelExistenceEvent | PresenceMemberEvent | ClientEventWebhook | CacheMissEvent | SubscriptionCountEvent;

/**
 * Any event a webhook can carry (docs/protocol.md §7). An unknown event's `name` is any string: set unknown events
 * aside with {@link isKnownWebhookEvent} first, and `event.name` narrows to one event type.
 * @example for (const event of events) if (isKnownWebhookEvent(event) && event.name === "member_added") greet(event.user_id);
 */
export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent;

/**
 * The events a handler given `eventSchemas` calls back with: a client event's `data` is its schema's output, by `event.event`.
 * @example if (event.name === "client_event" && event.event === "client-chat") show(event.data.text);
 */
export type ContractWebhookEvent<Schemas extends EventSchemas> =
  | Exclude<WebhookEvent, ClientEventWebhook>
  | { [Name in keyof Schemas & string]: TypedClientEvent<Name, EventData<Schemas, Name>> }[keyof Schemas & string];

type TypedClientEvent<Name, Data> = Omit<ClientEventWebhook, "event" | "data"> & { event: Name; data: Data };

/**
 * Tells a known event from one of a kind this version does not know (`known: false`) or from what is not an event.
 * @example const known = verdict.events.filter(isKnownWebhookEvent);
 */
export function isKnownWebhookEvent<Event extends { name: string }>(event: Event): event is Exclude<Event, { known: false }> {
  try {
    return typeof event === "object" && event !== null && (event as { known?: unknown }).known !== false;
  } catch {
    return false;
  }
}
