import type { ClientContext } from "./client-context.js";
import { fetchChannel } from "./endpoints/fetch-channel.js";
import { fetchChannels } from "./endpoints/fetch-channels.js";
import { fetchUsers } from "./endpoints/fetch-users.js";
import { apiGet, apiPost, apiRequest } from "./endpoints/generic-requests.js";
import { resolveOptions } from "./options/resolve-options.js";
import type { RestClient } from "./rest-client.js";
import type { RestClientOptions } from "./options/rest-client-options.js";
import { createSendRequest } from "./request/send-request.js";
import { sendToUser } from "./endpoints/send-to-user.js";
import { terminateUserConnections } from "./endpoints/terminate-user-connections.js";
import { trigger } from "./endpoints/trigger.js";
import { triggerBatch } from "./endpoints/trigger-batch.js";

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
export function createRestClient(options: RestClientOptions): RestClient {
  const resolved = resolveOptions(options);
  const context: ClientContext = { options: resolved, send: createSendRequest(resolved) };
  return {
    trigger: (channels, event, data, triggerOptions) => trigger(context, channels, event, data, triggerOptions),
    triggerBatch: (events, requestOptions) => triggerBatch(context, events, requestOptions),
    channels: (channelsOptions) => fetchChannels(context, channelsOptions),
    channel: (name, channelOptions) => fetchChannel(context, name, channelOptions),
    users: (presenceChannel, requestOptions) => fetchUsers(context, presenceChannel, requestOptions),
    terminateUserConnections: (userId, requestOptions) => terminateUserConnections(context, userId, requestOptions),
    sendToUser: (userId, event, data, requestOptions) => sendToUser(context, userId, event, data, requestOptions),
    get: (path, params, requestOptions) => apiGet(context, path, params, requestOptions),
    post: (path, body, params, requestOptions) => apiPost(context, path, body, params, requestOptions),
    request: (method, path, requestOptions) => apiRequest(context, method, path, requestOptions),
  };
}
