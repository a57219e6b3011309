// Wire shapes of the Pusher Channels protocol (docs/protocol.md §3, §5); fields keep Pusher's snake_case.

/** A presence channel member, signed into the subscription. @example const member: PresenceData = { user_id: "42" }; */
export interface PresenceData {
  /** A string; a number is accepted for compatibility. */
  user_id: string | number;
  user_info?: Record<string, unknown>;
}

/**
 * A signed-in user; `watchlist` holds at most 100 ids of users whose online status this user may watch.
 * @example const user: UserData = { id: "42", user_info: { name: "Ada" }, watchlist: ["7"] };
 */
export interface UserData {
  id: string;
  user_info?: Record<string, unknown>;
  watchlist?: string[];
}

/** What `pusher-js` expects from a channel authorization endpoint. @example const body: ChannelAuthResponse = { auth }; */
export interface ChannelAuthResponse {
  /** `<key>:<hex HMAC-SHA256 signature>`. */
  auth: string;
  /** Presence channels: the exact JSON text that was signed. */
  channel_data?: string;
  /** Encrypted channels: base64 of the channel's 32-byte key. */
  shared_secret?: string;
}

/** What `pusher-js` expects from a user authentication endpoint. @example const { user_data }: UserAuthResponse = body; */
export interface UserAuthResponse {
  auth: string;
  /** The exact JSON text that was signed. */
  user_data: string;
}

/** An encrypted channel's event `data` (docs/protocol.md §6). @example JSON.parse(data) as EncryptedPayload */
export interface EncryptedPayload {
  /** Base64. */
  nonce: string;
  /** Base64. */
  ciphertext: string;
}

/** One event of a batch trigger. @example const event: BatchEvent = { channel: "chat", name: "ping", data: {} }; */
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

/** A query parameter as callers give it; arrays are joined with commas. @example const value: QueryParamValue = ["a", 1]; */
export type QueryParamValue = string | number | boolean | readonly (string | number)[];

/** An attribute to ask for with `info`. @example const info: ChannelInfoAttribute[] = ["user_count"]; */
export type ChannelInfoAttribute = "user_count" | "subscription_count";

/** A channel's attributes, as asked for with `info`. @example const attributes: ChannelAttributes = { subscription_count: 3 }; */
export interface ChannelAttributes {
  /** Presence channels: distinct users. */
  user_count?: number;
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

/** `GET /channels`: the occupied channels, by name. @example const { channels }: ChannelsList = await client.channels(); */
export interface ChannelsList {
  channels: Record<string, { user_count?: number }>;
}

/** `GET /channels/<name>`: one channel's state. @example const { occupied }: ChannelState = await client.channel("chat"); */
export interface ChannelState {
  occupied: boolean;
  user_count?: number;
  subscription_count?: number;
  /** Cache channels: the last event cached, and its time to live in seconds. */
  cache?: { data: string; ttl: number };
}

/** `GET /channels/<presence-name>/users`. @example const { users }: PresenceUsers = await client.users("presence-room"); */
export interface PresenceUsers {
  users: { id: string }[];
}
