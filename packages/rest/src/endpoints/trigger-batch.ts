import { PusherValidationError, type BatchEvent, type BatchTriggerResult } from "@x/types";
import { isJsonObject, validateBatchSize, validateChannelName, validateEventName, validateSocketId } from "@x/types/internal";
import { chunk } from "./chunk.js";
import type { ClientContext } from "../client-context.js";
import { callOptions } from "./call-options.js";
import { infoParam } from "./info-param.js";
import type { RequestOptions } from "../rest-client.js";
import { sendInOrder } from "./send-in-order.js";
import { serializeEventData } from "./serialize-event-data.js";
import { TRIGGER_INFO_ATTRIBUTES } from "./trigger.js";
import { batchEntries } from "./typed-results.js";

/** One event as it goes on the wire, keys in the order of docs/protocol.md §2's batch MD5 vector. */
interface WireBatchEvent {
  channel: string;
  name: string;
  data: string;
  socket_id: string | undefined;
  info: string | undefined;
}

/**
 * Triggers several events, each on its own channel (`POST /batch_events`, docs/protocol.md §3). Every
 * event is validated and serialised before the first request is sent. More events than
 * `maxBatchSize` are split into requests sent in order; `batch[i]` of the result always belongs
 * to `events[i]`. A failure part-way is a `PusherPartialDeliveryError` whose `delivered` and
 * `undelivered` are indices into `events`.
 *
 * @example
 * ```ts
 * const { batch } = await triggerBatch(context, [{ channel: "a", name: "news", data: "hi" }]);
 * ```
 */
export async function triggerBatch(
  context: ClientContext,
  events: readonly BatchEvent[],
  givenOptions?: RequestOptions,
): Promise<BatchTriggerResult> {
  const options = callOptions(givenOptions);
  // Checked through an unknown: Array.isArray would narrow a readonly array to any[].
  const given: unknown = events;
  if (!Array.isArray(given)) {
    throw new PusherValidationError("invalid_params", "events", "events must be an array of { channel, name, data }");
  }
  const { maxBatchSize } = context.options;
  // Larger batches are split below, so only an empty batch breaks the size rule here.
  if (events.length === 0) validateBatchSize(0, maxBatchSize);
  const wireEvents = events.map((event, index) => toWireEvent(context, event, `events[${index}]`));

  const indexChunks = chunk(
    wireEvents.map((_, index) => index),
    maxBatchSize,
  );
  const responses = await sendInOrder(indexChunks, (index) =>
    context.send({
      method: "POST",
      path: "/batch_events",
      body: JSON.stringify({ batch: indexChunks[index]!.map((eventIndex) => wireEvents[eventIndex]) }),
      signal: options.signal,
    }).then((answer) => answer.body),
  );
  return { batch: indexChunks.flatMap((indices, index) => batchEntries(responses[index], indices.length)) };
}

function toWireEvent(context: ClientContext, event: BatchEvent, field: string): WireBatchEvent {
  if (!isJsonObject(event)) {
    throw new PusherValidationError("invalid_params", field, `${field} must be an object { channel, name, data }`);
  }
  validateChannelName(event.channel, { field: `${field}.channel` });
  validateEventName(event.name, `${field}.name`);
  if (event.socketId !== undefined) validateSocketId(event.socketId, `${field}.socketId`);
  return {
    channel: event.channel,
    name: event.name,
    data: serializeEventData(event.channel, event.data, context.options, `${field}.data`),
    socket_id: event.socketId,
    info: infoParam(event.info, TRIGGER_INFO_ATTRIBUTES, `${field}.info`),
  };
}
