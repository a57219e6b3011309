/** Typed results of the HTTP API calls (docs/protocol.md §3). */

/**
 * Channel attributes returned by triggers with `info` and by channel queries.
 *
 * @example
 * ```ts
 * const attributes: ChannelAttributes = { subscription_count: 3 };
 * ```
 */
export interface ChannelAttributes {
  /** Presence channels: distinct users. */
  user_count?: number;
  /** Connections subscribed (when subscription counting is enabled for the app). */
  subscription_count?: number;
}

/**
 * The result of a trigger. `channels` holds the attributes asked for with `info`, by channel
 * name; it is empty when no `info` was asked (or the server does not report it).
 *
 * @example
 * ```ts
 * const { channels } = await client.trigger("presence-room", "ping", {}, { info: ["user_count"] });
 * channels["presence-room"]?.user_count;
 * ```
 */
export interface TriggerResult {
  channels: Record<string, ChannelAttributes>;
}

/**
 * The result of a batch trigger: `batch[i]` holds the attributes for event `i` (empty when that
 * event asked for no `info`).
 *
 * @example
 * ```ts
 * const { batch } = await client.triggerBatch(events);
 * batch[0]?.subscription_count;
 * ```
 */
export interface BatchTriggerResult {
  batch: ChannelAttributes[];
}

/**
 * `GET /channels`: the occupied channels, by name.
 *
 * @example
 * ```ts
 * const { channels } = await client.channels({ filterByPrefix: "presence-", info: ["user_count"] });
 * ```
 */
export interface ChannelsList {
  channels: Record<string, { user_count?: number }>;
}

/**
 * `GET /channels/<name>`: the state of one channel.
 *
 * @example
 * ```ts
 * const state = await client.channel("my-channel", { info: ["subscription_count"] });
 * if (state.occupied) console.log(state.subscription_count);
 * ```
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
 *
 * @example
 * ```ts
 * const { users } = await client.users("presence-room");
 * users.map((user) => user.id);
 * ```
 */
export interface PresenceUsers {
  users: { id: string }[];
}
