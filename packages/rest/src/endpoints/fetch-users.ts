import { PusherValidationError, type PresenceUsers } from "@x/types";
import { isPresenceChannel, validateChannelName } from "@x/types/internal";
import type { ClientContext } from "../client-context.js";
import { callOptions } from "./call-options.js";
import type { RequestOptions } from "../rest-client.js";
import { toPresenceUsers } from "./typed-results.js";

/**
 * The ids of the members of a presence channel (`GET /channels/<name>/users`, docs/protocol.md §3).
 * Other channels have no members list (Pusher answers 400), so they are refused before sending.
 *
 * @example
 * ```ts
 * const { users } = await fetchUsers(context, "presence-room");
 * ```
 */
export async function fetchUsers(
  context: ClientContext,
  presenceChannel: string,
  givenOptions?: RequestOptions,
): Promise<PresenceUsers> {
  const options = callOptions(givenOptions);
  validateChannelName(presenceChannel, { field: "presenceChannel" });
  if (!isPresenceChannel(presenceChannel)) {
    throw new PusherValidationError(
      "invalid_channel_name",
      "presenceChannel",
      `users() needs a presence- channel, got ${JSON.stringify(presenceChannel)}`,
    );
  }
  const { body } = await context.send({ method: "GET", path: `/channels/${presenceChannel}/users`, signal: options.signal });
  return toPresenceUsers(body);
}
