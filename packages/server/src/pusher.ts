import { authenticateUser, authorizeChannel, createAuthHandler } from "@x/auth";
import type { AuthCredentials, AuthHandlerOptions } from "@x/auth";
import { createPublisher, createRestClient } from "@x/rest";
import type { ChannelOptions, ChannelsOptions, Publisher, PublisherOptions, QueryParams } from "@x/rest";
import type { ContractBatchEvent, EventInput, EventName } from "@x/rest";
import type { RequestOptions, RestClient, RestClientOptions, TriggerOptions } from "@x/rest";
import type { BatchTriggerResult, ChannelAuthResponse, ChannelState, ChannelsList, EventSchemas } from "@x/types";
import type { PresenceData, PresenceUsers, TriggerResult, UserAuthResponse, UserData } from "@x/types";
import { readFields } from "@x/types/internal";
import { createWebhookDecryptor, createWebhookHandler, verifyWebhook } from "@x/webhooks";
import type { VerifyWebhookOptions, WebhookDecryptor, WebhookDelivery, WebhookHandlerOptions, WebhookVerdict } from "@x/webhooks";
import { parsePusherUrl, readPusherEnv, type PusherEnv } from "./url-and-env.js";

/**
 * Everything a {@link Pusher} needs in one object: the app's credentials and the options of
 * `@x/rest`'s client (`cluster`, `host`, `port`, `useTLS`, `timeout`, `fetch`, `retry`,
 * `encryptionMasterKeyBase64`, `eventSchemas`…).
 * @example
 * ```ts
 * const config: PusherConfig = { appId: "123", key: "abc", secret: "s3cr3t", cluster: "eu" };
 * ```
 */
export type PusherConfig<Schemas extends EventSchemas | undefined = undefined> = RestClientOptions<Schemas>;

/**
 * The options after `appId`, `key` and `secret` in `new Pusher(appId, key, secret, options)`, as
 * the .NET `PusherServer` library's `PusherOptions`. `host` wins over `cluster`.
 * @example
 * ```ts
 * const options: PusherOptions = { cluster: "eu", timeout: 5_000 };
 * ```
 */
export type PusherOptions<Schemas extends EventSchemas | undefined = undefined> = Omit<
  RestClientOptions<Schemas>,
  "appId" | "key" | "secret"
>;

/**
 * A Pusher Channels app: the API of the .NET `PusherServer` library in TypeScript. It binds the
 * configuration once and delegates every call to `@x/rest`, `@x/auth` and `@x/webhooks`. The
 * secret stays in a private field: it never shows in `JSON.stringify(pusher)` or in a log.
 * @example
 * ```ts
 * import { Pusher } from "@x/server";
 *
 * const pusher = new Pusher("APP_ID", "APP_KEY", "APP_SECRET", { cluster: "eu" });
 * await pusher.trigger("channel-1", "test_event", { message: "hello world" });
 * ```
 */
export class Pusher<Schemas extends EventSchemas | undefined = undefined> {
  /** The app id. */
  readonly appId: string;
  /** The app key (public: browsers use it to connect). */
  readonly key: string;
  readonly #credentials: AuthCredentials;
  readonly #rest: RestClient<Schemas>;
  readonly #decryptor: WebhookDecryptor | undefined;

  /**
   * Binds an app's credentials and options, checked once: a bad one throws a `PusherConfigError` naming it.
   * @example
   * ```ts
   * new Pusher("123", "key", "secret", { cluster: "eu" });
   * new Pusher({ appId: "app-id", key: "app-key", secret: "app-secret", host: "127.0.0.1", port: 6001, useTLS: false });
   * ```
   */
  constructor(config: PusherConfig<Schemas>);
  constructor(appId: string, key: string, secret: string, options?: PusherOptions<Schemas>);
  constructor(appIdOrConfig: string | PusherConfig<Schemas>, key?: string, secret?: string, options?: PusherOptions<Schemas>) {
    const config: PusherConfig<Schemas> =
      typeof appIdOrConfig === "string"
        ? { ...options, appId: appIdOrConfig, key: key as string, secret: secret as string }
        : appIdOrConfig;
    this.#rest = createRestClient(config);
    // Read once, after the client checked them: a caller mutating its config object later must
    // not make the signing methods use other credentials than the requests.
    const fields = (readFields(config, ["appId", "key", "secret", "encryptionMasterKeyBase64"]) ?? {}) as Partial<RestClientOptions>;
    const masterKey = fields.encryptionMasterKeyBase64;
    this.#credentials = { key: fields.key as string, secret: fields.secret as string, encryptionMasterKeyBase64: masterKey };
    this.#decryptor = masterKey === undefined ? undefined : createWebhookDecryptor(masterKey);
    this.appId = fields.appId as string;
    this.key = fields.key as string;
  }

  /**
   * Creates a `Pusher` from a connection URL `http(s)://KEY:SECRET@HOST[:PORT][/BASE_PATH]/apps/APP_ID`: a path before
   * `/apps/` is kept as the `basePath` of a server behind a reverse proxy.
   */
  static fromUrl<Schemas extends EventSchemas | undefined = undefined>(url: string, options?: PusherOptions<Schemas>): Pusher<Schemas> {
    return new Pusher(parsePusherUrl(url, options));
  }

  /**
   * Creates a `Pusher` from environment variables: `PUSHER_URL`, or `PUSHER_APP_ID`,
   * `PUSHER_KEY`, `PUSHER_SECRET` with optional `PUSHER_CLUSTER`, `PUSHER_HOST`, `PUSHER_PORT`,
   * `PUSHER_USE_TLS`, `PUSHER_ENCRYPTION_MASTER_KEY_BASE64`. Reads `process.env` by default;
   * pass a Worker's `env` on edge runtimes.
   * @example
   * ```ts
   * const pusher = Pusher.fromEnv();        // Node, Bun, Deno
   * const inWorker = Pusher.fromEnv(env);   // Cloudflare Workers
   * ```
   */
  static fromEnv<Schemas extends EventSchemas | undefined = undefined>(env?: PusherEnv, options?: PusherOptions<Schemas>): Pusher<Schemas> {
    return new Pusher(readPusherEnv(env, options));
  }

  /**
   * Triggers an event on one channel or several, or (given an array of events) a batch: the
   * .NET `PusherServer` library's `Trigger` overloads. Encrypted channels are encrypted; long
   * channel lists and large batches are split into several requests.
   * @example
   * ```ts
   * await pusher.trigger(["channel-1", "channel-2"], "test_event", { message: "hello world" }, { socketId: "1234.56" });
   * await pusher.trigger([{ channel: "channel-1", name: "test_event", data: "hello world" }]);
   * ```
   */
  trigger<Name extends EventName<Schemas>>(
    channels: string | readonly string[],
    event: Name,
    data: EventInput<Schemas, Name>,
    options?: TriggerOptions,
  ): Promise<TriggerResult>;
  trigger(events: readonly ContractBatchEvent<Schemas>[], options?: RequestOptions): Promise<BatchTriggerResult>;
  trigger(
    channelsOrEvents: string | readonly string[] | readonly ContractBatchEvent<Schemas>[],
    eventOrOptions?: EventName<Schemas> | RequestOptions,
    data?: unknown,
    options?: TriggerOptions,
  ): Promise<TriggerResult | BatchTriggerResult> {
    // A batch is an array followed by nothing but its options; anything else is a trigger, so
    // that a missing or bad event name is reported by the trigger's own validation.
    if (Array.isArray(channelsOrEvents) && (eventOrOptions === undefined || typeof eventOrOptions === "object")) {
      return this.#rest.triggerBatch(channelsOrEvents as readonly ContractBatchEvent<Schemas>[], eventOrOptions);
    }
    const event = eventOrOptions as EventName<Schemas>;
    const channels = channelsOrEvents as string | readonly string[];
    return this.#rest.trigger(channels, event, data as EventInput<Schemas, typeof event>, options);
  }

  /**
   * Authorizes a socket to subscribe to a private, presence (with `presenceData`) or encrypted
   * channel: the .NET `PusherServer` library's `Authenticate`. Synchronous; answer pusher-js
   * with the result as JSON.
   * @example
   * ```ts
   * return Response.json(pusher.authenticate("presence-room", socketId, { user_id: "42", user_info: { name: "Ada" } }));
   * ```
   */
  authenticate(channelName: string, socketId: string, presenceData?: PresenceData): ChannelAuthResponse {
    return authorizeChannel(this.#credentials, { socketId, channelName, presenceData });
  }

  /** {@link Pusher.authenticate} with the argument order of the official `pusher` npm package. */
  authorizeChannel(socketId: string, channelName: string, presenceData?: PresenceData): ChannelAuthResponse {
    return this.authenticate(channelName, socketId, presenceData);
  }

  /** Signs a user in (user authentication). Synchronous; answer pusher-js with the result as JSON. */
  authenticateUser(socketId: string, userData: UserData): UserAuthResponse {
    return authenticateUser(this.#credentials, { socketId, userData });
  }

  /** A signed GET of any resource under `/apps/<appId>`: the .NET library's `Get<T>`. */
  get<T = unknown>(resource: string, params?: QueryParams, options?: RequestOptions): Promise<T> {
    return this.#rest.get<T>(resource, params, options);
  }

  /** A signed POST of any resource under `/apps/<appId>`; `body` is JSON-encoded unless a string. */
  post<T = unknown>(resource: string, body: unknown, params?: QueryParams, options?: RequestOptions): Promise<T> {
    return this.#rest.post<T>(resource, body, params, options);
  }

  /** The occupied channels: the .NET library's `FetchStateForChannels`. */
  fetchStateForChannels(options?: ChannelsOptions): Promise<ChannelsList> {
    return this.#rest.channels(options);
  }

  /** The state of one channel: the .NET library's `FetchStateForChannel`. */
  fetchStateForChannel(channelName: string, options?: ChannelOptions): Promise<ChannelState> {
    return this.#rest.channel(channelName, options);
  }

  /** The members of a presence channel: the .NET library's `FetchUsersFromPresenceChannel`. */
  fetchUsersFromPresenceChannel(channelName: string, options?: RequestOptions): Promise<PresenceUsers> {
    return this.#rest.users(channelName, options);
  }

  /** Sends an event to every connection of a signed-in user. */
  sendToUser<Name extends EventName<Schemas>>(
    userId: string,
    event: Name,
    data: EventInput<Schemas, Name>,
    options?: RequestOptions,
  ): Promise<TriggerResult> {
    return this.#rest.sendToUser(userId, event, data, options);
  }

  /** Disconnects every connection of a signed-in user. */
  terminateUserConnections(userId: string, options?: RequestOptions): Promise<void> {
    return this.#rest.terminateUserConnections(userId, options);
  }

  /**
   * Verifies a webhook against this app's secret: the .NET library's `ProcessWebHook`. Never
   * throws on bad input (`validationErrors` lists every problem). Pass the raw body, not a parsed
   * object; encrypted client events are decrypted when the app has a master key.
   * @example
   * ```ts
   * const webHook = pusher.processWebHook(request.headers.get("x-pusher-signature"), await request.text());
   * if (webHook.isValid) for (const event of webHook.events) console.log(event.name, event.channel);
   * ```
   */
  processWebHook(
    signature: string | null | undefined,
    body: WebhookDelivery["body"],
    key?: string | null,
    options?: Omit<VerifyWebhookOptions, "decryptor">,
  ): WebhookVerdict {
    return verifyWebhook(this.#credentials, { body, signature, key }, { ...options, decryptor: this.#decryptor });
  }

  /**
   * The pusher-js auth endpoint of this app, a Web-standard `(Request) => Promise<Response>`
   * (`@x/auth`'s `createAuthHandler`, with this app's credentials).
   * @example
   * ```ts
   * const handler = pusher.createAuthHandler({ onChannelAuthorization: () => true });
   * ```
   */
  createAuthHandler(
    options: Omit<AuthHandlerOptions, "key" | "secret" | "encryptionMasterKeyBase64">,
  ): (request: Request) => Promise<Response> {
    return createAuthHandler({ ...options, ...this.#credentials });
  }

  /**
   * The webhook endpoint of this app, a Web-standard `(Request) => Promise<Response>`
   * (`@x/webhooks`' `createWebhookHandler`). Its `eventSchemas` are those of the client events it
   * receives, given here: the app's own contract is about the events the server sends.
   * @example
   * ```ts
   * const handler = pusher.createWebhookHandler({ onEvent: (event) => console.log(event.name) });
   * ```
   */
  createWebhookHandler<ClientSchemas extends EventSchemas | undefined = undefined>(
    options: Omit<WebhookHandlerOptions<ClientSchemas>, "credentials" | "decryptor">,
  ): (request: Request) => Promise<Response> {
    return createWebhookHandler<ClientSchemas>({ ...options, decryptor: this.#decryptor, credentials: this.#credentials });
  }

  /** A batching publisher bound to this app (`@x/rest`'s `createPublisher`). */
  createPublisher(options?: PublisherOptions): Publisher<ContractBatchEvent<Schemas>> {
    return createPublisher(this.#rest, options);
  }
}
