import type { ChannelState } from "@x/types";
import { validateChannelName } from "@x/types/internal";
import type { ClientContext } from "../client-context.js";
import { callOptions } from "./call-options.js";
import { infoParam } from "./info-param.js";
import type { ChannelOptions } from "../rest-client.js";
import { toChannelState } from "./typed-results.js";

/**
 * The state of one channel (`GET /channels/<name>`, docs/protocol.md §3). Channel names are validated
 * to a URL-safe character set, so the name goes into the path as it is.
 *
 * @example
 * ```ts
 * const state = await fetchChannel(context, "chat", { info: ["subscription_count"] });
 * ```
 */
export async function fetchChannel(
  context: ClientContext,
  name: string,
  givenOptions?: ChannelOptions,
): Promise<ChannelState> {
  const options = callOptions(givenOptions);
  validateChannelName(name, { field: "channel" });
  const info = infoParam(options.info, ["user_count", "subscription_count", "cache"], "info");
  const { body } = await context.send({ method: "GET", path: `/channels/${name}`, params: { info }, signal: options.signal });
  return toChannelState(body);
}
