import { base64ToBytes, hmacSha256Hex, timingSafeEqualHex } from "@x/signing/internal";
import { readFields } from "@x/types/internal";
import { badUrl } from "../url-and-env.js";
import { concatenated, misconfigured } from "./validate.js";

const OPTION_NAMES = ["appId", "key", "secret", "cluster", "host", "port", "scheme", "useTLS", "encrypted", "timeout"] as const;
const MORE_OPTION_NAMES = ["agent", "encryptionMasterKey", "encryptionMasterKeyBase64"] as const;
type GivenOptions = Partial<Record<(typeof OPTION_NAMES | typeof MORE_OPTION_NAMES)[number], unknown>>;

const DEPRECATED = "encryptionMasterKey is deprecated, please specify only encryptionMasterKeyBase64.";
// is-base64's test, which the official package applies: padded standard base64.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// Pusher's own API hosts, which serve HTTPS.
const PUSHER_API_HOST = /(?:^|\.)pusher(?:app)?\.com$/i;

/**
 * An app key and its secret, which sign and verify strings: the official `Pusher.Token`. The
 * secret is readable (`token.secret`, as there) but not an own property, so that neither
 * `JSON.stringify` nor a log of the token shows it.
 *
 * @example
 * ```ts
 * new Pusher.Token("key", "secret").sign("1234.1234:private-foobar"); // hex HMAC-SHA256
 * ```
 */
export class Token {
  /** The app key. */
  readonly key: string;
  readonly #secret: string;

  constructor(key: string, secret: string) {
    this.key = key;
    this.#secret = secret;
    Object.freeze(this);
  }

  /** The app secret. */
  get secret(): string {
    return this.#secret;
  }

  /** The lowercase hex HMAC-SHA256 of `string` (as UTF-8) under the secret. */
  sign(string: string | Uint8Array): string {
    // The official package fails here too (node:crypto refuses the key).
    if (typeof this.#secret !== "string") misconfigured("secret", "secret must be a string (the app secret)");
    return hmacSha256Hex(this.#secret, string);
  }

  /** Tells whether `signature` signs `string`, compared in constant time; a malformed signature is not it. */
  verify(string: string | Uint8Array, signature: unknown): boolean {
    return timingSafeEqualHex(this.sign(string), signature);
  }
}

/** Node's Buffer where there is one (so that `.toString("base64")` works as there), else the bytes as they are. */
export function asPlatformBytes(bytes: Uint8Array): Uint8Array {
  const platformBuffer = (globalThis as { Buffer?: { from(data: Uint8Array): Uint8Array } }).Buffer;
  return platformBuffer === undefined ? bytes : platformBuffer.from(bytes);
}

/**
 * `pusher.config`: the options of `new Pusher(options)` read once as the official package reads
 * them (its checks, its messages, never echoing a key), in the official shape, frozen. One
 * deliberate change: without `useTLS`, `encrypted`, a scheme or a port, Pusher's own hosts are
 * reached over HTTPS (`scheme` says so). The secret and the master key are readable but are no
 * own properties: no log and no `JSON.stringify(pusher)` shows them.
 * @example
 * ```ts
 * const { appId, scheme, host, port } = pusher.config;
 * ```
 */
export class CompatConfig {
  /** The app id, as given (a number stays one). */
  readonly appId: string | number;
  /** The app key, and its secret as `token.secret`. */
  readonly token: Token;
  /** `"https"` or `"http"`, or the scheme of a `forURL` URL. */
  readonly scheme: string;
  /** The API host: `host`, or `api-<cluster>.pusher.com`, or `api.pusherapp.com`. */
  readonly host: string;
  /** The options as given (`timeout` in milliseconds). */
  readonly port: string | number | undefined;
  readonly timeout: number | undefined;
  readonly agent: object | undefined;
  readonly #masterKey: Uint8Array | undefined;

  constructor(given: unknown) {
    const options = readFields(given, [...OPTION_NAMES, ...MORE_OPTION_NAMES]);
    if (options === undefined) misconfigured("options", "options must be an object with appId, key and secret");
    if (options.useTLS !== undefined && options.encrypted !== undefined) {
      misconfigured("useTLS", "Cannot set both `useTLS` and `encrypted` configuration options");
    }
    const { cluster, port } = options;
    const clusterHost = cluster ? `api-${concatenated(cluster)}.pusher.com` : "api.pusherapp.com";
    this.host = options.host ? concatenated(options.host) : clusterHost;
    const tls = options.useTLS !== undefined ? options.useTLS : options.encrypted;
    const httpsByDefault = tls === undefined && !port && PUSHER_API_HOST.test(this.host);
    this.scheme = options.scheme ? concatenated(options.scheme) : tls || httpsByDefault ? "https" : "http";
    this.appId = options.appId as string | number;
    this.token = new Token(options.key as string, options.secret as string);
    this.port = port as string | number | undefined;
    this.timeout = options.timeout as number | undefined;
    this.agent = options.agent as object | undefined;
    this.#masterKey = readMasterKey(options);
    Object.freeze(this);
  }

  /** `scheme://host[:port]`, as there. */
  getBaseURL(): string {
    return `${this.scheme}://${this.host}${this.port ? `:${concatenated(this.port)}` : ""}`;
  }

  /** `/apps/<appId><subPath>`, as there. */
  prefixPath(subPath: string): string {
    return `/apps/${concatenated(this.appId)}${concatenated(subPath)}`;
  }

  /** The master key of encrypted channels, when one was given (a Buffer on Node, as there). */
  get encryptionMasterKey(): Uint8Array | undefined {
    return this.#masterKey && asPlatformBytes(this.#masterKey);
  }
}

function readMasterKey({ encryptionMasterKey: raw, encryptionMasterKeyBase64: base64 }: GivenOptions): Uint8Array | undefined {
  let option = "encryptionMasterKey";
  const fail = (message: string): never => misconfigured(option, message);
  if (raw !== undefined && base64 !== undefined) {
    fail("Do not specify both encryptionMasterKey and encryptionMasterKeyBase64. " + DEPRECATED);
  }
  if (raw !== undefined) {
    if (typeof raw !== "string") fail("encryptionMasterKey must be a string");
    const { length } = raw as string;
    if (length !== 32) fail(`encryptionMasterKey must be 32 bytes long, but the provided key is ${length} bytes long`);
    // The key's UTF-8 bytes, as Buffer.from(key) gives them there.
    return new TextEncoder().encode(raw as string);
  }
  if (base64 === undefined) return undefined;
  option = "encryptionMasterKeyBase64";
  if (typeof base64 !== "string") fail("encryptionMasterKeyBase64 must be a string");
  if (!BASE64.test(base64 as string)) fail("encryptionMasterKeyBase64 must be valid base64");
  const key = base64ToBytes(base64 as string, option);
  const { length } = key;
  if (length !== 32) fail(`encryptionMasterKeyBase64 must decode to 32 bytes, but the provided key decodes to ${length} bytes`);
  return key;
}

/**
 * The options a connection URL `SCHEME://KEY:SECRET@HOST[:PORT]/apps/APP_ID` gives, as the
 * official `Pusher.forURL` reads it (the app id a number when it starts with digits). An app id
 * that does not (`app-id`, as self-hosted servers name them) is kept, where the official package
 * makes it `NaN`. Errors never echo the URL, which holds the secret.
 */
export function forUrlOptions(pusherUrl: string): GivenOptions {
  const decode = (component: string): string => {
    try {
      return decodeURIComponent(component);
    } catch {
      badUrl("url", "escape");
    }
  };
  const url = URL.parse(pusherUrl) ?? badUrl("url", "url");
  if (url.username === "" && url.password === "") badUrl("url", "credentials");
  const lastSegment = url.pathname.split("/").at(-1) as string;
  const numericAppId = parseInt(lastSegment, 10);
  return {
    scheme: url.protocol.replace(/:$/, ""),
    host: url.hostname,
    port: parseInt(url.port, 10) || undefined,
    appId: Number.isNaN(numericAppId) ? decode(lastSegment) : numericAppId,
    key: decode(url.username),
    secret: url.password === "" ? undefined : decode(url.password),
  };
}
