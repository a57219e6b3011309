// Wire shapes of the Pusher Channels protocol (docs/protocol.md §3, §5); fields keep Pusher's snake_case.

/**
 * The member data of a presence channel, signed into the subscription (docs/protocol.md §5).
 * @example const member: PresenceData = { user_id: "42", user_info: { name: "Ada" } };
 */
export interface PresenceData {
  /** The member's unique id: a string (a number is accepted for compatibility). */
  user_id: string | number;
  /** Anything the other members should see about this member. */
  user_info?: Record<string, unknown>;
}

/**
 * The data of a signed-in user (user authentication, docs/protocol.md §5).
 * @example const user: UserData = { id: "42", user_info: { name: "Ada" }, watchlist: ["7"] };
 */
export interface UserData {
  /** 1–200 characters of the channel-name set. */
  id: string;
  user_info?: Record<string, unknown>;
  /** Ids of users whose online status this user may watch, at most 100. */
  watchlist?: string[];
}

/**
 * The JSON body `pusher-js` expects from a channel authorization endpoint.
 * @example const body: ChannelAuthResponse = { auth: "key:3f1c…" };
 */
export interface ChannelAuthResponse {
  /** `<key>:<hex HMAC-SHA256 signature>`. */
  auth: string;
  /** Presence channels: the exact JSON text that was signed. */
  channel_data?: string;
  /** Encrypted channels: base64 of the channel's 32-byte key. */
  shared_secret?: string;
}

/**
 * The JSON body `pusher-js` expects from a user authentication endpoint.
 * @example const body: UserAuthResponse = { auth: "key:3f1c…", user_data: '{"id":"42"}' };
 */
export interface UserAuthResponse {
  auth: string;
  /** The exact JSON text that was signed. */
  user_data: string;
}

/**
 * The `data` of an event on an encrypted channel (docs/protocol.md §6): base64 nonce and ciphertext.
 * @example const payload = JSON.parse(event.data) as EncryptedPayload;
 */
export interface EncryptedPayload {
  nonce: string;
  ciphertext: string;
}

/**
 * One event of a batch trigger.
 * @example const event: BatchEvent = { channel: "chat", name: "message", data: { text: "hi" } };
 */
export interface BatchEvent {
  channel: string;
  name: string;
  /** A string is sent as it is; anything else is JSON-encoded once. */
  data: unknown;
  /** The connection that is not to receive the event. */
  socketId?: string;
  /** Attributes to return for this event's channel. */
  info?: readonly ChannelInfoAttribute[];
}

/**
 * A query parameter's value as callers give it; an array is joined with commas.
 * @example const params: Record<string, QueryParamValue> = { filter_by_prefix: "presence-", info: ["user_count"] };
 */
export type QueryParamValue = string | number | boolean | readonly (string | number)[];

/**
 * An attribute a trigger or a channel query can ask for with `info`.
 * @example await client.channel("presence-room", { info: ["user_count"] satisfies ChannelInfoAttribute[] });
 */
export type ChannelInfoAttribute = "user_count" | "subscription_count";

/**
 * Channel attributes, returned by a trigger with `info` and by channel queries.
 * @example const attributes: ChannelAttributes = { subscription_count: 3 };
 */
export interface ChannelAttributes {
  /** Presence channels: distinct users. */
  user_count?: number;
  /** Connections subscribed, when subscription counting is enabled for the app. */
  subscription_count?: number;
}

/**
 * The result of a trigger: the attributes asked for with `info`, by channel name (empty without `info`).
 * @example const { channels }: TriggerResult = await client.trigger("presence-room", "ping", {}, { info: ["user_count"] });
 */
export interface TriggerResult {
  channels: Record<string, ChannelAttributes>;
}

/**
 * The result of a batch trigger: `batch[i]` holds the attributes for event `i` (empty without `info`).
 * @example const { batch }: BatchTriggerResult = await client.triggerBatch(events);
 */
export interface BatchTriggerResult {
  batch: ChannelAttributes[];
}

/**
 * `GET /channels`: the occupied channels, by name.
 * @example const { channels }: ChannelsList = await client.channels({ filterByPrefix: "presence-" });
 */
export interface ChannelsList {
  channels: Record<string, { user_count?: number }>;
}

/**
 * `GET /channels/<name>`: the state of one channel.
 * @example const state: ChannelState = await client.channel("my-channel", { info: ["subscription_count"] });
 */
export interface ChannelState {
  occupied: boolean;
  user_count?: number;
  subscription_count?: number;
  /** Cache channels: the last event cached, and its time to live in seconds. */
  cache?: { data: string; ttl: number };
}

/**
 * `GET /channels/<presence-name>/users`: the ids of the members.
 * @example const { users }: PresenceUsers = await client.users("presence-room");
 */
export interface PresenceUsers {
  users: { id: string }[];
}
