import { createRestClient } from "@x/rest";
import type { RestClient } from "@x/rest";
import { deriveSharedSecret, encryptPayload } from "@x/signing";
import { bytesToBase64 } from "@x/signing/internal";
import { isEncryptedChannel, readFields } from "@x/types/internal";
import { CompatConfig, Token, asPlatformBytes, forUrlOptions } from "./config.js";
import { RequestError, WebHookError } from "./errors.js";
import { createSignedQueryString, restClientOptions, sendRequest } from "./request.js";
import {
  concatenated,
  ensureJSON,
  invalid,
  jsonOf,
  misconfigured,
  validateChannel,
  validateChannels,
  validateEventName,
  validateSocketId,
  validateUserData,
  validateUserId,
} from "./validate.js";
import { WebHook } from "./webhook.js";

/**
 * The API of the official `pusher` npm package (5.x) on the `@x` packages: change the import, keep
 * the code. The same arguments, checks and messages, the same `auth` strings, request bodies,
 * encryption and webhook verdicts; HTTP calls resolve with a `Response` or reject with a
 * `Pusher.RequestError` whose URL is redacted. What differs, and why: `docs/migrating-from-pusher.md`.
 * @example
 * ```ts
 * import Pusher from "@x/server/compat"; // was: import Pusher from "pusher";
 *
 * const pusher = new Pusher({ appId: "123", key: "key", secret: "secret", cluster: "eu", useTLS: true });
 * const response = await pusher.trigger("my-channel", "my-event", { message: "hello world" });
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Pusher {
  /** `new Pusher.Token(key, secret)`: a key and its secret, which sign and verify. */
  static readonly Token = Token;
  /** What a failed HTTP call rejects with. */
  static readonly RequestError = RequestError;
  /** What reading an invalid webhook throws. */
  static readonly WebHookError = WebHookError;
  /** The class of what `pusher.webhook(request)` returns. */
  static readonly WebHook = WebHook;

  /** A `Pusher` from a URL `SCHEME://KEY:SECRET@HOST[:PORT]/apps/APP_ID` and options; a plain function, as there. */
  static readonly forURL = function forURL(connectionString: string, opts?: Partial<Pusher.Options>): Pusher {
    return new Pusher({ ...opts, ...forUrlOptions(connectionString) } as Pusher.Options);
  };

  /** A `Pusher` whose host is `api-<cluster>.pusher.com`, whatever `host` or `cluster` `opts` has. */
  static readonly forCluster = function forCluster(cluster: string, opts: Pusher.BaseOptions): Pusher {
    return new Pusher({ ...opts, host: `api-${concatenated(cluster)}.pusher.com` });
  };

  /** The options as read, in the official shape (`appId`, `token`, `scheme`, `host`, `port`, `timeout`, `agent`…), frozen. */
  readonly config: CompatConfig;
  #rest: RestClient | undefined;

  static {
    // One function under both names, as there: `pusher.authenticate === pusher.authorizeChannel`.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- copied to the prototype, not called detached
    this.prototype.authenticate = this.prototype.authorizeChannel;
  }

  /** Checks what the official package checks here (the master key, `useTLS` with `encrypted`); the rest fails the first call. */
  constructor(opts: Pusher.Options) {
    this.config = new CompatConfig(opts);
  }

  /**
   * Triggers an event on up to 100 channels: `data` as-is when a string, else JSON-encoded, and its
   * JSON encrypted on a `private-encrypted-` channel (alone); `params` go in the body.
   */
  trigger(channel: string | Array<string>, event: string, data: unknown, params?: Pusher.TriggerParams): Promise<Pusher.Response> {
    // One copy of the caller's params: what is checked is what is sent.
    const extra = params ? { ...params } : undefined;
    if (extra && extra.socket_id) validateSocketId(extra.socket_id);
    const channels: unknown[] = Array.isArray(channel) ? channel : [channel];
    validateEventName(event);
    validateChannels(channels);
    return this.#triggerEvent(channels as string[], event, data, extra);
  }

  /** Triggers several events, each on its own channel, in one request; their data serialised as `trigger` does. */
  triggerBatch(events: Array<Pusher.BatchEvent>): Promise<Pusher.Response> {
    // The official package checks nothing here and fails with a TypeError: say what is wrong.
    if (!Array.isArray(events)) invalid("invalid_params", "events", "events must be an array of { channel, name, data }");
    const batch = events.map((given: unknown, index) => {
      const event = typeof given === "object" && given !== null ? { ...(given as Pusher.BatchEvent) } : undefined;
      if (event === undefined || typeof event.channel !== "string") {
        invalid("invalid_params", `events[${index}]`, `events[${index}] must be an object with a channel name`);
      }
      // A copy, in the same key order: the caller's events are left as they are.
      const data = isEncryptedChannel(event.channel) ? this.#encrypt(event.channel, event.data) : ensureJSON(event.data, "data");
      return { ...event, data };
    });
    return this.#post("/batch_events", { batch });
  }

  /** A signed GET of any path under `/apps/<appId>`. */
  get(opts: Pusher.GetOptions): Promise<Pusher.Response> {
    const { path, params } = readFields(opts, ["path", "params"]) ?? {};
    return sendRequest(this.config, () => this.#client(), "GET", path as string, params as object | undefined, undefined);
  }

  /** A signed POST of any path under `/apps/<appId>`: a string `body` is sent as it is, any other value JSON-encoded once. */
  post(opts: Pusher.PostOptions): Promise<Pusher.Response> {
    const { path, params, body } = readFields(opts, ["path", "params", "body"]) ?? {};
    const wireBody = body ? ensureJSON(body, "body") : undefined;
    return sendRequest(this.config, () => this.#client(), "POST", path as string, params as object | undefined, wireBody);
  }

  /** Authorizes a socket on a channel: `{ auth, channel_data? (a presence member), shared_secret? (encrypted channels) }`. */
  authorizeChannel(socketId: string, channel: string, data?: Pusher.PresenceChannelData): Pusher.ChannelAuthResponse {
    validateSocketId(socketId);
    validateChannel(channel);
    // Built field by field in the official order, so that its JSON is the same byte for byte.
    const result = {} as Pusher.ChannelAuthResponse;
    const signed: unknown[] = [socketId, channel];
    if (data) {
      const serialized = jsonOf(data, "data", "invalid_presence_data");
      signed.push(serialized);
      result.channel_data = serialized;
    }
    const { token, encryptionMasterKey } = this.config;
    result.auth = `${concatenated(token.key)}:${token.sign(signed.join(":"))}`;
    if (isEncryptedChannel(channel)) {
      if (encryptionMasterKey === undefined) {
        misconfigured("encryptionMasterKeyBase64", "Cannot generate shared_secret because encryptionMasterKey is not set");
      }
      result.shared_secret = bytesToBase64(deriveSharedSecret(channel, encryptionMasterKey));
    }
    return result;
  }

  /** Signs a user in: `{ auth, user_data }`. */
  authenticateUser(socketId: string, userData: Pusher.UserChannelData): Pusher.UserAuthResponse {
    validateSocketId(socketId);
    validateUserData(userData);
    const serialized = jsonOf(userData, "userData", "invalid_user_data");
    const { token } = this.config;
    const signature = token.sign(`${socketId}::user::${concatenated(serialized)}`);
    return { auth: `${concatenated(token.key)}:${signature}`, user_data: serialized as string };
  }

  /** Sends an event to every connection of a signed-in user. */
  sendToUser(userId: string, event: string, data: unknown): Promise<Pusher.Response> {
    validateEventName(event);
    validateUserId(userId);
    return this.#triggerEvent([`#server-to-user-${userId}`], event, data, undefined);
  }

  /** Disconnects every connection of a signed-in user. */
  terminateUserConnections(userId: string): Promise<Pusher.Response> {
    validateUserId(userId);
    return this.#post(`/users/${userId}/terminate_connections`, {});
  }

  /** A received webhook (`{ headers, rawBody }`), to verify with `isValid()` and read. */
  webhook(request: Pusher.WebHookRequest): Pusher.WebHook {
    return new WebHook(this.config.token, request);
  }

  /** The signed query string of a request, as the official package builds it (`path` signed as given, `/apps/<appId>` included). */
  createSignedQueryString(opts: Pusher.SignedQueryStringOptions): string {
    return createSignedQueryString(this.config.token, opts);
  }

  /** The key of an encrypted channel: SHA-256 of its name and the master key (a `Buffer` on Node, as there). */
  channelSharedSecret(channel: string): Uint8Array {
    const { encryptionMasterKey } = this.config;
    if (encryptionMasterKey === undefined) misconfigured("encryptionMasterKeyBase64", "encryptionMasterKeyBase64 is not set");
    if (typeof channel !== "string") invalid("invalid_channel_name", "channel", "the channel must be a string");
    return asPlatformBytes(deriveSharedSecret(channel, encryptionMasterKey));
  }

  // Made on the first call; it throws a PusherConfigError when no call can be sent with this configuration.
  #client(): RestClient {
    return (this.#rest ??= createRestClient(restClientOptions(this.config)));
  }

  // Through `post`, as there (code that replaces `pusher.post` sees every call). The official `post`
  // takes any JSON value as its body, though its declared type says string.
  #post(path: string, body: object): Promise<Pusher.Response> {
    return this.post({ path, body } as unknown as Pusher.PostOptions);
  }

  // The official `events.trigger`: an encrypted channel alone is encrypted, and may not be mixed with others.
  #triggerEvent(channels: string[], event: string, data: unknown, params: object | undefined): Promise<Pusher.Response> {
    const [first] = channels;
    if (channels.length === 1 && isEncryptedChannel(first as string)) {
      return this.#post("/events", { name: event, data: this.#encrypt(first as string, data), channels, ...params });
    }
    if (channels.some(isEncryptedChannel)) {
      invalid("encrypted_channel_misuse", "channels", "You cannot trigger to multiple channels when using encrypted channels");
    }
    return this.#post("/events", { name: event, data: ensureJSON(data, "data"), channels, ...params });
  }

  // The JSON of the data is encrypted, a string included, so that pusher-js gets back the value sent.
  #encrypt(channel: string, data: unknown): string {
    const { encryptionMasterKey } = this.config;
    if (encryptionMasterKey === undefined) {
      misconfigured("encryptionMasterKeyBase64", "Set encryptionMasterKey before triggering events on encrypted channels");
    }
    const json = jsonOf(data, "data");
    if (json === undefined) invalid("invalid_params", "data", "data must be a value JSON can encode");
    return encryptPayload(channel, json, encryptionMasterKey);
  }
}

// Declared here, set on the prototype by the class's static block.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface Pusher {
  /** @deprecated Use authorizeChannel */
  authenticate(socketId: string, channel: string, data?: Pusher.PresenceChannelData): Pusher.ChannelAuthResponse;
}

// The official types, in a namespace merged with the class as there (`Pusher.Options`…), so that
// code naming them compiles unchanged; input types as they are there (widening one would break
// code that reads a field back).
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace Pusher {
  /** The options every `Pusher` takes (at run time `appId` and `port` may also be numbers). */
  interface BaseOptions {
    appId: string;
    key: string;
    secret: string;
    /** HTTPS. Without it (or `encrypted`), Pusher's own hosts are reached over HTTPS and other hosts over HTTP. */
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
  /** Options naming the app's cluster: the host is `api-<cluster>.pusher.com`. */
  interface ClusterOptions extends BaseOptions {
    cluster: string;
  }
  /** Options naming the API host (a self-hosted server, say); `host` wins over `cluster`. */
  interface HostOptions extends BaseOptions {
    host: string;
    port?: string;
  }
  /**
   * The options of `new Pusher(options)`.
   *
   * @example
   * ```ts
   * const options: Pusher.Options = { appId: "123", key: "abc", secret: "s3cr3t", cluster: "eu", useTLS: true };
   * ```
   */
  type Options = ClusterOptions | HostOptions;
  /** Extra fields of a trigger's body: the connection to skip, and channel attributes to return (`"subscription_count"`). */
  interface TriggerParams {
    socket_id?: string;
    info?: string;
  }
  /** One event of `triggerBatch`. */
  interface BatchEvent {
    channel: string;
    name: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the official type: any JSON-encodable value
    data: any;
    socket_id?: string;
    info?: string;
  }
  /** Query parameters: any name but the signature's own. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the official type
  type Params = { [key: string]: any } & { [K in ReservedParams]?: never };
  /** The query parameters of the signature. */
  type ReservedParams = "auth_key" | "auth_timestamp" | "auth_version" | "auth_signature" | "body_md5";
  /** The options of `get`: a path under `/apps/<appId>`, and query parameters. */
  interface RequestOptions {
    path: string;
    params?: Params;
  }
  /** The options of `get`. */
  type GetOptions = RequestOptions;
  /** The options of `post`. */
  interface PostOptions extends RequestOptions {
    body: string;
  }
  /** The options of `createSignedQueryString`. */
  interface SignedQueryStringOptions {
    method: string;
    path: string;
    body?: string;
    params?: Params;
  }
  /** What `authorizeChannel` returns; answer pusher-js with it as JSON. */
  interface ChannelAuthResponse {
    auth: string;
    channel_data?: string;
    shared_secret?: string;
  }
  /** @deprecated Use ChannelAuthResponse */
  type AuthResponse = ChannelAuthResponse;
  /** What `authenticateUser` returns; answer pusher-js with it as JSON. */
  interface UserAuthResponse {
    auth: string;
    user_data: string;
  }
  /** A presence channel member. */
  interface PresenceChannelData {
    user_id: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the official type
    user_info?: { [key: string]: any };
  }
  /** A user, as `authenticateUser` takes it. */
  interface UserChannelData {
    id: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the official type
    [key: string]: any;
  }
  /** A webhook request: headers with lower-case names, and the raw body. */
  interface WebHookRequest {
    headers: object;
    rawBody: string;
  }
  /** An event of a webhook. */
  interface Event {
    name: string;
    channel: string;
    event: string;
    data: string;
    socket_id: string;
  }
  /** The body of a webhook. */
  interface WebHookData {
    time_ms: number;
    events: Array<Event>;
  }
  /** A key and its secret: what `webhook.isValid(extraTokens)` takes besides the app's own. */
  interface Token {
    key: string;
    secret: string;
  }
  // Through the static members: the declaration bundler would make an alias named like its
  // class refer to itself.
  /** A received webhook. */
  type WebHook = InstanceType<typeof Pusher.WebHook>;
  /** What a failed HTTP call rejects with. */
  type RequestError = InstanceType<typeof Pusher.RequestError>;
  /** What reading an invalid webhook throws. */
  type WebHookError = InstanceType<typeof Pusher.WebHookError>;
  /** What the HTTP calls resolve with: a `Response` whose body is the API's answer (declared here: no DOM types needed). */
  interface Response {
    readonly status: number;
    readonly statusText: string;
    readonly ok: boolean;
    readonly url: string;
    readonly redirected: boolean;
    readonly headers: {
      get(name: string): string | null;
      has(name: string): boolean;
      forEach(callback: (value: string, name: string) => void): void;
    };
    readonly bodyUsed: boolean;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the official type (node-fetch's)
    json(): Promise<any>;
    text(): Promise<string>;
    arrayBuffer(): Promise<ArrayBuffer>;
    clone(): Response;
  }
}
