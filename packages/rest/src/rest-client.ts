import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { BatchEvent, BatchTriggerResult, ChannelInfoAttribute, ChannelState, ChannelsList, EventSchemas } from "@x/types";
import type { PresenceUsers, QueryParamValue, TriggerResult } from "@x/types";

/**
 * The event names a client takes: the keys of its `eventSchemas`, any string without them.
 * @example
 * ```ts
 * const name: EventName<typeof contract> = "chat-message";
 * ```
 */
export type EventName<Schemas extends EventSchemas | undefined> = Schemas extends EventSchemas ? keyof Schemas & string : string;

/**
 * The data event `Name` takes: its schema's input under `eventSchemas`, anything without them.
 * @example
 * ```ts
 * const data: EventInput<typeof contract, "chat-message"> = { text: "hi" };
 * ```
 */
export type EventInput<Schemas extends EventSchemas | undefined, Name extends string> = Schemas extends EventSchemas
  ? Name extends keyof Schemas
    ? StandardSchemaV1.InferInput<Schemas[Name]>
    : never
  : unknown;

/**
 * One event of a batch, typed by `eventSchemas` when the client has them: `name` one of theirs, `data` its input.
 * @example
 * ```ts
 * const event: ContractBatchEvent<typeof contract> = { channel: "room-1", name: "chat-message", data: { text: "hi" } };
 * ```
 */
export type ContractBatchEvent<Schemas extends EventSchemas | undefined> = Schemas extends EventSchemas
  ? {
      [Name in keyof Schemas & string]: Omit<BatchEvent, "name" | "data"> & { name: Name; data: EventInput<Schemas, Name> };
    }[keyof Schemas & string]
  : BatchEvent;

/**
 * Options every call accepts.
 *
 * @example
 * ```ts
 * const options: RequestOptions = { signal: AbortSignal.timeout(2_000) };
 * ```
 */
export interface RequestOptions {
  /** Cancels the call; it then rejects with a `PusherAbortError`. */
  signal?: AbortSignal;
}

/**
 * Options of {@link RestClient.trigger}.
 *
 * @example
 * ```ts
 * const options: TriggerOptions = { socketId: "1234.5678", info: ["subscription_count"] };
 * ```
 */
export interface TriggerOptions extends RequestOptions {
  /** The connection that must not receive the event (usually the one that caused it). */
  socketId?: string;
  /** Attributes of each channel to return in the result (Pusher only; others answer `{}`). */
  info?: readonly ChannelInfoAttribute[];
}

/**
 * Options of {@link RestClient.channels}.
 *
 * @example
 * ```ts
 * const options: ChannelsOptions = { filterByPrefix: "presence-", info: ["user_count"] };
 * ```
 */
export interface ChannelsOptions extends RequestOptions {
  /** Only channels whose name starts with this. */
  filterByPrefix?: string;
  /** `["user_count"]`, allowed only with a `presence-` prefix filter (docs/protocol.md §3). */
  info?: readonly "user_count"[];
}

/**
 * Options of {@link RestClient.channel}.
 *
 * @example
 * ```ts
 * const options: ChannelOptions = { info: ["subscription_count"] };
 * ```
 */
export interface ChannelOptions extends RequestOptions {
  /** `user_count` (presence channels), `subscription_count`, `cache` (cache channels). */
  info?: readonly (ChannelInfoAttribute | "cache")[];
}

/**
 * Query parameters of {@link RestClient.get} and {@link RestClient.post}: arrays are joined with
 * commas, `undefined` values left out.
 *
 * @example
 * ```ts
 * const params: QueryParams = { filter_by_prefix: "presence-", info: ["user_count"] };
 * ```
 */
export type QueryParams = Record<string, QueryParamValue | undefined>;

/**
 * Options of {@link RestClient.request}.
 *
 * @example
 * ```ts
 * const options: ApiRequestOptions = { params: { info: "user_count" }, signal: AbortSignal.timeout(2_000) };
 * ```
 */
export interface ApiRequestOptions extends RequestOptions {
  /** Query parameters besides the signature's own; names of signing parameters are refused. */
  params?: QueryParams;
  /** POST only: sent as-is when a string, JSON-encoded once otherwise. @default {} */
  body?: unknown;
}

/**
 * The answer to {@link RestClient.request}: its status, its body parsed, and its body as it came.
 *
 * @example
 * ```ts
 * const answer: ApiResponse = { status: 200, body: { ok: true }, text: '{"ok":true}' };
 * ```
 */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  text: string;
}

/**
 * A client of the Pusher Channels HTTP API, made by {@link createRestClient}. Every method checks
 * its input before sending anything, and rejects with an error of `@x/types`.
 *
 * @example
 * ```ts
 * const client = createRestClient({ appId: "123", key: "abc", secret: "s3cr3t", cluster: "eu" });
 * await client.trigger("chat", "message", { text: "hi" });
 * ```
 */
export interface RestClient<Schemas extends EventSchemas | undefined = undefined> {
  /**
   * Triggers an event on one channel or several (`POST /events`): `data` is sent as-is when it is
   * a string, JSON-encoded once otherwise, and encrypted on a `private-encrypted-` channel. Several
   * channels with an encrypted one among them go as batches, each event encrypted with its own channel's key.
   *
   * @example
   * ```ts
   * const { channels } = await client.trigger(["a", "b"], "news", { id: 1 }, { info: ["subscription_count"] });
   * ```
   */
  trigger<Name extends EventName<Schemas>>(
    channels: string | readonly string[],
    event: Name,
    data: EventInput<Schemas, Name>,
    options?: TriggerOptions,
  ): Promise<TriggerResult>;

  /**
   * Triggers several events, each on its own channel (`POST /batch_events`); `batch[i]` of the
   * result belongs to `events[i]`.
   *
   * @example
   * ```ts
   * await client.triggerBatch([{ channel: "a", name: "news", data: { id: 1 } }, { channel: "b", name: "news", data: 2 }]);
   * ```
   */
  triggerBatch(events: readonly ContractBatchEvent<Schemas>[], options?: RequestOptions): Promise<BatchTriggerResult>;

  /**
   * Lists the occupied channels (`GET /channels`).
   *
   * @example
   * ```ts
   * const { channels } = await client.channels({ filterByPrefix: "presence-", info: ["user_count"] });
   * ```
   */
  channels(options?: ChannelsOptions): Promise<ChannelsList>;

  /**
   * The state of one channel (`GET /channels/<name>`).
   *
   * @example
   * ```ts
   * const { occupied, subscription_count } = await client.channel("chat", { info: ["subscription_count"] });
   * ```
   */
  channel(name: string, options?: ChannelOptions): Promise<ChannelState>;

  /**
   * The ids of the members of a presence channel (`GET /channels/<name>/users`).
   *
   * @example
   * ```ts
   * const { users } = await client.users("presence-room");
   * ```
   */
  users(presenceChannel: string, options?: RequestOptions): Promise<PresenceUsers>;

  /**
   * Disconnects every connection of a signed-in user (`POST /users/<id>/terminate_connections`).
   *
   * @example
   * ```ts
   * await client.terminateUserConnections("user-42");
   * ```
   */
  terminateUserConnections(userId: string, options?: RequestOptions): Promise<void>;

  /**
   * Sends an event to every connection of a signed-in user (a trigger on `#server-to-user-<userId>`).
   *
   * @example
   * ```ts
   * await client.sendToUser("user-42", "notification", { text: "hello" });
   * ```
   */
  sendToUser<Name extends EventName<Schemas>>(
    userId: string,
    event: Name,
    data: EventInput<Schemas, Name>,
    options?: RequestOptions,
  ): Promise<TriggerResult>;

  /**
   * A signed GET of any API path under `/apps/<appId>`; resolves with the JSON body, any JSON value
   * (an array too), or the body's text when it is no JSON (e.g. `"OK"`).
   *
   * @example
   * ```ts
   * const list = await client.get<ChannelsList>("/channels", { filter_by_prefix: "private-" });
   * ```
   */
  get<T = unknown>(path: string, params?: QueryParams, options?: RequestOptions): Promise<T>;

  /**
   * A signed POST of any API path under `/apps/<appId>` (a string `body` as-is, anything else
   * JSON-encoded once); resolves as {@link RestClient.get} does.
   *
   * @example
   * ```ts
   * await client.post("/events", { name: "news", channels: ["a"], data: "{}" });
   * ```
   */
  post<T = unknown>(path: string, body: unknown, params?: QueryParams, options?: RequestOptions): Promise<T>;

  /**
   * A signed GET or POST of any API path under `/apps/<appId>`, resolving with the whole answer:
   * its status, its body (any JSON value, or the text when it is no JSON) and its text as received.
   *
   * @example
   * ```ts
   * const { status, body, text } = await client.request("GET", "/channels", { params: { filter_by_prefix: "presence-" } });
   * ```
   */
  request<T = unknown>(method: "GET" | "POST", path: string, options?: ApiRequestOptions): Promise<ApiResponse<T>>;
}
