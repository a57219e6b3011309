import PusherJs, { type Channel } from "pusher-js";
import tweetnacl from "tweetnacl";
import type { LocalServer } from "./local-server.ts";
import { SubscriptionError } from "./subscription-error.ts";

/**
 * A real pusher-js client (its Node build) connected to a local server, with promise helpers.
 *
 * @example
 * ```ts
 * const client = await connectClient(server);
 * await client.subscribe("news");
 * const next = client.waitForEvent<{ title: string }>("news", "published");
 * // … trigger "published" on "news" …
 * expect((await next).title).toBe("hello");
 * await client.disconnect();
 * ```
 */
export interface TestClient {
  /** The pusher-js client itself. */
  pusher: Pusher;
  /** The socket id the server gave this connection. */
  socketId: string;
  /** Subscribes; resolves on `pusher:subscription_succeeded`, rejects with a {@link SubscriptionError} on `pusher:subscription_error`. */
  subscribe(channelName: string): Promise<Channel>;
  /** The data of the next `eventName` event on a channel already subscribed to. @default timeoutMs 10_000 */
  waitForEvent<T = unknown>(channelName: string, eventName: string, options?: { timeoutMs?: number }): Promise<T>;
  /** A live array of the data of every `eventName` event on the channel from now on. */
  collect(channelName: string, eventName: string): unknown[];
  /** Closes the connection; resolves once the WebSocket is closed. */
  disconnect(): Promise<void>;
}

// pusher-js's types describe a CommonJS `exports.default`, but its Node build assigns the class to
// `module.exports` itself, which is what an ES module's default import receives.
const Pusher = PusherJs as unknown as typeof PusherJs.default;
type Pusher = InstanceType<typeof Pusher>;

const DEFAULT_EVENT_TIMEOUT_MS = 10_000;

interface SubscriptionErrorData {
  status?: number;
  error?: string;
  type?: string;
}

interface StateChange {
  previous: string;
  current: string;
}

function subscribedChannel(pusher: Pusher, channelName: string): Channel {
  const channel = pusher.channel(channelName) as Channel | undefined;
  if (channel === undefined) throw new Error(`not subscribed to ${channelName}: call subscribe() first`);
  return channel;
}

function waitUntilConnected(pusher: Pusher): Promise<void> {
  return new Promise((resolve, reject) => {
    // pusher-js retries by itself; "unavailable" (after its unavailableTimeout) and "failed"
    // are the states in which it has given up for now.
    const onStateChange = ({ current }: StateChange) => {
      if (current === "connected") {
        pusher.connection.unbind("state_change", onStateChange);
        resolve();
      } else if (current === "unavailable" || current === "failed") {
        pusher.connection.unbind("state_change", onStateChange);
        pusher.disconnect();
        reject(new Error(`pusher-js could not connect to ${pusher.config.wsHost}:${pusher.config.wsPort} (${current})`));
      }
    };
    pusher.connection.bind("state_change", onStateChange);
  });
}

function subscribe(pusher: Pusher, channelName: string): Promise<Channel> {
  const channel = pusher.subscribe(channelName);
  if (channel.subscribed) return Promise.resolve(channel);
  return new Promise((resolve, reject) => {
    const onSucceeded = () => {
      unbind();
      resolve(channel);
    };
    const onError = (data: SubscriptionErrorData) => {
      unbind();
      reject(new SubscriptionError(channelName, data.status, data.error ?? data.type ?? "no reason given"));
    };
    const unbind = () => {
      channel.unbind("pusher:subscription_succeeded", onSucceeded);
      channel.unbind("pusher:subscription_error", onError);
    };
    channel.bind("pusher:subscription_succeeded", onSucceeded);
    channel.bind("pusher:subscription_error", onError);
  });
}

function waitForEvent<T>(pusher: Pusher, channelName: string, eventName: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    // Thrown inside the executor, an unknown channel becomes a rejection.
    const channel = subscribedChannel(pusher, channelName);
    const onEvent = (data: T) => {
      clearTimeout(timer);
      channel.unbind(eventName, onEvent);
      resolve(data);
    };
    const timer = setTimeout(() => {
      channel.unbind(eventName, onEvent);
      reject(new Error(`no ${eventName} event on ${channelName} within ${timeoutMs} ms`));
    }, timeoutMs);
    channel.bind(eventName, onEvent);
  });
}

function disconnect(pusher: Pusher): Promise<void> {
  // The manager forgets its connection on disconnect() and reports "disconnected" at once; the
  // connection object itself says "closed" only when its WebSocket has closed.
  const connection = pusher.connection.connection as typeof pusher.connection.connection | null;
  if (connection === null) {
    pusher.disconnect();
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    connection.bind("closed", () => resolve());
    pusher.disconnect();
  });
}

/**
 * Connects a real pusher-js client (its Node build) to a local server and resolves once it is
 * connected. `options` are merged over the defaults of tools/test-support/README.md: `{ wsHost: "127.0.0.1",
 * wsPort: server.port, forceTLS: false, enabledTransports: ["ws"], cluster: "mt1",
 * disableStats: true, nacl: tweetnacl }` (the NaCl implementation makes `private-encrypted-`
 * channels work in Node). Rejects if pusher-js gives up connecting (its `unavailable` state).
 *
 * @example
 * ```ts
 * const client = await connectClient(server, {
 *   channelAuthorization: {
 *     customHandler: ({ socketId, channelName }, callback) =>
 *       callback(null, { auth: signChannelAuth(server, socketId, channelName) }),
 *   },
 * });
 * await client.subscribe("private-orders");
 * ```
 */
export async function connectClient(server: Pick<LocalServer, "key" | "port">, options: Record<string, unknown> = {}): Promise<TestClient> {
  const pusher = new Pusher(server.key, {
    wsHost: "127.0.0.1",
    wsPort: server.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    cluster: "mt1",
    disableStats: true,
    nacl: tweetnacl,
    ...options,
  });
  await waitUntilConnected(pusher);
  return {
    pusher,
    get socketId() {
      return pusher.connection.socket_id;
    },
    subscribe: (channelName) => subscribe(pusher, channelName),
    waitForEvent: <T>(channelName: string, eventName: string, waitOptions: { timeoutMs?: number } = {}) =>
      waitForEvent<T>(pusher, channelName, eventName, waitOptions.timeoutMs ?? DEFAULT_EVENT_TIMEOUT_MS),
    collect: (channelName, eventName) => {
      const received: unknown[] = [];
      subscribedChannel(pusher, channelName).bind(eventName, (data: unknown) => received.push(data));
      return received;
    },
    disconnect: () => disconnect(pusher),
  };
}
