import { decodeMasterKey } from "@x/signing";
import type { KeyCredentials } from "@x/types";
import { DEFAULT_MAX_BATCH_SIZE, DEFAULT_MAX_CHANNELS_PER_TRIGGER, DEFAULT_MAX_PAYLOAD_BYTES, requireOption, validateKeyCredentials } from "@x/types/internal";
import { runtimeTransport } from "#transport";
import { baseUrl } from "./base-url.js";
import type { RequestHooks } from "../observe/request-hooks.js";
import type { RestClientOptions, RetryOptions } from "./rest-client-options.js";
import { wholeNumberOption } from "./whole-number-option.js";

/**
 * The retry settings after defaults; `limit: 0` means no retry.
 *
 * @example
 * ```ts
 * const retry: ResolvedRetry = { limit: 2, methods: ["GET"], backoffLimit: 5_000, maxRetryAfter: 30_000 };
 * ```
 */
export interface ResolvedRetry {
  limit: number;
  methods: readonly ("GET" | "POST")[];
  backoffLimit: number;
  maxRetryAfter: number;
}

/**
 * A client's options, checked once and with every default filled in.
 *
 * @example
 * ```ts
 * const resolved: ResolvedOptions = resolveOptions({ appId: "1", key: "k", secret: "s" });
 * ```
 */
export interface ResolvedOptions {
  credentials: KeyCredentials;
  /** `/apps/<appId>`: every API path starts with it (docs/protocol.md §3). */
  appPath: string;
  /** Scheme, host and port, without a trailing slash. */
  baseUrl: string;
  timeoutMs: number;
  /** The largest response body read, in bytes. */
  maxResponseBytes: number;
  fetch: typeof fetch | undefined;
  retry: ResolvedRetry;
  /** The decoded master key, when encrypted channels are configured. */
  masterKey: Uint8Array | undefined;
  /** The Node agent that carries every request, when the caller gave one. */
  agent: object | undefined;
  hooks: RequestHooks | undefined;
  /** `Infinity` when the check is off. */
  maxPayloadBytes: number;
  maxBatchSize: number;
  maxChannelsPerTrigger: number;
}

// The default timeout of one attempt, in milliseconds (ky's own default).
const DEFAULT_TIMEOUT_MS = 10_000;
// 32 MiB: the largest answer of the API is the channel list of a busy app, about 50 bytes a
// channel (`"presence-room-1234":{"user_count":12},`): this holds more than 600,000 channels.
const DEFAULT_MAX_RESPONSE_BYTES = 33_554_432;
// App ids end up in every path: anything that would end or escape the path segment is refused.
const APP_ID = /^(?!\.\.?$)[^\s/?#%]+$/;
const CLUSTER = /^[A-Za-z0-9-]+$/;
// A DNS name or an IPv4 address, or an IPv6 address in brackets; no scheme, port or path.
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])$/;

/**
 * Checks the options of `createRestClient` and fills in the defaults. Throws a
 * `PusherConfigError` that names the first bad option; secrets are never echoed.
 *
 * @example
 * ```ts
 * const resolved = resolveOptions({ appId: "1", key: "k", secret: "s", cluster: "eu" });
 * resolved.baseUrl; // "https://api-eu.pusher.com"
 * ```
 */
export function resolveOptions(given: RestClientOptions): ResolvedOptions {
  // Read once, into a copy of its own properties with no prototype: what is checked is what is
  // used, whatever getters the object has; nothing planted on Object.prototype (a `host`, a
  // `fetch`) becomes an option; options that cannot be read (a getter or Proxy that throws) count
  // as none.
  let options: RestClientOptions | undefined;
  try {
    if (typeof given === "object" && given !== null) options = Object.assign(Object.create(null) as RestClientOptions, given);
  } catch {
    // left undefined: refused below
  }
  requireOption(options !== undefined, "options", "an object with appId, key and secret");
  const { appId, key, secret, cluster, host, port, useTLS, agent } = options;
  requireOption(typeof appId === "string" && APP_ID.test(appId), "appId", "a non-empty string without spaces, '/', '?', '#' or '%', not . or ..");
  validateKeyCredentials({ key, secret });
  requireOption(cluster === undefined || (typeof cluster === "string" && CLUSTER.test(cluster)), "cluster", 'a cluster name such as "eu"');
  requireOption(host === undefined || (typeof host === "string" && HOST.test(host)), "host", 'a bare host name such as "api.example.com"');
  // Only checked here: baseUrl reads the port from the options.
  wholeNumberOption(port, "port", undefined, 1, 65_535);
  requireOption(useTLS === undefined || typeof useTLS === "boolean", "useTLS", "a boolean");
  requireOption(options.fetch === undefined || typeof options.fetch === "function", "fetch", "a function such as fetch");
  // An agent is what Node's own transport sends through (Node asks it for `addRequest`): not
  // with a `fetch`, nor on runtimes that send through theirs (Bun, Deno, workerd).
  requireOption(
    agent === undefined ||
      (typeof (agent as { addRequest?: unknown } | null)?.addRequest === "function" && options.fetch === undefined && runtimeTransport !== undefined),
    "agent",
    "an http.Agent or https.Agent, on Node and without fetch",
  );
  const masterKey =
    options.encryptionMasterKeyBase64 === undefined ? undefined : decodeMasterKey(options.encryptionMasterKeyBase64);
  return {
    credentials: { key, secret },
    appPath: `/apps/${appId}`,
    baseUrl: baseUrl(options),
    timeoutMs: wholeNumberOption(options.timeout, "timeout", DEFAULT_TIMEOUT_MS, 1),
    // Past 512 MiB a body no longer fits in one string: the limit must stay below it.
    maxResponseBytes: wholeNumberOption(options.maxResponseBytes, "maxResponseBytes", DEFAULT_MAX_RESPONSE_BYTES, 1, 268_435_456),
    fetch: options.fetch,
    retry: resolveRetry(options.retry),
    agent,
    hooks: resolveHooks(options.hooks),
    masterKey,
    // `false` turns the check off.
    maxPayloadBytes:
      options.maxPayloadBytes === false
        ? Infinity
        : wholeNumberOption(
            options.maxPayloadBytes,
            "maxPayloadBytes",
            DEFAULT_MAX_PAYLOAD_BYTES,
            1,
          ),
    maxBatchSize: wholeNumberOption(
      options.maxBatchSize,
      "maxBatchSize",
      DEFAULT_MAX_BATCH_SIZE,
      1,
    ),
    maxChannelsPerTrigger: wholeNumberOption(
      options.maxChannelsPerTrigger,
      "maxChannelsPerTrigger",
      DEFAULT_MAX_CHANNELS_PER_TRIGGER,
      1,
    ),
  };
}

// No `retry` option means the defaults: `{}` takes every one of them. `false` is a limit of 0.
function resolveRetry(retry: RetryOptions | false = {}): ResolvedRetry {
  if (retry === false) return resolveRetry({ limit: 0 });
  requireOption(typeof retry === "object" && retry !== null, "retry", "false or an object such as { limit: 2 }");
  const methods = retry.methods ?? ["GET"];
  requireOption(Array.isArray(methods) && methods.every((method) => method === "GET" || method === "POST"), "retry.methods", 'an array of "GET" and "POST"');
  return {
    limit: wholeNumberOption(retry.limit, "retry.limit", 2, 0),
    methods,
    backoffLimit: wholeNumberOption(retry.backoffLimit, "retry.backoffLimit", 5_000, 0),
    maxRetryAfter: wholeNumberOption(retry.maxRetryAfter, "retry.maxRetryAfter", 30_000, 0),
  };
}

const HOOK_NAMES = ["onRequest", "onRetry", "onResponse", "onError"] as const;

// Hooks are checked once, here: each one given must be a function.
function resolveHooks(hooks: RequestHooks | undefined): RequestHooks | undefined {
  if (hooks === undefined) return undefined;
  requireOption(typeof hooks === "object" && hooks !== null, "hooks", "an object of hook functions");
  for (const name of HOOK_NAMES) requireOption(hooks[name] === undefined || typeof hooks[name] === "function", `hooks.${name}`, "a function");
  return { ...hooks };
}
