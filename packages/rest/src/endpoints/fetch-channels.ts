import { PusherValidationError, type ChannelsList } from "@x/types";
import { validateChannelName } from "@x/types/internal";
import type { ClientContext } from "../client-context.js";
import { callOptions } from "./call-options.js";
import { infoParam } from "./info-param.js";
import type { ChannelsOptions } from "../rest-client.js";
import { toChannelsList } from "./typed-results.js";

/**
 * Lists the occupied channels (`GET /channels`, docs/protocol.md §3), optionally those whose name starts
 * with `filterByPrefix`. `info: ["user_count"]` is only valid with a `presence-` prefix filter:
 * Pusher answers 400 otherwise, so it is refused before sending.
 *
 * @example
 * ```ts
 * const { channels } = await fetchChannels(context, { filterByPrefix: "presence-", info: ["user_count"] });
 * ```
 */
export async function fetchChannels(context: ClientContext, givenOptions?: ChannelsOptions): Promise<ChannelsList> {
  const options = callOptions(givenOptions);
  const { filterByPrefix, signal } = options;
  if (filterByPrefix !== undefined) validateChannelName(filterByPrefix, { field: "filterByPrefix" });
  const info = infoParam(options.info, ["user_count"], "info");
  if (info !== undefined && filterByPrefix?.startsWith("presence-") !== true) {
    throw new PusherValidationError(
      "invalid_params",
      "info",
      'info: ["user_count"] needs filterByPrefix to start with "presence-"',
    );
  }
  const { body } = await context.send({
    method: "GET",
    path: "/channels",
    params: { filter_by_prefix: filterByPrefix, info },
    signal,
  });
  return toChannelsList(body);
}
