import { base64ToBytes } from "@x/signing/internal";
import { PusherConfigError } from "@x/types";
import type { RestClientOptions } from "@x/rest";
import { concatenated } from "./concatenated.js";
import { Token } from "./token.js";

/**
 * The options of `new Pusher(options)` as they are read at run time, which accepts more than
 * the official types say: a numeric `appId` or `port`, the deprecated `encryptionMasterKey`,
 * and the `scheme` that `Pusher.forURL` sets.
 *
 * @example
 * ```ts
 * const given: GivenOptions = { appId: 123, key: "abc", secret: "s3cr3t", port: 6001 };
 * ```
 */
export interface GivenOptions {
  appId?: unknown;
  key?: unknown;
  secret?: unknown;
  cluster?: unknown;
  host?: unknown;
  port?: unknown;
  scheme?: unknown;
  useTLS?: unknown;
  encrypted?: unknown;
  timeout?: unknown;
  agent?: unknown;
  encryptionMasterKey?: unknown;
  encryptionMasterKeyBase64?: unknown;
}

/**
 * A `Pusher`'s configuration, read as the official package reads it.
 *
 * @example
 * ```ts
 * const config: CompatConfig = resolveCompatConfig({ appId: 1, key: "k", secret: "s", cluster: "eu" });
 * ```
 */
export interface CompatConfig {
  appId: unknown;
  token: Token;
  scheme: string;
  host: string;
  port: unknown;
  timeout: unknown;
  agent: unknown;
  /** The decoded master key of encrypted channels, when one was given. */
  masterKey: Uint8Array | undefined;
}

// is-base64's test, which the official package applies: padded standard base64.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// Pusher's own API hosts, which serve HTTPS.
const PUSHER_API_HOST = /(?:^|\.)pusher(?:app)?\.com$/i;
const utf8 = /* @__PURE__ */ new TextEncoder();

/**
 * Reads the options of `new Pusher(options)` as the official package does, with its checks and
 * its messages (never echoing a key): `useTLS` and `encrypted` exclude each other, `host` wins
 * over `cluster` (default `api.pusherapp.com`), and the master key must be 32 bytes. One
 * deliberate change: without `useTLS`, `encrypted`, a scheme or a port, Pusher's own hosts are
 * reached over HTTPS (the official package defaults to HTTP everywhere).
 *
 * @example
 * ```ts
 * resolveCompatConfig({ appId: "1", key: "k", secret: "s", cluster: "eu" }).host; // "api-eu.pusher.com"
 * ```
 */
export function resolveCompatConfig(given: unknown): CompatConfig {
  if (typeof given !== "object" || given === null) {
    throw new PusherConfigError("options", "options must be an object with appId, key and secret");
  }
  const options = given as GivenOptions;
  if (options.useTLS !== undefined && options.encrypted !== undefined) {
    throw new PusherConfigError("useTLS", "Cannot set both `useTLS` and `encrypted` configuration options");
  }
  const host = options.host
    ? concatenated(options.host)
    : options.cluster
      ? `api-${concatenated(options.cluster)}.pusher.com`
      : "api.pusherapp.com";
  const tls = options.useTLS !== undefined ? options.useTLS : options.encrypted;
  const scheme = options.scheme
    ? concatenated(options.scheme)
    : tls === undefined && !options.port && PUSHER_API_HOST.test(host)
      ? "https"
      : tls
        ? "https"
        : "http";
  return {
    appId: options.appId,
    token: new Token(options.key as string, options.secret as string),
    scheme,
    host,
    port: options.port,
    timeout: options.timeout,
    agent: options.agent,
    masterKey: readMasterKey(options),
  };
}

function readMasterKey(options: GivenOptions): Uint8Array | undefined {
  const raw = options.encryptionMasterKey;
  const base64 = options.encryptionMasterKeyBase64;
  let masterKey: Uint8Array | undefined;
  if (raw !== undefined) {
    if (base64 !== undefined) {
      throw new PusherConfigError(
        "encryptionMasterKey",
        "Do not specify both encryptionMasterKey and encryptionMasterKeyBase64. " +
          "encryptionMasterKey is deprecated, please specify only encryptionMasterKeyBase64.",
      );
    }
    if (typeof raw !== "string") throw new PusherConfigError("encryptionMasterKey", "encryptionMasterKey must be a string");
    if (raw.length !== 32) {
      throw new PusherConfigError(
        "encryptionMasterKey",
        `encryptionMasterKey must be 32 bytes long, but the provided key is ${raw.length} bytes long`,
      );
    }
    // The key's UTF-8 bytes, as Buffer.from(key) gives them there.
    masterKey = utf8.encode(raw);
  }
  if (base64 !== undefined) {
    if (typeof base64 !== "string") {
      throw new PusherConfigError("encryptionMasterKeyBase64", "encryptionMasterKeyBase64 must be a string");
    }
    if (!BASE64.test(base64)) {
      throw new PusherConfigError("encryptionMasterKeyBase64", "encryptionMasterKeyBase64 must be valid base64");
    }
    masterKey = base64ToBytes(base64, "encryptionMasterKeyBase64");
    if (masterKey.length !== 32) {
      throw new PusherConfigError(
        "encryptionMasterKeyBase64",
        `encryptionMasterKeyBase64 must decode to 32 bytes, but the provided key decodes to ${masterKey.length} bytes`,
      );
    }
  }
  return masterKey;
}

// `host:port`, the one form of a host with more in it that works with the official package
// (it writes `scheme://host:port`): split, since the REST client takes the two apart.
const HOST_WITH_PORT = /^(\[[^\]]*\]|[^:[\]]*):(\d+)$/;

/**
 * The options of the `@x/rest` client that carries a `Pusher`'s HTTP calls. Throws a
 * `PusherConfigError` for a configuration no request can be sent with (an unknown scheme, a
 * missing secret, a bad host or port): the official package accepts those when it is created
 * and fails on the first request, so the caller turns this into that request's rejection.
 *
 * @example
 * ```ts
 * createRestClient(restClientOptions(config));
 * ```
 */
export function restClientOptions(config: CompatConfig): RestClientOptions {
  if (config.scheme !== "http" && config.scheme !== "https") {
    throw new PusherConfigError("scheme", 'the scheme must be "http" or "https"');
  }
  let { host } = config;
  let port = config.port ? Number(config.port) : undefined;
  const hostWithPort = HOST_WITH_PORT.exec(host);
  if (hostWithPort !== null && port === undefined) {
    host = hostWithPort[1] as string;
    port = Number(hostWithPort[2]);
  }
  return {
    appId: concatenated(config.appId),
    key: config.token.key,
    secret: config.token.secret,
    host,
    port,
    useTLS: config.scheme === "https",
    // A falsy timeout means none there; here, the REST client's default (10 s).
    timeout: config.timeout ? Math.ceil(Number(config.timeout)) : undefined,
    agent: config.agent ? config.agent : undefined,
  };
}
