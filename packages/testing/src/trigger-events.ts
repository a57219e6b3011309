import { refusals } from "./api-error.js";
import type { ChannelState } from "./channel-state.js";
import { checkChannelName, checkEventName, checkSocketId, isCacheChannel, isPresenceChannel } from "./names.js";
import type { RecordedEvent } from "./types.js";

export interface Limits {
  maxPayloadBytes: number;
  maxBatchSize: number;
  maxChannelsPerTrigger: number;
}

type Event = Omit<RecordedEvent, "requestId" | "channel"> & { channels: string[] };

const readString = (body: Record<string, unknown>, field: string): string => {
  const value = body[field];
  if (value === undefined || value === null) throw refusals.missingRequired(field);
  if (typeof value !== "string") throw refusals.notAString(field);
  return value;
};

/** The `info` attributes asked for, comma-separated on the wire. */
export const readInfo = (info: unknown): string[] =>
  typeof info === "string" && info !== "" ? info.split(",").map((attribute) => attribute.trim()) : [];

/** Reads and checks one event as Pusher does; a batch event names one `channel`. */
function readEvent(body: Record<string, unknown>, inBatch: boolean, limits: Limits): Event {
  const name = checkEventName(readString(body, "name"));
  const data = readString(body, "data");
  let channels: unknown[];
  if (inBatch) channels = [readString(body, "channel")];
  else if (Array.isArray(body.channels)) channels = body.channels as unknown[];
  else if (typeof body.channel === "string") channels = [body.channel];
  else throw refusals.missingRequired("channels");
  if (channels.length === 0) throw refusals.missingRequired("channels");
  if (channels.length > limits.maxChannelsPerTrigger) throw refusals.tooManyChannels(channels.length, limits.maxChannelsPerTrigger);
  const socketId = checkSocketId(body.socket_id);
  const info = readInfo(body.info);
  if (Buffer.byteLength(data) > limits.maxPayloadBytes) throw refusals.payloadTooLarge(limits.maxPayloadBytes);
  return {
    channels: channels.map(checkChannelName),
    name,
    data,
    ...(socketId === undefined ? {} : { socketId }),
    ...(info.length === 0 ? {} : { info }),
  };
}

/** The attributes `info` asks for, for one channel: `user_count` exists for presence channels only. */
export function channelAttributes(state: ChannelState, channel: string, info: string[]): Record<string, number> {
  const attributes: Record<string, number> = {};
  if (info.includes("user_count") && isPresenceChannel(channel)) attributes.user_count = state.userIds(channel).length;
  if (info.includes("subscription_count")) attributes.subscription_count = state.subscriptionCount(channel);
  return attributes;
}

/** Accepts checked events: records one per channel and keeps cache channels' last event. */
function accept(state: ChannelState, record: (event: Omit<RecordedEvent, "requestId">) => void, { channels, ...event }: Event): void {
  for (const channel of channels) {
    if (isCacheChannel(channel)) state.cacheEvent(channel, event.data);
    record({ channel, ...event });
  }
}

/** `POST /events`: `{}`, or `{"channels": {...}}` with the attributes `info` asked for. */
export function triggerEvent(
  state: ChannelState,
  limits: Limits,
  body: Record<string, unknown>,
  record: (event: Omit<RecordedEvent, "requestId">) => void,
): object {
  const event = readEvent(body, false, limits);
  accept(state, record, event);
  if (event.info === undefined) return {};
  return { channels: Object.fromEntries(event.channels.map((channel) => [channel, channelAttributes(state, channel, event.info ?? [])])) };
}

/** `POST /batch_events`: all or nothing; `{}`, or `{"batch": [...]}` (entry i for event i) when any asked for `info`. */
export function triggerBatch(
  state: ChannelState,
  limits: Limits,
  body: Record<string, unknown>,
  record: (event: Omit<RecordedEvent, "requestId">) => void,
): object {
  if (!Array.isArray(body.batch)) throw refusals.missingRequired("batch");
  const batch = body.batch as unknown[];
  if (batch.length > limits.maxBatchSize) throw refusals.batchTooLarge(batch.length, limits.maxBatchSize);
  const events = batch.map((item) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) throw refusals.invalidJson();
    return readEvent(item as Record<string, unknown>, true, limits);
  });
  for (const event of events) accept(state, record, event);
  if (events.every((event) => event.info === undefined)) return {};
  return { batch: events.map(({ channels, info }) => (info === undefined ? {} : channelAttributes(state, channels[0] ?? "", info))) };
}
