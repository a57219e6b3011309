/**
 * A webhook receiver called in-process: your app's endpoint as a Web-standard handler.
 * @example const handler: WebhookHandler = async (request) => new Response(null, { status: 200 });
 */
export type WebhookHandler = (request: Request) => Promise<Response> | Response;

/**
 * The kinds of webhook Pusher sends.
 * @example const kinds: WebhookEventName[] = ["member_added", "member_removed"];
 */
export type WebhookEventName =
  "channel_occupied" | "channel_vacated" | "member_added" | "member_removed" | "client_event" | "cache_miss" | "subscription_count";

/**
 * Where and how the fake sends webhooks.
 * @example const webhooks: WebhookOptions = { url: "http://127.0.0.1:3000/pusher/webhooks", batch: true };
 */
export interface WebhookOptions {
  /** The URL webhooks are POSTed to; with `handler`, only the URL of the `Request` it receives. @default "http://localhost/pusher/webhooks" */
  url?: string;
  /** Called in-process instead of sending over HTTP. */
  handler?: WebhookHandler;
  /** Send the events one state change causes in one webhook, as Pusher does with batching enabled. @default false */
  batch?: boolean;
  /** The kinds to send, as enabled in Pusher's dashboard. @default every kind */
  events?: readonly WebhookEventName[];
}

/**
 * The options of {@link startFakePusher}.
 * @example const options: FakePusherOptions = { appId: "1", key: "k", secret: "s", limits: { maxPayloadBytes: 20_480 } };
 */
export interface FakePusherOptions {
  /** Numeric, like Pusher's: the official `pusher` package's `forURL` reads it as a number. @default "1000001" */
  appId?: string;
  /** @default "fake-app-key" */
  key?: string;
  /** @default "fake-app-secret" */
  secret?: string;
  /** Pusher's limits; the defaults are those of its shared clusters. */
  limits?: {
    /** Largest `data` of one event, in UTF-8 bytes; larger answers 413. @default 10_240 */
    maxPayloadBytes?: number;
    /** Most events in one `batch_events` request. @default 10 */
    maxBatchSize?: number;
    /** Most channels in one trigger. @default 100 */
    maxChannelsPerTrigger?: number;
  };
  /** Where webhooks go: a URL, a handler, or {@link WebhookOptions}. None are sent without it. */
  webhooks?: string | WebhookHandler | WebhookOptions;
  /** The fake's clock in milliseconds, for `auth_timestamp` checks, cache TTLs and `time_ms`. @default Date.now */
  now?: () => number;
}

/**
 * The fake's credentials and address, in the shape SDK constructors take.
 * @example const { appId, key, secret, host, port, useTLS } = fake.config;
 */
export interface FakePusherConfig {
  appId: string;
  key: string;
  secret: string;
  host: string;
  port: number;
  useTLS: false;
}

/**
 * An event the fake accepted, one per channel it was triggered on.
 *
 * @example
 * ```ts
 * const [first] = fake.events;
 * expect(JSON.parse(first!.data)).toEqual({ id: 7 });
 * ```
 */
export interface RecordedEvent {
  channel: string;
  name: string;
  /** The data as sent: always a string on the wire. */
  data: string;
  /** The connection excluded from receiving it (`socket_id`), if any. */
  socketId?: string;
  /** The `info` attributes the request asked for, if any. */
  info?: string[];
  /** The `id` of the request in {@link FakePusher.requests} that carried it. */
  requestId: number;
}

/**
 * A request the fake received, with its answer.
 * @example expect(fake.requests.map((request) => request.status)).toEqual([200, 413]);
 */
export interface RecordedRequest {
  id: number;
  method: string;
  /** The path, e.g. `/apps/app-id/events`. */
  path: string;
  /** The query parameters, `auth_signature` left out. */
  query: Record<string, string>;
  body: string;
  /** The status answered; absent for a `timeout` or `reset` fault. */
  status?: number;
  /** The body answered. */
  response: string;
  /** The fault injected in place of an answer, if any. */
  fault?: "status" | "timeout" | "reset";
}

/**
 * One event of a webhook body, as Pusher sends it.
 * @example const event: WebhookEvent = { name: "member_added", channel: "presence-room", user_id: "42" };
 */
export interface WebhookEvent {
  name: WebhookEventName;
  channel: string;
  user_id?: string;
  event?: string;
  data?: string;
  socket_id?: string;
  subscription_count?: number;
}

/**
 * A webhook the fake sent, and what the receiver answered.
 *
 * @example
 * ```ts
 * const [delivery] = await fake.webhooksDelivered();
 * expect(delivery!.status).toBe(200);
 * ```
 */
export interface WebhookDelivery {
  /** The exact body sent: `{"time_ms":…,"events":[…]}`. */
  body: string;
  events: WebhookEvent[];
  headers: Record<string, string>;
  /** The receiver's status; absent when it could not be reached or threw. */
  status?: number;
  /** Why the delivery failed, when it did. */
  error?: string;
}

/**
 * A simulated connection subscribed to one channel, from {@link FakePusher.subscribe}.
 *
 * @example
 * ```ts
 * const alice = fake.subscribe("presence-room", { userId: "alice" });
 * alice.clientEvent("client-typing", { typing: true });
 * alice.leave();
 * ```
 */
export interface FakeConnection {
  readonly socketId: string;
  readonly channel: string;
  readonly userId: string | undefined;
  /** As given to `subscribe`: what a presence member's `user_info` would be. The HTTP API never returns it. */
  readonly userInfo: Record<string, unknown> | undefined;
  /** `false` once it left or its user's connections were terminated. */
  readonly active: boolean;
  /** Sends a client event (`client-…`, private and presence channels only): Pusher reports it as a `client_event` webhook. */
  clientEvent(event: string, data: unknown): void;
  /** Leaves the channel; a second call does nothing. */
  leave(): void;
}

/**
 * What {@link FakePusher.waitForEvent} looks for: every field given must match. `data` matches
 * the string itself, a deep-partial object or array (compared with the parsed JSON), or a
 * predicate of the parsed data.
 * @example const match: EventMatch = { channel: "orders", name: "created", data: { id: 7 } };
 */
export interface EventMatch {
  channel?: string;
  name?: string;
  data?: unknown;
  socketId?: string;
}

/**
 * A fault to inject: an HTTP status (with `Retry-After` for `retryAfter`), an answer that never
 * comes (`timeout`, until `close()`), or a connection destroyed (`reset`).
 * @example fake.failNext({ status: 429, retryAfter: 2 });
 */
export type Fault = { status: number; body?: string; retryAfter?: number } | { kind: "timeout" } | { kind: "reset" };

/**
 * A fake Pusher Channels HTTP API on a loopback port, from {@link startFakePusher}.
 *
 * @example
 * ```ts
 * const fake = await startFakePusher();
 * const pusher = Pusher.forURL(fake.url);
 * await pusher.trigger("orders", "created", { id: 7 });
 * await fake.waitForEvent({ channel: "orders", name: "created" });
 * await fake.close();
 * ```
 */
export interface FakePusher {
  /** `http://KEY:SECRET@127.0.0.1:PORT/apps/APP_ID`, a `PUSHER_URL`. */
  readonly url: string;
  readonly config: FakePusherConfig;
  /** The events accepted, in order. */
  readonly events: readonly RecordedEvent[];
  /** Every request received, in order. */
  readonly requests: readonly RecordedRequest[];
  /** The webhooks sent so far. */
  readonly webhooks: readonly WebhookDelivery[];
  /** Simulates a connection subscribing; presence channels need `userId`. */
  subscribe(channel: string, options?: { userId?: string; userInfo?: Record<string, unknown> }): FakeConnection;
  /** Resolves with the first event, recorded or to come, that matches; rejects after `timeoutMs` (default 2,000) listing what was received. */
  waitForEvent(match: EventMatch | ((event: RecordedEvent) => boolean), options?: { timeoutMs?: number }): Promise<RecordedEvent>;
  /** Answers the next `times` (default 1) requests whose path contains `path` (any path without it) with `fault`. */
  failNext(fault: Fault, options?: { times?: number; path?: string | RegExp }): void;
  /** Resolves once every webhook caused so far has been delivered (or has failed). */
  webhooksDelivered(): Promise<readonly WebhookDelivery[]>;
  /** Forgets the recorded events, requests and webhooks, and pending faults; channel state stays. */
  clear(): void;
  /** Stops the server; resolves once every socket is closed. */
  close(): Promise<void>;
}
