import { isCacheChannel, isPresenceChannel, isValidChannelName, isValidUserId } from "./names.js";
import type { FakeConnection, WebhookEvent } from "./types.js";

// How long Pusher keeps a cache channel's last event (Channels docs, "Cache channels").
const CACHE_TTL_SECONDS = 1800;

interface Connection extends FakeConnection {
  active: boolean;
}

/** The simulated connections and what Pusher's queries and webhooks read from them. */
export interface ChannelState {
  subscribe(channel: string, options?: { userId?: string; userInfo?: Record<string, unknown> }): FakeConnection;
  occupiedChannels(): string[];
  subscriptionCount(channel: string): number;
  userIds(channel: string): string[];
  /** Remembers the last event triggered on a cache channel. */
  cacheEvent(channel: string, data: string): void;
  cached(channel: string): { data: string; ttl: number } | undefined;
  terminate(userId: string): void;
}

export function createChannelState(emit: (event: WebhookEvent) => void, now: () => number): ChannelState {
  const channels = new Map<string, Set<Connection>>();
  const cache = new Map<string, { data: string; at: number }>();
  let lastSocket = 0;

  const members = (channel: string) => channels.get(channel) ?? new Set<Connection>();
  const userIds = (channel: string) => [...new Set([...members(channel)].flatMap(({ userId }) => (userId === undefined ? [] : [userId])))];
  // Pusher reports subscription counts for every kind of channel but presence, which has members.
  const emitCount = (channel: string) => {
    if (!isPresenceChannel(channel)) emit({ name: "subscription_count", channel, subscription_count: members(channel).size });
  };
  const cached = (channel: string) => {
    const entry = cache.get(channel);
    const ttl = entry === undefined ? 0 : CACHE_TTL_SECONDS - Math.floor((now() - entry.at) / 1000);
    return entry !== undefined && ttl > 0 ? { data: entry.data, ttl } : undefined;
  };

  function leave(connection: Connection): void {
    if (!connection.active) return;
    connection.active = false;
    const { channel, userId } = connection;
    const set = members(channel);
    set.delete(connection);
    if (isPresenceChannel(channel) && userId !== undefined && !userIds(channel).includes(userId)) {
      emit({ name: "member_removed", channel, user_id: userId });
    }
    emitCount(channel);
    if (set.size === 0) {
      channels.delete(channel);
      emit({ name: "channel_vacated", channel });
    }
  }

  function clientEvent(connection: Connection, event: string, data: unknown): void {
    const { channel, userId, socketId } = connection;
    if (!connection.active) throw new Error(`clientEvent: connection ${socketId} has left ${channel}`);
    if (!event.startsWith("client-"))
      throw new TypeError(`clientEvent: client event names start with "client-", got ${JSON.stringify(event)}`);
    if (!/^(private-|presence-)/.test(channel) || channel.startsWith("private-encrypted-")) {
      throw new TypeError(`clientEvent: client events are only sent on private and presence channels, not on ${channel}`);
    }
    const payload = typeof data === "string" ? data : JSON.stringify(data);
    const withUser = isPresenceChannel(channel) && userId !== undefined ? { user_id: userId } : {};
    emit({ name: "client_event", channel, event, data: payload, socket_id: socketId, ...withUser });
  }

  return {
    subscribe(channel, options = {}) {
      if (typeof channel !== "string" || !isValidChannelName(channel) || channel.startsWith("#")) {
        throw new TypeError(`subscribe: invalid channel name ${JSON.stringify(channel)}`);
      }
      const { userId, userInfo } = options;
      if (userId !== undefined && (typeof userId !== "string" || !isValidUserId(userId))) {
        throw new TypeError(`subscribe: invalid userId ${JSON.stringify(userId)}`);
      }
      if (isPresenceChannel(channel) && userId === undefined)
        throw new TypeError(`subscribe: ${channel} is a presence channel: pass { userId }`);
      lastSocket += 1;
      const connection: Connection = {
        socketId: `${lastSocket}.${1_000_000 + lastSocket}`,
        channel,
        userId,
        userInfo,
        active: true,
        clientEvent: (event, data) => clientEvent(connection, event, data),
        leave: () => leave(connection),
      };
      const set = members(channel);
      const newMember = isPresenceChannel(channel) && !userIds(channel).includes(userId ?? "");
      channels.set(channel, set.add(connection));
      if (set.size === 1) emit({ name: "channel_occupied", channel });
      if (newMember) emit({ name: "member_added", channel, user_id: userId });
      if (isCacheChannel(channel) && cached(channel) === undefined) emit({ name: "cache_miss", channel });
      emitCount(channel);
      return connection;
    },
    occupiedChannels: () => [...channels.keys()],
    subscriptionCount: (channel) => members(channel).size,
    userIds,
    cacheEvent: (channel, data) => void cache.set(channel, { data, at: now() }),
    cached,
    terminate(userId) {
      for (const set of [...channels.values()]) for (const connection of [...set]) if (connection.userId === userId) leave(connection);
    },
  };
}
