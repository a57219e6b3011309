import { refusals } from "./api-error.js";
import type { ChannelState } from "./channel-state.js";
import { checkChannelName, isCacheChannel, isPresenceChannel, isValidUserId } from "./names.js";
import { channelAttributes, readInfo } from "./trigger-events.js";

/** `GET /channels`: occupied channels; `info=user_count` only with a `presence-` prefix filter. */
export function listChannels(state: ChannelState, query: Map<string, string>): object {
  const prefix = query.get("filter_by_prefix") ?? "";
  const info = readInfo(query.get("info")).filter((attribute) => attribute === "user_count");
  if (info.length > 0 && !isPresenceChannel(prefix)) throw refusals.userCountNeedsPresenceFilter();
  const names = state.occupiedChannels().filter((name) => name.startsWith(prefix));
  return { channels: Object.fromEntries(names.map((name) => [name, channelAttributes(state, name, info)])) };
}

/** `GET /channels/<name>`: `occupied`, and `user_count`, `subscription_count`, `cache` when asked for. */
export function describeChannel(state: ChannelState, channel: string, query: Map<string, string>): object {
  checkChannelName(channel);
  const info = readInfo(query.get("info"));
  if (info.includes("user_count") && !isPresenceChannel(channel)) throw refusals.userCountNeedsPresenceChannel();
  const cached = info.includes("cache") && isCacheChannel(channel) ? state.cached(channel) : undefined;
  return {
    occupied: state.subscriptionCount(channel) > 0,
    ...channelAttributes(state, channel, info),
    ...(cached === undefined ? {} : { cache: cached }),
  };
}

/** `GET /channels/<presence channel>/users`: the members' ids. */
export function listUsers(state: ChannelState, channel: string): object {
  checkChannelName(channel);
  if (!isPresenceChannel(channel)) throw refusals.usersNeedPresenceChannel();
  return { users: state.userIds(channel).map((id) => ({ id })) };
}

/** `POST /users/<id>/terminate_connections`: closes every connection of that user. */
export function terminateConnections(state: ChannelState, userId: string): object {
  if (!isValidUserId(userId)) throw refusals.invalidUserId(userId);
  state.terminate(userId);
  return {};
}
