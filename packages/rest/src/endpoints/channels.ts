import { PusherValidationError } from "@x/types";
import type { PresenceUsers } from "@x/types";
import { isPresenceChannel, validateChannelName, validateUserId } from "@x/types/internal";
import type { RestClient } from "../rest-client.js";
import { callOptions, infoParam, type ClientContext } from "./call-arguments.js";
import { channelsOf } from "./events.js";

const CHANNEL_INFO: readonly string[] = ["user_count", "subscription_count", "cache"];

/**
 * `channels`, `channel` and `users` (the `GET /channels…` queries), and `terminateUserConnections`
 * (docs/protocol.md §3). What Pusher would answer 400 is refused before sending.
 */
type ChannelEndpoints = Pick<RestClient, "channels" | "channel" | "users" | "terminateUserConnections">;

export function channelEndpoints({ send }: ClientContext): ChannelEndpoints {
  return {
    async channels(givenOptions) {
      const { filterByPrefix, signal, ...options } = callOptions(givenOptions, ["filterByPrefix", "info"]);
      if (filterByPrefix !== undefined) validateChannelName(filterByPrefix, { field: "filterByPrefix" });
      const info = infoParam(options.info, ["user_count"], "info");
      if (info !== undefined && filterByPrefix?.startsWith("presence-") !== true) {
        const message = 'info: ["user_count"] needs filterByPrefix to start with "presence-"';
        throw new PusherValidationError("invalid_params", "info", message);
      }
      const params = { filter_by_prefix: filterByPrefix, info };
      const { body } = await send({ method: "GET", path: "/channels", params, signal });
      return { channels: channelsOf(body) };
    },

    async channel(name, givenOptions) {
      const options = callOptions(givenOptions, ["info"]);
      validateChannelName(name, { field: "channel" });
      const info = infoParam(options.info, CHANNEL_INFO, "info");
      const { body } = await send({ method: "GET", path: `/channels/${name}`, params: { info }, signal: options.signal });
      // `occupied` is false unless the server says true.
      return { ...body, occupied: body.occupied === true };
    },

    async users(presenceChannel, givenOptions) {
      const { signal } = callOptions(givenOptions);
      validateChannelName(presenceChannel, { field: "presenceChannel" });
      if (!isPresenceChannel(presenceChannel)) {
        const message = `fetchUsersFromPresenceChannel() and users() need a presence- channel, got ${JSON.stringify(presenceChannel)}`;
        throw new PusherValidationError("invalid_channel_name", "presenceChannel", message);
      }
      const { body } = await send({ method: "GET", path: `/channels/${presenceChannel}/users`, signal });
      return { users: Array.isArray(body.users) ? (body.users as PresenceUsers["users"]) : [] };
    },

    async terminateUserConnections(userId, givenOptions) {
      const { signal } = callOptions(givenOptions);
      validateUserId(userId);
      await send({ method: "POST", path: `/users/${userId}/terminate_connections`, body: "{}", signal });
    },
  };
}
