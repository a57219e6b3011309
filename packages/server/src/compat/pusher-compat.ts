import { createRestClient, type RestClient } from "@x/rest";
import { deriveSharedSecret, encryptPayload } from "@x/signing";
import { bytesToBase64 } from "@x/signing/internal";
import { PusherConfigError, PusherValidationError } from "@x/types";
import { isEncryptedChannel } from "@x/types/internal";
import { resolveCompatConfig, restClientOptions, type CompatConfig } from "./compat-config.js";
import type {
  CompatBaseOptions,
  CompatBatchEvent,
  CompatChannelAuthResponse,
  CompatClusterOptions,
  CompatHostOptions,
  CompatOptions,
  CompatParams,
  CompatPostOptions,
  CompatPresenceChannelData,
  CompatRequestOptions,
  CompatResponse,
  CompatSignedQueryStringOptions,
  CompatToken,
  CompatTriggerParams,
  CompatUserAuthResponse,
  CompatUserChannelData,
  CompatWebHookData,
  CompatWebHookEvent,
  CompatWebHookRequest,
} from "./compat-types.js";
import { concatenated } from "./concatenated.js";
import { forUrlOptions } from "./for-url-options.js";
import { jsonOf } from "./json-of.js";
import {
  validateChannel,
  validateChannelCount,
  validateEventNameLength,
  validateSocketId,
  validateUserData,
  validateUserId,
} from "./official-validators.js";
import { RequestError as CompatRequestError } from "./request-error.js";
import { sendCompatRequest, type CompatTransport } from "./send-compat-request.js";
import { createSignedQueryString } from "./signed-query-string.js";
import { Token as CompatTokenClass } from "./token.js";
import { WebHookError as CompatWebHookError } from "./webhook-error.js";
import { WebHook as CompatWebHook } from "./webhook.js";

/** A string as-is, anything else JSON-encoded once: the official package's `ensureJSON`. */
function ensureJSON(data: unknown, field: string): string | undefined {
  // undefined, a function or a symbol has no JSON: the body then has no data, as there.
  return typeof data === "string" ? data : jsonOf(data, field);
}

// Node's Buffer where there is one, so that `channelSharedSecret(…).toString("base64")` works
// as it does with the official package; a plain Uint8Array on the other runtimes.
function asPlatformBytes(bytes: Uint8Array): Uint8Array {
  const platformBuffer = (globalThis as { Buffer?: { from(data: Uint8Array): Uint8Array } }).Buffer;
  return platformBuffer === undefined ? bytes : platformBuffer.from(bytes);
}

/**
 * The API of the official `pusher` npm package (5.x) on the `@x` packages: change the import,
 * keep the code. Every method takes the same arguments, checks what the official package
 * checks (throwing where it throws), and gives the same values: the same `auth` strings, the
 * same request bodies and `body_md5`, the same encryption of `private-encrypted-` events, the
 * same webhook verdicts. HTTP calls resolve with a `Response` and reject with a
 * `Pusher.RequestError`, whose URL is redacted. See `docs/migrating-from-pusher.md` for what
 * differs, and why.
 *
 * @example
 * ```ts
 * import Pusher from "@x/server/compat"; // was: import Pusher from "pusher";
 *
 * const pusher = new Pusher({ appId: "123", key: "key", secret: "secret", cluster: "eu", useTLS: true });
 * const response = await pusher.trigger("my-channel", "my-event", { message: "hello world" });
 * ```
 */
export class Pusher {
  /** The official package's `Pusher.Token`: a key and its secret. */
  static readonly Token = CompatTokenClass;
  /** The official package's `Pusher.RequestError`: what a failed HTTP call rejects with. */
  static readonly RequestError = CompatRequestError;
  /** The official package's `Pusher.WebHookError`: what reading an invalid webhook throws. */
  static readonly WebHookError = CompatWebHookError;
  /** The webhook class `pusher.webhook(request)` returns an instance of. */
  static readonly WebHook = CompatWebHook;

  /**
   * A `Pusher` from a connection URL `SCHEME://KEY:SECRET@HOST[:PORT]/apps/APP_ID`; `options`
   * adds the rest. A plain function, as there, so `new Pusher.forURL(url)` works too.
   *
   * @example
   * ```ts
   * const pusher = Pusher.forURL(process.env.PUSHER_URL!);
   * ```
   */
  static readonly forURL = function forURL(connectionString: string, opts?: Partial<Pusher.Options>): Pusher {
    return new Pusher({ ...opts, ...forUrlOptions(connectionString) } as Pusher.Options);
  };

  /**
   * A `Pusher` for an app of a cluster: its host is `api-<cluster>.pusher.com` (whatever
   * `host` or `cluster` `opts` has).
   *
   * @example
   * ```ts
   * const pusher = Pusher.forCluster("eu", { appId: "123", key: "key", secret: "secret", useTLS: true });
   * ```
   */
  static readonly forCluster = function forCluster(cluster: string, opts: Pusher.BaseOptions): Pusher {
    return new Pusher({ ...opts, host: `api-${concatenated(cluster)}.pusher.com` });
  };

  readonly #config: CompatConfig;
  readonly #transport: CompatTransport;
  #rest: RestClient | undefined;

  /**
   * Creates a `Pusher` from the official package's options. What it checks is checked here (a
   * master key of the wrong size, `useTLS` with `encrypted`); anything else wrong with the
   * options (a missing secret, say) fails the first HTTP call, as there.
   *
   * @example
   * ```ts
   * const pusher = new Pusher({ appId: "app-id", key: "app-key", secret: "app-secret", host: "127.0.0.1", port: "6001" });
   * ```
   */
  constructor(opts: Pusher.Options) {
    this.#config = resolveCompatConfig(opts);
    this.#transport = {
      config: this.#config,
      client: () => (this.#rest ??= createRestClient(restClientOptions(this.#config))),
    };
  }

  /**
   * Triggers an event on a channel or several (at most 100). `data` is sent as-is when it is a
   * string and JSON-encoded otherwise; on a `private-encrypted-` channel (alone), its JSON is
   * encrypted. `params` adds `socket_id` (the connection to skip) and `info` to the body.
   * Throws at once on a bad channel, socket id or event name.
   *
   * @example
   * ```ts
   * const response = await pusher.trigger("my-channel", "my-event", { message: "hi" }, { info: "subscription_count" });
   * const { channels } = await response.json();
   * ```
   */
  trigger(channel: string | Array<string>, event: string, data: unknown, params?: Pusher.TriggerParams): Promise<Pusher.Response> {
    if (params && params.socket_id) validateSocketId(params.socket_id);
    const channels: unknown[] = Array.isArray(channel) ? channel : [channel];
    validateEventNameLength(event);
    validateChannelCount(channels);
    for (const name of channels) validateChannel(name);
    return this.#triggerEvent(channels as string[], event, data, params);
  }

  /**
   * Triggers several events, each on its own channel, in one request (`/batch_events`). Their
   * `data` is serialised as `trigger` does; your event objects are left as they are.
   *
   * @example
   * ```ts
   * await pusher.triggerBatch([
   *   { channel: "a", name: "news", data: { id: 1 } },
   *   { channel: "b", name: "news", data: "plain text", socket_id: "123.456" },
   * ]);
   * ```
   */
  triggerBatch(events: Array<Pusher.BatchEvent>): Promise<Pusher.Response> {
    // The official package checks nothing here and fails with a TypeError on these: say so plainly.
    if (!Array.isArray(events)) {
      throw new PusherValidationError("invalid_params", "events", "events must be an array of { channel, name, data }");
    }
    const batch: object[] = [];
    for (let index = 0; index < events.length; index++) {
      const event = events[index] as Pusher.BatchEvent | null;
      if (typeof event !== "object" || event === null || typeof event.channel !== "string") {
        throw new PusherValidationError("invalid_params", `events[${index}]`, `events[${index}] must be an object with a channel name`);
      }
      const data = isEncryptedChannel(event.channel) ? this.#encrypt(event.channel, event.data) : ensureJSON(event.data, "data");
      // A copy with the serialised data in place of the original: the key order stays the same.
      batch.push({ ...event, data });
    }
    return this.post({ path: "/batch_events", body: { batch } } as unknown as Pusher.PostOptions);
  }

  /**
   * A signed GET of any path under `/apps/<appId>`.
   *
   * @example
   * ```ts
   * const response = await pusher.get({ path: "/channels", params: { filter_by_prefix: "presence-" } });
   * const { channels } = await response.json();
   * ```
   */
  get(opts: Pusher.GetOptions): Promise<Pusher.Response> {
    const { path, params } = opts ?? ({} as Partial<Pusher.GetOptions>);
    return sendCompatRequest(this.#transport, "GET", path, params, undefined);
  }

  /**
   * A signed POST of any path under `/apps/<appId>`. A string `body` is sent as it is; any other
   * value is JSON-encoded once.
   *
   * @example
   * ```ts
   * await pusher.post({ path: "/events", body: JSON.stringify({ name: "e", channels: ["a"], data: "x" }) });
   * ```
   */
  post(opts: Pusher.PostOptions): Promise<Pusher.Response> {
    const { path, params, body } = opts ?? ({} as Partial<Pusher.PostOptions>);
    const wireBody = body ? ensureJSON(body, "body") : undefined;
    return sendCompatRequest(this.#transport, "POST", path, params, wireBody);
  }

  /**
   * Authorizes a socket to subscribe to a channel: `{ auth }`, with `channel_data` when `data`
   * is given (a presence member) and `shared_secret` on a `private-encrypted-` channel.
   * Synchronous; send the result to pusher-js as JSON.
   *
   * @example
   * ```ts
   * const auth = pusher.authorizeChannel(socketId, "presence-room", { user_id: "42", user_info: { name: "Ada" } });
   * ```
   */
  authorizeChannel(socketId: string, channel: string, data?: Pusher.PresenceChannelData): Pusher.ChannelAuthResponse {
    validateSocketId(socketId);
    validateChannel(channel);
    // Built field by field in the official order, so that its JSON is byte for byte the same.
    const result = {} as Pusher.ChannelAuthResponse;
    const signed: unknown[] = [socketId, channel];
    if (data) {
      const serialized = jsonOf(data, "data", "invalid_presence_data");
      signed.push(serialized);
      result.channel_data = serialized;
    }
    const { token, masterKey } = this.#config;
    result.auth = `${concatenated(token.key)}:${token.sign(signed.join(":"))}`;
    if (isEncryptedChannel(channel)) {
      if (masterKey === undefined) {
        throw new PusherConfigError("encryptionMasterKeyBase64", "Cannot generate shared_secret because encryptionMasterKey is not set");
      }
      result.shared_secret = bytesToBase64(deriveSharedSecret(channel, masterKey));
    }
    return result;
  }

  /**
   * The deprecated name of {@link Pusher.authorizeChannel}, with the same arguments.
   *
   * @deprecated Use authorizeChannel
   * @example
   * ```ts
   * const auth = pusher.authenticate(socketId, "private-chat");
   * ```
   */
  authenticate(socketId: string, channel: string, data?: Pusher.PresenceChannelData): Pusher.ChannelAuthResponse {
    return this.authorizeChannel(socketId, channel, data);
  }

  /**
   * Signs a user in: `{ auth, user_data }`. Synchronous; send the result to pusher-js as JSON.
   *
   * @example
   * ```ts
   * const auth = pusher.authenticateUser(socketId, { id: "42", name: "Ada" });
   * ```
   */
  authenticateUser(socketId: string, userData: Pusher.UserChannelData): Pusher.UserAuthResponse {
    validateSocketId(socketId);
    validateUserData(userData);
    const serialized = jsonOf(userData, "userData", "invalid_user_data");
    const { token } = this.#config;
    return {
      auth: `${concatenated(token.key)}:${token.sign(`${socketId}::user::${concatenated(serialized)}`)}`,
      user_data: serialized as string,
    };
  }

  /**
   * Sends an event to every connection of a signed-in user.
   *
   * @example
   * ```ts
   * await pusher.sendToUser("42", "notification", { text: "hello" });
   * ```
   */
  sendToUser(userId: string, event: string, data: unknown): Promise<Pusher.Response> {
    validateEventNameLength(event);
    validateUserId(userId);
    return this.#triggerEvent([`#server-to-user-${userId}`], event, data, undefined);
  }

  /**
   * Disconnects every connection of a signed-in user.
   *
   * @example
   * ```ts
   * await pusher.terminateUserConnections("42");
   * ```
   */
  terminateUserConnections(userId: string): Promise<Pusher.Response> {
    validateUserId(userId);
    return this.post({ path: `/users/${userId}/terminate_connections`, body: {} } as unknown as Pusher.PostOptions);
  }

  /**
   * A received webhook, to verify (`isValid()`) and read (`getEvents()`, `getTime()`).
   *
   * @example
   * ```ts
   * const webhook = pusher.webhook({ headers: req.headers, rawBody });
   * if (!webhook.isValid()) return res.sendStatus(401);
   * ```
   */
  webhook(request: Pusher.WebHookRequest): Pusher.WebHook {
    return new CompatWebHook(this.#config.token, request);
  }

  /**
   * The signed query string of a request, as the official package builds it: `path` is signed
   * as given (include `/apps/<appId>`).
   *
   * @example
   * ```ts
   * const query = pusher.createSignedQueryString({ method: "GET", path: "/apps/123/channels" });
   * ```
   */
  createSignedQueryString(opts: Pusher.SignedQueryStringOptions): string {
    const { token } = this.#config;
    return createSignedQueryString((message) => token.sign(message), token.key, opts);
  }

  /**
   * The 32-byte key of an encrypted channel: SHA-256 of its name and the master key (a `Buffer`
   * on Node.js, as there).
   *
   * @example
   * ```ts
   * const key = pusher.channelSharedSecret("private-encrypted-chat");
   * ```
   */
  channelSharedSecret(channel: string): Uint8Array {
    const { masterKey } = this.#config;
    if (masterKey === undefined) {
      throw new PusherConfigError("encryptionMasterKeyBase64", "encryptionMasterKeyBase64 is not set");
    }
    if (typeof channel !== "string") {
      throw new PusherValidationError("invalid_channel_name", "channel", "the channel must be a string");
    }
    return asPlatformBytes(deriveSharedSecret(channel, masterKey));
  }

  // The official package's `events.trigger`: an encrypted channel alone is encrypted, and may
  // not be mixed with others.
  #triggerEvent(channels: string[], event: string, data: unknown, params: Pusher.TriggerParams | undefined): Promise<Pusher.Response> {
    if (channels.length === 1 && isEncryptedChannel(channels[0] as string)) {
      const channel = channels[0] as string;
      const body = { name: event, data: this.#encrypt(channel, data), channels: [channel], ...params };
      return this.post({ path: "/events", body } as unknown as Pusher.PostOptions);
    }
    for (const channel of channels) {
      if (isEncryptedChannel(channel)) {
        throw new PusherValidationError(
          "encrypted_channel_misuse",
          "channels",
          "You cannot trigger to multiple channels when using encrypted channels",
        );
      }
    }
    const body = { name: event, data: ensureJSON(data, "data"), channels, ...params };
    return this.post({ path: "/events", body } as unknown as Pusher.PostOptions);
  }

  // The official package encrypts the JSON of the data, a string included, so that pusher-js
  // subscribers get back the value that was sent.
  #encrypt(channel: string, data: unknown): string {
    const { masterKey } = this.#config;
    if (masterKey === undefined) {
      throw new PusherConfigError("encryptionMasterKeyBase64", "Set encryptionMasterKey before triggering events on encrypted channels");
    }
    const json = jsonOf(data, "data");
    if (json === undefined) {
      throw new PusherValidationError("invalid_params", "data", "data must be a value JSON can encode");
    }
    return encryptPayload(channel, json, masterKey);
  }
}

// The official package's types live in a namespace merged with the class (`Pusher.Options`,
// `Pusher.TriggerParams`…): the same shape here, so that code naming them compiles unchanged.
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace Pusher {
  export type BaseOptions = CompatBaseOptions;
  export type ClusterOptions = CompatClusterOptions;
  export type HostOptions = CompatHostOptions;
  export type Options = CompatOptions;
  export type TriggerParams = CompatTriggerParams;
  export type BatchEvent = CompatBatchEvent;
  export type Params = CompatParams;
  export type RequestOptions = CompatRequestOptions;
  export type GetOptions = CompatRequestOptions;
  export type PostOptions = CompatPostOptions;
  export type SignedQueryStringOptions = CompatSignedQueryStringOptions;
  /** @deprecated Use ChannelAuthResponse */
  export type AuthResponse = CompatChannelAuthResponse;
  export type ChannelAuthResponse = CompatChannelAuthResponse;
  export type UserAuthResponse = CompatUserAuthResponse;
  export type PresenceChannelData = CompatPresenceChannelData;
  export type UserChannelData = CompatUserChannelData;
  export type WebHookRequest = CompatWebHookRequest;
  export type Event = CompatWebHookEvent;
  export type WebHookData = CompatWebHookData;
  export type Token = CompatToken;
  // Through the static members, not the classes' names: the declaration bundler would give an
  // alias named like its class the class's own name, making it refer to itself.
  export type WebHook = InstanceType<typeof Pusher.WebHook>;
  export type RequestError = InstanceType<typeof Pusher.RequestError>;
  export type WebHookError = InstanceType<typeof Pusher.WebHookError>;
  export type Response = CompatResponse;
}
