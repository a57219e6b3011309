import { encryptPayload } from "@x/signing";
import { PusherConfigError, PusherPartialDeliveryError, PusherValidationError } from "@x/types";
import type { ChannelAttributes, TriggerResult } from "@x/types";
import { SERVER_TO_USER_CHANNEL_PREFIX, isEncryptedChannel, isJsonObject, readFields } from "@x/types/internal";
import { validateBatchSize, validateChannelCount, validateChannelName, validateEventData } from "@x/types/internal";
import { validateEventName, validatePayloadSize, validateSocketId, validateUserId } from "@x/types/internal";
import type { RestClient } from "../rest-client.js";
import { callOptions, infoParam, toWireString, type ClientContext } from "./call-arguments.js";

const TRIGGER_INFO: readonly string[] = ["user_count", "subscription_count"];
const EVENT_FIELDS = ["channel", "name", "data", "socketId", "info"] as const;

/**
 * `trigger` (`POST /events`), `triggerBatch` (`POST /batch_events`) and `sendToUser` (docs/protocol.md §3).
 * Everything is checked and every body built before the first request; a call too large for one
 * request (`maxChannelsPerTrigger`, `maxBatchSize`) is split into several, sent in order. A trigger
 * of several channels with an encrypted one among them is sent as batches: each channel has its own key.
 */
export function eventEndpoints(context: ClientContext): Pick<RestClient, "trigger" | "triggerBatch" | "sendToUser"> {
  const { maxChannelsPerTrigger, maxBatchSize } = context.options;

  async function trigger(channels: unknown, event: string, data: unknown, givenOptions: unknown, allowServerToUser: boolean) {
    const options = callOptions(givenOptions, ["socketId", "info"]);
    const single = typeof channels === "string";
    const list: unknown = single ? [channels] : channels;
    if (!Array.isArray(list)) {
      throw new PusherValidationError("invalid_channel_name", "channels", "channels must be a channel name or an array of them");
    }
    const names: unknown[] = list;
    // Longer lists are split below: only an empty one breaks the count rule.
    if (names.length === 0) validateChannelCount(0, maxChannelsPerTrigger);
    names.forEach((name, index) => {
      validateChannelName(name, { allowServerToUser, field: single ? "channel" : `channels[${index}]` });
    });
    validateEventName(event, "event");
    const { socketId, signal } = options;
    if (socketId !== undefined) validateSocketId(socketId);
    const info = infoParam(options.info, TRIGGER_INFO, "info");
    const checked = await checkContract(context, event, data, "event", "data");
    if (names.length > 1 && (names as string[]).some(isEncryptedChannel)) {
      const wire = new Map(
        (names as string[]).map((channel) => {
          const wireData = serializeEventData(context, channel, checked, "data");
          return [channel, { channel, name: event, data: wireData, socket_id: socketId, info }];
        }),
      );
      const channels = [...wire.keys()];
      const answers = await sendSplit(channels, maxBatchSize, async (slice) => {
        const body = JSON.stringify({ batch: slice.map((channel) => wire.get(channel)) });
        return batchEntries((await context.send({ method: "POST", path: "/batch_events", body, signal })).body, slice.length);
      });
      const attributes = answers.flat();
      // batchEntries gives one entry per channel sent.
      return { channels: Object.fromEntries(channels.map((channel, index) => [channel, attributes[index]!])) };
    }
    // The same data for every channel.
    const wireData = serializeEventData(context, names[0] as string, checked, "data");
    const answers = await sendSplit(names, maxChannelsPerTrigger, async (slice) => {
      // Key order as in docs/protocol.md §2; JSON.stringify leaves out what is undefined.
      const body = JSON.stringify({ name: event, channels: slice, data: wireData, socket_id: socketId, info });
      return (await context.send({ method: "POST", path: "/events", body, signal })).body;
    });
    const merged: Record<string, ChannelAttributes> = {};
    for (const answer of answers) Object.assign(merged, channelsOf(answer));
    return { channels: merged } satisfies TriggerResult;
  }

  return {
    trigger: (channels, event, data, options) => trigger(channels, event, data, options, false),

    async triggerBatch(events, givenOptions) {
      const { signal } = callOptions(givenOptions);
      const given: unknown = events;
      if (!Array.isArray(given)) {
        throw new PusherValidationError("invalid_params", "events", "events must be an array of { channel, name, data }");
      }
      // Larger batches are split below: only an empty one breaks the size rule.
      if (given.length === 0) validateBatchSize(0, maxBatchSize);
      const wireEvents: Awaited<ReturnType<typeof toWireEvent>>[] = [];
      for (const [index, event] of given.entries()) wireEvents.push(await toWireEvent(context, event, `events[${index}]`));
      // Split by index: `batch[i]` of the result, and a PusherPartialDeliveryError's items, refer to `events[i]`.
      const entries = await sendSplit([...wireEvents.keys()], maxBatchSize, async (indices) => {
        const body = JSON.stringify({ batch: indices.map((index) => wireEvents[index]) });
        const answer = await context.send({ method: "POST", path: "/batch_events", body, signal });
        return batchEntries(answer.body, indices.length);
      });
      return { batch: entries.flat() };
    },

    async sendToUser(userId, event, data, givenOptions) {
      const { signal } = callOptions(givenOptions);
      validateUserId(userId);
      return trigger(`${SERVER_TO_USER_CHANNEL_PREFIX}${userId}`, event, data, { signal }, true);
    },
  };
}

// Keys in the order of docs/protocol.md §2's batch vector.
async function toWireEvent(context: ClientContext, event: unknown, field: string) {
  const fields = isJsonObject(event) ? readFields(event, EVENT_FIELDS) : undefined;
  if (fields === undefined) {
    throw new PusherValidationError("invalid_params", field, `${field} must be an object { channel, name, data }`);
  }
  const { channel, name, socketId } = fields;
  validateChannelName(channel, { field: `${field}.channel` });
  validateEventName(name, `${field}.name`);
  if (socketId !== undefined) validateSocketId(socketId, `${field}.socketId`);
  const checked = await checkContract(context, name, fields.data, `${field}.name`, `${field}.data`);
  const data = serializeEventData(context, channel, checked, `${field}.data`);
  return { channel, name, data, socket_id: socketId, info: infoParam(fields.info, TRIGGER_INFO, `${field}.info`) };
}

// The data as `eventSchemas` outputs it; refused when it breaks them, before encryption and the size limit.
async function checkContract(context: ClientContext, event: string, data: unknown, nameField: string, dataField: string) {
  const { contract } = context.options;
  if (contract === undefined) return data;
  const schema = contract.get(event);
  if (schema === undefined) {
    throw new PusherValidationError("unknown_event", nameField, `event ${JSON.stringify(event)} is not in eventSchemas`);
  }
  const result = await validateEventData(`event ${JSON.stringify(event)}`, schema, data);
  if (Array.isArray(result)) throw new PusherValidationError("invalid_event_data", dataField, result.join("; "));
  return result.value;
}

// The data as sent: encrypted on a `private-encrypted-` channel (docs/protocol.md §6), within the limit (§4).
function serializeEventData(context: ClientContext, channel: string, data: unknown, field: string): string {
  const { masterKey, maxPayloadBytes } = context.options;
  let wire = toWireString(data, field);
  if (isEncryptedChannel(channel)) {
    if (masterKey === undefined) {
      const message = `encryptionMasterKeyBase64 is needed for the encrypted channel ${JSON.stringify(channel)}`;
      throw new PusherConfigError("encryptionMasterKeyBase64", message);
    }
    wire = encryptPayload(channel, wire, masterKey);
  }
  validatePayloadSize(wire, maxPayloadBytes, field);
  return wire;
}

// One request per slice, in order; a failure after a split reports what the earlier ones carried.
async function sendSplit<T, R>(items: readonly T[], size: number, send: (slice: readonly T[]) => Promise<R>): Promise<R[]> {
  if (items.length <= size) return [await send(items)];
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    try {
      results.push(await send(items.slice(start, start + size)));
    } catch (error) {
      throw new PusherPartialDeliveryError(items.slice(0, start), items.slice(start), { cause: error });
    }
  }
  return results;
}

/** The `channels` of an answer, read tolerantly (docs/protocol.md §3): compatible servers answer `{}`. */
export function channelsOf(body: Record<string, unknown>): Record<string, ChannelAttributes> {
  return isJsonObject(body.channels) ? (body.channels as Record<string, ChannelAttributes>) : {};
}

// Exactly `count` entries; `{}` where the server gave none.
function batchEntries(body: Record<string, unknown>, count: number): ChannelAttributes[] {
  const batch: unknown[] = Array.isArray(body.batch) ? body.batch : [];
  return Array.from({ length: count }, (_, index) => {
    const entry = batch[index];
    return isJsonObject(entry) ? entry : {};
  });
}
