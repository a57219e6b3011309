// The two SDKs every behaviour is driven through: the official `pusher` package and ours
// (`@x/server`), both built from `fake.url`, behind one small interface.
import Pusher from "pusher";
import { Pusher as XPusher, isPusherHttpError } from "@x/server";
import type { FakePusher } from "@x/testing";

export interface BatchItem {
  channel: string;
  name: string;
  data: unknown;
  socketId?: string;
  info?: ("user_count" | "subscription_count")[];
}

/** A refusal, as either SDK reports it: the HTTP status and the server's message, trimmed. */
export interface Refusal {
  status: number;
  message: string;
}

export interface Sdk {
  name: string;
  trigger(channels: string | string[], event: string, data: unknown, options?: { socketId?: string; info?: string[] }): Promise<unknown>;
  batch(events: BatchItem[]): Promise<unknown>;
  channels(params?: { prefix?: string; info?: string[] }): Promise<unknown>;
  channel(name: string, info?: string[]): Promise<unknown>;
  users(name: string): Promise<unknown>;
  sendToUser(userId: string, event: string, data: unknown): Promise<unknown>;
  terminate(userId: string): Promise<unknown>;
  /** A GET of any path, with no check of the parameters by the SDK. */
  get(path: string, params: Record<string, string>): Promise<unknown>;
}

async function officialBody(response: Promise<{ json(): Promise<unknown> }>): Promise<unknown> {
  return (await response).json();
}

function official(url: string): Sdk {
  const pusher = Pusher.forURL(url);
  return {
    name: "pusher (official)",
    trigger: (channels, event, data, options = {}) =>
      officialBody(
        pusher.trigger(channels, event, data, {
          ...(options.socketId === undefined ? {} : { socket_id: options.socketId }),
          ...(options.info === undefined ? {} : { info: options.info.join(",") }),
        }),
      ),
    batch: (events) =>
      officialBody(
        pusher.triggerBatch(
          events.map(({ channel, name, data, socketId, info }) => ({
            channel,
            name,
            data,
            ...(socketId === undefined ? {} : { socket_id: socketId }),
            ...(info === undefined ? {} : { info: info.join(",") }),
          })),
        ),
      ),
    channels: ({ prefix, info } = {}) =>
      officialBody(
        pusher.get({
          path: "/channels",
          params: {
            ...(prefix === undefined ? {} : { filter_by_prefix: prefix }),
            ...(info === undefined ? {} : { info: info.join(",") }),
          },
        }),
      ),
    channel: (name, info) =>
      officialBody(pusher.get({ path: `/channels/${name}`, params: info === undefined ? {} : { info: info.join(",") } })),
    users: (name) => officialBody(pusher.get({ path: `/channels/${name}/users` })),
    sendToUser: (userId, event, data) => officialBody(pusher.sendToUser(userId, event, data)),
    terminate: (userId) => officialBody(pusher.terminateUserConnections(userId)),
    get: (path, params) => officialBody(pusher.get({ path, params })),
  };
}

type Attribute = "user_count" | "subscription_count";
type ChannelAttribute = Attribute | "cache";

function ours(url: string): Sdk {
  // No retries: each call is one request, as with the official package.
  const pusher = XPusher.fromUrl(url, { retry: false });
  return {
    name: "@x/server",
    trigger: (channels, event, data, options = {}) =>
      pusher.trigger(channels, event, data, {
        ...(options.socketId === undefined ? {} : { socketId: options.socketId }),
        ...(options.info === undefined ? {} : { info: options.info as Attribute[] }),
      }),
    batch: (events) => pusher.trigger(events.map(({ info, ...event }) => ({ ...event, ...(info === undefined ? {} : { info }) }))),
    channels: ({ prefix, info } = {}) =>
      pusher.fetchStateForChannels({
        ...(prefix === undefined ? {} : { filterByPrefix: prefix }),
        ...(info === undefined ? {} : { info: info as "user_count"[] }),
      }),
    channel: (name, info) => pusher.fetchStateForChannel(name, info === undefined ? {} : { info: info as ChannelAttribute[] }),
    users: (name) => pusher.fetchUsersFromPresenceChannel(name),
    sendToUser: (userId, event, data) => pusher.sendToUser(userId, event, data),
    terminate: (userId) => pusher.terminateUserConnections(userId),
    get: (path, params) => pusher.get(path, params),
  };
}

/** Both SDKs, configured from the fake's connection URL. */
export function sdks(fake: FakePusher): Sdk[] {
  return [official(fake.url), ours(fake.url)];
}

/** The SDK names, for `describe.each`. */
export const SDK_NAMES = ["pusher (official)", "@x/server"] as const;

export function sdkNamed(fake: FakePusher, name: (typeof SDK_NAMES)[number]): Sdk {
  const sdk = sdks(fake).find((candidate) => candidate.name === name);
  if (sdk === undefined) throw new Error(`no SDK named ${name}`);
  return sdk;
}

/** The refusal a call ended with; fails when the call succeeded or failed without an HTTP answer. */
export async function refusalOf(call: Promise<unknown>): Promise<Refusal> {
  try {
    await call;
  } catch (error) {
    if (isPusherHttpError(error)) return { status: error.status, message: error.serverMessage };
    const official = error as { name?: string; status?: number; body?: string };
    if (official.name === "PusherRequestError" && typeof official.status === "number") {
      return { status: official.status, message: (official.body ?? "").trim() };
    }
    throw error;
  }
  throw new Error("the call succeeded: a refusal was expected");
}
