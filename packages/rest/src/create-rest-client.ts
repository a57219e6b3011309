import type { EventSchemas } from "@x/types";
import { channelEndpoints } from "./endpoints/channels.js";
import { eventEndpoints } from "./endpoints/events.js";
import { genericRequests } from "./endpoints/generic-requests.js";
import { resolveOptions } from "./options/resolve-options.js";
import type { RestClientOptions } from "./options/rest-client-options.js";
import { createSendRequest } from "./request/send-request.js";
import type { RestClient } from "./rest-client.js";

/**
 * Creates a client of the Pusher Channels HTTP API. The options are checked here, once: a bad
 * one throws a `PusherConfigError` whose `option` names it.
 *
 * @example
 * ```ts
 * import { createRestClient } from "@x/rest";
 *
 * const client = createRestClient({
 *   appId: "123",
 *   key: "278d425bdf160c739803",
 *   secret: process.env.PUSHER_SECRET!,
 *   cluster: "eu",
 * });
 * await client.trigger("chat", "message", { text: "hi" });
 * ```
 */
export function createRestClient<Schemas extends EventSchemas | undefined = undefined>(
  options: RestClientOptions<Schemas>,
): RestClient<Schemas> {
  const resolved = resolveOptions(options);
  const context = { options: resolved, send: createSendRequest(resolved) };
  return { ...eventEndpoints(context), ...channelEndpoints(context), ...genericRequests(context) };
}
