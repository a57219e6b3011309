import {
  authenticateUser,
  authorizeChannel,
  createAuthHandler,
  type AuthCredentials,
  type AuthHandlerOptions,
} from "@x/auth";
import {
  createPublisher,
  createRestClient,
  type ChannelOptions,
  type ChannelsOptions,
  type Publisher,
  type PublisherOptions,
  type QueryParams,
  type RequestOptions,
  type RestClient,
  type TriggerOptions,
} from "@x/rest";
import type { BatchEvent, BatchTriggerResult, ChannelAuthResponse, ChannelState, ChannelsList, PresenceData, PresenceUsers, TriggerResult, UserAuthResponse, UserData } from "@x/types";
import {
  createWebhookDecryptor,
  createWebhookHandler,
  verifyWebhook,
  type VerifyWebhookOptions,
  type WebhookDecryptor,
  type WebhookDelivery,
  type WebhookHandlerOptions,
  type WebhookVerdict,
} from "@x/webhooks";
import { parsePusherUrl } from "./parse-pusher-url.js";
import type { PusherConfig, PusherOptions } from "./pusher-config.js";
import { readPusherEnv, type PusherEnv } from "./read-pusher-env.js";

/** The auth handler's options minus what a {@link Pusher} already knows (its credentials). */
export type BoundAuthHandlerOptions = Omit<AuthHandlerOptions, "key" | "secret" | "encryptionMasterKeyBase64">;

/**
 * The webhook handler's options minus what a {@link Pusher} already knows: its credentials, and
 * the decryptor of its master key.
 */
export type BoundWebhookHandlerOptions = Omit<WebhookHandlerOptions, "credentials" | "decryptor">;

/**
 * A Pusher Channels app: the API of the .NET `PusherServer` library in TypeScript. It binds the
 * configuration once and delegates every call to `@x/rest`, `@x/auth` and `@x/webhooks`.
 * The secret is kept in a private field: it never shows in `JSON.stringify(pusher)` or in logs.
 *
 * @example
 * ```ts
 * import { Pusher } from "@x/server";
 *
 * const pusher = new Pusher("APP_ID", "APP_KEY", "APP_SECRET", { cluster: "eu" });
 * await pusher.trigger("channel-1", "test_event", { message: "hello world" });
 * ```
 */
export class Pusher {
  /** The app id. */
  readonly appId: string;
  /** The app key (public: browsers use it to connect). */
  readonly key: string;
  // What signing needs, copied: the REST client resolves its options once, so a caller mutating
  // its config object later must not make the signing methods use other credentials.
  readonly #credentials: AuthCredentials;
  readonly #rest: RestClient;
  /** Decrypts encrypted client events of webhooks; only when the app has a master key. */
  readonly #decryptor: WebhookDecryptor | undefined;

  /**
   * Binds an app's credentials and options, checked here once: a bad option throws a
   * `PusherConfigError` that names it. `host` wins over `cluster`, as in the seed.
   *
   * @example
   * ```ts
   * new Pusher("123", "key", "secret", { cluster: "eu" });
   * new Pusher({ appId: "123", key: "key", secret: "secret", host: "127.0.0.1", port: 6001, useTLS: false });
   * ```
   */
  constructor(config: PusherConfig);
  constructor(appId: string, key: string, secret: string, options?: PusherOptions);
  constructor(appIdOrConfig: string | PusherConfig, key?: string, secret?: string, options: PusherOptions = {}) {
    const config: PusherConfig =
      typeof appIdOrConfig === "string"
        ? { ...options, appId: appIdOrConfig, key: key as string, secret: secret as string }
        : appIdOrConfig;
    this.#rest = createRestClient(config);
    this.#credentials = { key: config.key, secret: config.secret, encryptionMasterKeyBase64: config.encryptionMasterKeyBase64 };
    // The REST client has checked the master key: decoding it here cannot throw anymore.
    this.#decryptor =
      config.encryptionMasterKeyBase64 === undefined ? undefined : createWebhookDecryptor(config.encryptionMasterKeyBase64);
    this.appId = config.appId;
    this.key = config.key;
  }

  /**
   * Creates a `Pusher` from a connection URL `http(s)://KEY:SECRET@HOST[:PORT]/apps/APP_ID`.
   *
   * @example
   * ```ts
   * const pusher = Pusher.fromUrl("https://key:secret@api-eu.pusher.com/apps/123");
   * ```
   */
  static fromUrl(url: string, options?: PusherOptions): Pusher {
    return new Pusher(parsePusherUrl(url, options));
  }

  /**
   * Creates a `Pusher` from environment variables: `PUSHER_URL`, or `PUSHER_APP_ID`,
   * `PUSHER_KEY`, `PUSHER_SECRET` with optional `PUSHER_CLUSTER`, `PUSHER_HOST`, `PUSHER_PORT`,
   * `PUSHER_USE_TLS`, `PUSHER_ENCRYPTION_MASTER_KEY_BASE64`. Defaults to `process.env`; pass a
   * Worker's `env` on edge runtimes.
   *
   * @example
   * ```ts
   * const pusher = Pusher.fromEnv();            // Node, Bun, Deno
   * const fromWorker = Pusher.fromEnv(env);     // Cloudflare Workers
   * ```
   */
  static fromEnv(env?: PusherEnv, options?: PusherOptions): Pusher {
    return new Pusher(readPusherEnv(env, options));
  }

  /**
   * Triggers an event on one channel or several, or (given an array of events) a batch, as
   * the seed's `Trigger` overloads do. Encrypted channels are encrypted; long channel lists and
   * large batches are split into several requests (see `@x/rest`).
   *
   * @example
   * ```ts
   * await pusher.trigger("channel-1", "test_event", { message: "hello world" });
   * await pusher.trigger(["channel-1", "channel-2"], "test_event", { message: "hello world" });
   * await pusher.trigger("channel-1", "test_event", data, { socketId: "1234.56" });
   * await pusher.trigger([
   *   { channel: "channel-1", name: "test_event", data: "hello world" },
   *   { channel: "channel-1", name: "test_event", data: "my name is bob" },
   * ]);
   * ```
   */
  trigger(channels: string | readonly string[], event: string, data: unknown, options?: TriggerOptions): Promise<TriggerResult>;
  trigger(events: readonly BatchEvent[], options?: RequestOptions): Promise<BatchTriggerResult>;
  trigger(
    channelsOrEvents: string | readonly string[] | readonly BatchEvent[],
    eventOrOptions?: string | RequestOptions,
    data?: unknown,
    options?: TriggerOptions,
  ): Promise<TriggerResult | BatchTriggerResult> {
    // A batch is an array followed by nothing but its options. Anything else is a trigger, so
    // that a missing or bad event name is reported as such by the trigger's validation.
    if (Array.isArray(channelsOrEvents) && (eventOrOptions === undefined || typeof eventOrOptions === "object")) {
      return this.#rest.triggerBatch(channelsOrEvents as readonly BatchEvent[], eventOrOptions);
    }
    return this.#rest.trigger(channelsOrEvents as string | readonly string[], eventOrOptions as string, data, options);
  }

  /**
   * Authorizes a socket to subscribe to a private, presence (with `presenceData`) or encrypted
   * channel: the seed's `Authenticate`. Synchronous; return the result as JSON to pusher-js.
   *
   * @example
   * ```ts
   * const auth = pusher.authenticate("presence-room", socketId, { user_id: "42", user_info: { name: "Ada" } });
   * return Response.json(auth);
   * ```
   */
  authenticate(channelName: string, socketId: string, presenceData?: PresenceData): ChannelAuthResponse {
    return authorizeChannel(this.#credentials, { socketId, channelName, presenceData });
  }

  /**
   * The same as {@link Pusher.authenticate} with the official Node SDK's argument order, for
   * code migrating from `pusher` on npm.
   *
   * @example
   * ```ts
   * const auth = pusher.authorizeChannel(socketId, "private-chat");
   * ```
   */
  authorizeChannel(socketId: string, channelName: string, presenceData?: PresenceData): ChannelAuthResponse {
    return this.authenticate(channelName, socketId, presenceData);
  }

  /**
   * Signs a user in (user authentication). Synchronous; return the result as JSON to pusher-js.
   *
   * @example
   * ```ts
   * const auth = pusher.authenticateUser(socketId, { id: "42", user_info: { name: "Ada" } });
   * ```
   */
  authenticateUser(socketId: string, userData: UserData): UserAuthResponse {
    return authenticateUser(this.#credentials, { socketId, userData });
  }

  /**
   * A signed GET of any resource under `/apps/<appId>`: the seed's `Get<T>`.
   *
   * @example
   * ```ts
   * const result = await pusher.get<ChannelsList>("/channels", { filter_by_prefix: "presence-" });
   * ```
   */
  get<T = unknown>(resource: string, params?: QueryParams, options?: RequestOptions): Promise<T> {
    return this.#rest.get<T>(resource, params, options);
  }

  /**
   * A signed POST of any resource under `/apps/<appId>`.
   *
   * @example
   * ```ts
   * await pusher.post("/events", { name: "test_event", channels: ["channel-1"], data: "{}" });
   * ```
   */
  post<T = unknown>(resource: string, body: unknown, params?: QueryParams, options?: RequestOptions): Promise<T> {
    return this.#rest.post<T>(resource, body, params, options);
  }

  /**
   * The occupied channels: the seed's `FetchStateForChannels`.
   *
   * @example
   * ```ts
   * const { channels } = await pusher.fetchStateForChannels({ filterByPrefix: "presence-", info: ["user_count"] });
   * ```
   */
  fetchStateForChannels(options?: ChannelsOptions): Promise<ChannelsList> {
    return this.#rest.channels(options);
  }

  /**
   * The state of one channel: the seed's `FetchStateForChannel`.
   *
   * @example
   * ```ts
   * const { occupied } = await pusher.fetchStateForChannel("my_channel", { info: ["subscription_count"] });
   * ```
   */
  fetchStateForChannel(channelName: string, options?: ChannelOptions): Promise<ChannelState> {
    return this.#rest.channel(channelName, options);
  }

  /**
   * The ids of the members of a presence channel: the seed's `FetchUsersFromPresenceChannel`.
   *
   * @example
   * ```ts
   * const { users } = await pusher.fetchUsersFromPresenceChannel("presence-room");
   * ```
   */
  fetchUsersFromPresenceChannel(channelName: string, options?: RequestOptions): Promise<PresenceUsers> {
    return this.#rest.users(channelName, options);
  }

  /**
   * Sends an event to every connection of a signed-in user.
   *
   * @example
   * ```ts
   * await pusher.sendToUser("42", "notification", { text: "hello" });
   * ```
   */
  sendToUser(userId: string, event: string, data: unknown, options?: RequestOptions): Promise<TriggerResult> {
    return this.#rest.sendToUser(userId, event, data, options);
  }

  /**
   * Disconnects every connection of a signed-in user.
   *
   * @example
   * ```ts
   * await pusher.terminateUserConnections("42");
   * ```
   */
  terminateUserConnections(userId: string, options?: RequestOptions): Promise<void> {
    return this.#rest.terminateUserConnections(userId, options);
  }

  /**
   * Verifies a webhook against this app's secret: the seed's `ProcessWebHook`. Never throws on
   * bad input; `validationErrors` lists every problem. Pass the raw body, not a parsed object.
   * Encrypted client events are decrypted when the app has a master key.
   *
   * @example
   * ```ts
   * const rawBody = await request.text();
   * const webHook = pusher.processWebHook(
   *   request.headers.get("x-pusher-signature"),
   *   rawBody,
   *   request.headers.get("x-pusher-key"),
   * );
   * if (webHook.isValid) for (const event of webHook.events) console.log(event.name, event.channel);
   * else console.warn(webHook.validationErrors);
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
   * The pusher-js auth endpoint for this app, as a Web-standard `(Request) => Promise<Response>`
   * (see `@x/auth`'s `createAuthHandler`).
   *
   * @example
   * ```ts
   * const handler = pusher.createAuthHandler({ onChannelAuthorization: () => true });
   * ```
   */
  createAuthHandler(options: BoundAuthHandlerOptions): (request: Request) => Promise<Response> {
    return createAuthHandler({ ...options, ...this.#credentials });
  }

  /**
   * The webhook endpoint for this app, as a Web-standard `(Request) => Promise<Response>`
   * (see `@x/webhooks`' `createWebhookHandler`).
   *
   * @example
   * ```ts
   * const handler = pusher.createWebhookHandler({ onEvent: (event) => console.log(event.name) });
   * ```
   */
  createWebhookHandler(options: BoundWebhookHandlerOptions): (request: Request) => Promise<Response> {
    return createWebhookHandler({ ...options, decryptor: this.#decryptor, credentials: this.#credentials });
  }

  /**
   * A batching publisher bound to this app (see `@x/rest`'s `createPublisher`).
   *
   * @example
   * ```ts
   * const publisher = pusher.createPublisher({ maxDelayMs: 5 });
   * await publisher.publish({ channel: "chat", name: "message", data: { text: "hi" } });
   * await publisher.close();
   * ```
   */
  createPublisher(options?: PublisherOptions): Publisher {
    return createPublisher(this.#rest, options);
  }
}
