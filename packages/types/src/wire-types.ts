/** Wire shapes of the Pusher Channels protocol (docs/protocol.md §3, §5). Fields keep Pusher's snake_case. */

/** Attributes a trigger or a channel query can ask for with `info`. */
export type ChannelInfoAttribute = "user_count" | "subscription_count";

/**
 * The member data of a presence channel, signed into the subscription (docs/protocol.md §5).
 *
 * @example
 * ```ts
 * const member: PresenceData = { user_id: "42", user_info: { name: "Ada" } };
 * ```
 */
export interface PresenceData {
  /** The member's unique id; a string (numbers are accepted for compatibility). */
  user_id: string | number;
  /** Anything the other members should see about this member. */
  user_info?: Record<string, unknown>;
}

/**
 * The data of a signed-in user (user authentication, docs/protocol.md §5).
 *
 * @example
 * ```ts
 * const user: UserData = { id: "42", user_info: { name: "Ada" }, watchlist: ["7"] };
 * ```
 */
export interface UserData {
  /** The user's id: 1–200 characters of the channel-name set. */
  id: string;
  user_info?: Record<string, unknown>;
  /** Ids of users whose online status this user may watch, at most 100. */
  watchlist?: string[];
}

/**
 * One event of a batch trigger, as a caller gives it.
 *
 * @example
 * ```ts
 * const event: BatchEvent = { channel: "chat", name: "message", data: { text: "hi" } };
 * ```
 */
export interface BatchEvent {
  channel: string;
  name: string;
  /** A string is sent as-is; anything else is JSON-encoded once. */
  data: unknown;
  /** Exclude this connection from receiving the event. */
  socketId?: string;
  /** Attributes to return for this event's channel. */
  info?: readonly ChannelInfoAttribute[];
}

/**
 * The JSON body `pusher-js` expects from a channel authorization endpoint.
 *
 * @example
 * ```ts
 * const body: ChannelAuthResponse = { auth: "key:3f1c…" };
 * ```
 */
export interface ChannelAuthResponse {
  /** `<key>:<hex HMAC-SHA256 signature>`. */
  auth: string;
  /** Presence channels: the exact JSON string that was signed. */
  channel_data?: string;
  /** Encrypted channels: base64 of the channel's 32-byte key. */
  shared_secret?: string;
}

/**
 * The JSON body `pusher-js` expects from a user authentication endpoint.
 *
 * @example
 * ```ts
 * const body: UserAuthResponse = { auth: "key:3f1c…", user_data: '{"id":"42"}' };
 * ```
 */
export interface UserAuthResponse {
  auth: string;
  /** The exact JSON string that was signed. */
  user_data: string;
}

/**
 * The `data` of an event on an encrypted channel (docs/protocol.md §6): base64 nonce and ciphertext.
 *
 * @example
 * ```ts
 * const payload: EncryptedPayload = JSON.parse(event.data);
 * ```
 */
export interface EncryptedPayload {
  nonce: string;
  ciphertext: string;
}
