import { PusherValidationError, type ChannelAttributes, type TriggerResult } from "@x/types";
import { validateChannelCount, validateChannelName, validateEncryptedChannelTrigger, validateEventName, validateSocketId } from "@x/types/internal";
import { chunk } from "./chunk.js";
import type { ClientContext } from "../client-context.js";
import { callOptions } from "./call-options.js";
import { infoParam } from "./info-param.js";
import type { TriggerOptions } from "../rest-client.js";
import { sendInOrder } from "./send-in-order.js";
import { serializeEventData } from "./serialize-event-data.js";
import { triggerChannels } from "./typed-results.js";

/**
 * The attributes a trigger, or an event of a batch, may ask for with `info` (docs/protocol.md §3).
 *
 * @example
 * ```ts
 * infoParam(["user_count"], TRIGGER_INFO_ATTRIBUTES, "info"); // "user_count"
 * ```
 */
export const TRIGGER_INFO_ATTRIBUTES: readonly string[] = ["user_count", "subscription_count"];

/**
 * Triggers `event` on `channels` (`POST /events`, docs/protocol.md §3). Everything is validated, and
 * every request body built, before the first request is sent. More channels than
 * `maxChannelsPerTrigger` are split into requests sent in order, whose results are merged; a
 * failure part-way is a `PusherPartialDeliveryError` naming the channels delivered and not.
 * `allowServerToUser` lets `sendToUser` name `#server-to-user-<id>`.
 *
 * @example
 * ```ts
 * await trigger(context, ["a", "b"], "news", { id: 1 }, { socketId: "1.2" });
 * ```
 */
export async function trigger(
  context: ClientContext,
  channels: string | readonly string[],
  event: string,
  data: unknown,
  givenOptions?: TriggerOptions,
  allowServerToUser = false,
): Promise<TriggerResult> {
  const options = callOptions(givenOptions);
  const single = typeof channels === "string";
  const list: readonly string[] = single ? [channels] : channels;
  if (!Array.isArray(list)) {
    throw new PusherValidationError("invalid_channel_name", "channels", "channels must be a channel name or an array of them");
  }
  const { maxChannelsPerTrigger } = context.options;
  // Longer lists are split below, so only an empty list breaks the count rule here.
  if (list.length === 0) validateChannelCount(0, maxChannelsPerTrigger);
  for (let index = 0; index < list.length; index++) {
    validateChannelName(list[index], { allowServerToUser, field: single ? "channel" : `channels[${index}]` });
  }
  validateEventName(event, "event");
  const { socketId, signal } = options;
  if (socketId !== undefined) validateSocketId(socketId);
  const info = infoParam(options.info, TRIGGER_INFO_ATTRIBUTES, "info");
  validateEncryptedChannelTrigger(list);
  // The same data for every channel: serialised (and, alone on its channel, encrypted) once.
  const wireData = serializeEventData(list[0] as string, data, context.options, "data");

  const chunks = chunk(list, maxChannelsPerTrigger);
  const responses = await sendInOrder(chunks, (index) =>
    context.send({
      method: "POST",
      path: "/events",
      // Key order as in docs/protocol.md §2 V1; undefined fields are left out by JSON.stringify.
      body: JSON.stringify({ name: event, channels: chunks[index], data: wireData, socket_id: socketId, info }),
      signal,
    }).then((answer) => answer.body),
  );
  return { channels: Object.assign({}, ...responses.map(triggerChannels)) as Record<string, ChannelAttributes> };
}
