/** The events a webhook carries (docs/protocol.md §7), discriminated by `name`. */

/**
 * A channel became occupied (first subscriber) or vacated (last one left).
 *
 * @example
 * ```ts
 * if (event.name === "channel_occupied") console.log(event.channel);
 * ```
 */
export interface ChannelExistenceEvent {
  name: "channel_occupied" | "channel_vacated";
  channel: string;
}

/**
 * A user joined or left a presence channel.
 *
 * @example
 * ```ts
 * if (event.name === "member_added") console.log(event.user_id, "joined", event.channel);
 * ```
 */
export interface PresenceMemberEvent {
  name: "member_added" | "member_removed";
  channel: string;
  user_id: string;
}

/**
 * A client event (`client-…`) sent by a connection. On encrypted channels `data` is the
 * encrypted payload unless the verifier was given the master key.
 *
 * @example
 * ```ts
 * if (event.name === "client_event") console.log(event.event, event.data);
 * ```
 */
export interface ClientEventWebhook {
  name: "client_event";
  channel: string;
  event: string;
  data: string;
  socket_id: string;
  /** Present on presence channels: the member who sent it. */
  user_id?: string;
}

/**
 * A client subscribed to a cache channel that held no cached event.
 *
 * @example
 * ```ts
 * if (event.name === "cache_miss") await republish(event.channel);
 * ```
 */
export interface CacheMissEvent {
  name: "cache_miss";
  channel: string;
}

/**
 * The number of subscriptions of a channel changed.
 *
 * @example
 * ```ts
 * if (event.name === "subscription_count") console.log(event.subscription_count);
 * ```
 */
export interface SubscriptionCountEvent {
  name: "subscription_count";
  channel: string;
  subscription_count: number;
}

/**
 * An event whose name this version does not know. It is kept, not dropped, so a new kind of
 * server event does not break a receiver; `known: false` tells it apart.
 *
 * @example
 * ```ts
 * if ("known" in event) console.warn("unhandled webhook event", event.name);
 * ```
 */
export interface UnknownWebhookEvent {
  name: string;
  channel?: string;
  known: false;
  [field: string]: unknown;
}

/** The known webhook event names. */
export type KnownWebhookEventName =
  | ChannelExistenceEvent["name"]
  | PresenceMemberEvent["name"]
  | ClientEventWebhook["name"]
  | CacheMissEvent["name"]
  | SubscriptionCountEvent["name"];

/**
 * Any event a webhook can carry. Set aside unknown events (`"known" in event`) first: an unknown
 * event's `name` is any string, so only then does `event.name` narrow to one event type.
 *
 * @example
 * ```ts
 * for (const event of result.events) {
 *   if ("known" in event) continue; // a kind of event this version does not know
 *   switch (event.name) {
 *     case "member_added": greet(event.user_id); break;
 *     case "channel_vacated": cleanUp(event.channel); break;
 *   }
 * }
 * ```
 */
export type WebhookEvent =
  | ChannelExistenceEvent
  | PresenceMemberEvent
  | ClientEventWebhook
  | CacheMissEvent
  | SubscriptionCountEvent
  | UnknownWebhookEvent;
