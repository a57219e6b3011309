// The types of the official `pusher` package (5.x), under the names its `index.d.ts` gives them
// in `declare namespace Pusher`. `pusher-compat.ts` re-exports each one inside its own
// `Pusher` namespace, so that a project that names `Pusher.Options`, `Pusher.TriggerParams`…
// compiles unchanged. Input types are copied as they are: widening one (say `appId` to
// `string | number`) would break a project that reads the field back.

/**
 * The options every `Pusher` accepts. At run time `appId` may also be a number and `port` a
 * number, as the official package allows.
 *
 * @example
 * ```ts
 * const options: CompatBaseOptions = { appId: "123", key: "abc", secret: "s3cr3t", useTLS: true };
 * ```
 */
export interface CompatBaseOptions {
  appId: string;
  key: string;
  secret: string;
  /** HTTPS. Without it (or `encrypted`), Pusher's own hosts are reached over HTTPS and any other host over HTTP. */
  useTLS?: boolean;
  /** @deprecated The old name of `useTLS`. */
  encrypted?: boolean;
  /** How long a request may take, in milliseconds. @default 10_000 */
  timeout?: number;
  /** Node.js only: the `http.Agent` or `https.Agent` that carries every request (a proxy agent, say). */
  agent?: object;
  /** Base64 of 32 bytes: the key of `private-encrypted-` channels. */
  encryptionMasterKeyBase64?: string;
}

/**
 * Options that name the app's cluster: the API host becomes `api-<cluster>.pusher.com`.
 *
 * @example
 * ```ts
 * const options: CompatClusterOptions = { appId: "123", key: "abc", secret: "s3cr3t", cluster: "eu" };
 * ```
 */
export interface CompatClusterOptions extends CompatBaseOptions {
  cluster: string;
}

/**
 * Options that name the API host (a self-hosted server, say); `host` wins over `cluster`.
 *
 * @example
 * ```ts
 * const options: CompatHostOptions = { appId: "app-id", key: "app-key", secret: "app-secret", host: "127.0.0.1", port: "6001" };
 * ```
 */
export interface CompatHostOptions extends CompatBaseOptions {
  host: string;
  port?: string;
}

/**
 * The options of `new Pusher(options)`.
 *
 * @example
 * ```ts
 * const options: CompatOptions = { appId: "123", key: "abc", secret: "s3cr3t", cluster: "eu", useTLS: true };
 * ```
 */
export type CompatOptions = CompatClusterOptions | CompatHostOptions;

/**
 * Extra fields of a trigger's body.
 *
 * @example
 * ```ts
 * const params: CompatTriggerParams = { socket_id: "123.456", info: "subscription_count" };
 * ```
 */
export interface CompatTriggerParams {
  /** The connection that must not receive the event. */
  socket_id?: string;
  /** Comma-separated channel attributes to return: `"user_count,subscription_count"`. */
  info?: string;
}

/**
 * One event of `triggerBatch`.
 *
 * @example
 * ```ts
 * const event: CompatBatchEvent = { channel: "chat", name: "message", data: { text: "hi" } };
 * ```
 */
export interface CompatBatchEvent {
  channel: string;
  name: string;
  // The official type: any JSON-encodable value.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
  socket_id?: string;
  info?: string;
}

/** The query parameters the request signature owns. */
type ReservedParams = "auth_key" | "auth_timestamp" | "auth_version" | "auth_signature" | "body_md5";

/**
 * Query parameters of `get`, `post` and `createSignedQueryString`: any name but the reserved ones.
 *
 * @example
 * ```ts
 * const params: CompatParams = { filter_by_prefix: "presence-", info: "user_count" };
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CompatParams = { [key: string]: any } & { [K in ReservedParams]?: never };

/**
 * The options of `get`.
 *
 * @example
 * ```ts
 * const options: CompatRequestOptions = { path: "/channels", params: { filter_by_prefix: "presence-" } };
 * ```
 */
export interface CompatRequestOptions {
  /** The path under `/apps/<appId>`, starting with `/`. */
  path: string;
  params?: CompatParams;
}

/**
 * The options of `post`: a string body is sent as it is, anything else JSON-encoded once.
 *
 * @example
 * ```ts
 * const options: CompatPostOptions = { path: "/events", body: '{"name":"e","channels":["a"],"data":"x"}' };
 * ```
 */
export interface CompatPostOptions extends CompatRequestOptions {
  body: string;
}

/**
 * The options of `createSignedQueryString`: `path` is signed as given (with `/apps/<appId>`).
 *
 * @example
 * ```ts
 * const options: CompatSignedQueryStringOptions = { method: "GET", path: "/apps/123/channels" };
 * ```
 */
export interface CompatSignedQueryStringOptions {
  method: string;
  path: string;
  body?: string;
  params?: CompatParams;
}

/**
 * What `authorizeChannel` returns: pusher-js takes it as JSON.
 *
 * @example
 * ```ts
 * const auth: CompatChannelAuthResponse = { auth: "key:signature" };
 * ```
 */
export interface CompatChannelAuthResponse {
  auth: string;
  channel_data?: string;
  shared_secret?: string;
}

/**
 * What `authenticateUser` returns: pusher-js takes it as JSON.
 *
 * @example
 * ```ts
 * const auth: CompatUserAuthResponse = { auth: "key:signature", user_data: '{"id":"42"}' };
 * ```
 */
export interface CompatUserAuthResponse {
  auth: string;
  user_data: string;
}

/**
 * A presence channel member, as `authorizeChannel` takes it.
 *
 * @example
 * ```ts
 * const member: CompatPresenceChannelData = { user_id: "42", user_info: { name: "Ada" } };
 * ```
 */
export interface CompatPresenceChannelData {
  user_id: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  user_info?: { [key: string]: any };
}

/**
 * A user, as `authenticateUser` takes it.
 *
 * @example
 * ```ts
 * const user: CompatUserChannelData = { id: "42", name: "Ada" };
 * ```
 */
export interface CompatUserChannelData {
  id: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [key: string]: any;
}

/**
 * A webhook request, as `webhook` takes it: headers with lower-case names and the raw body.
 *
 * @example
 * ```ts
 * const request: CompatWebHookRequest = { headers: req.headers, rawBody: body };
 * ```
 */
export interface CompatWebHookRequest {
  headers: object;
  rawBody: string;
}

/**
 * An event of a webhook, as the official package types it.
 *
 * @example
 * ```ts
 * for (const event of webhook.getEvents()) console.log(event.name, event.channel);
 * ```
 */
export interface CompatWebHookEvent {
  name: string;
  channel: string;
  event: string;
  data: string;
  socket_id: string;
}

/**
 * The body of a webhook.
 *
 * @example
 * ```ts
 * const { time_ms, events } = webhook.getData();
 * ```
 */
export interface CompatWebHookData {
  time_ms: number;
  events: CompatWebHookEvent[];
}

/**
 * A key and its secret: what `webhook.isValid(extraTokens)` accepts besides the app's own.
 *
 * @example
 * ```ts
 * webhook.isValid({ key: "old-key", secret: "old-secret" });
 * ```
 */
export interface CompatToken {
  key: string;
  secret: string;
}

/**
 * The headers of a {@link CompatResponse}.
 *
 * @example
 * ```ts
 * response.headers.get("content-type"); // "application/json"
 * ```
 */
export interface CompatResponseHeaders {
  get(name: string): string | null;
  has(name: string): boolean;
  forEach(callback: (value: string, name: string) => void): void;
}

/**
 * What the HTTP calls resolve with: a `Response` whose body is the API's answer, byte for byte.
 *
 * @example
 * ```ts
 * const response = await pusher.trigger("chat", "message", "hi");
 * console.log(response.status, await response.json());
 * ```
 */
export interface CompatResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly url: string;
  readonly redirected: boolean;
  readonly headers: CompatResponseHeaders;
  readonly bodyUsed: boolean;
  // The official type (node-fetch's): the parsed JSON, untyped.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json(): Promise<any>;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
  clone(): CompatResponse;
}
