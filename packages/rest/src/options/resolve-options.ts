import { decodeMasterKey } from "@x/signing";
import { DEFAULT_MAX_BATCH_SIZE, DEFAULT_MAX_CHANNELS_PER_TRIGGER, DEFAULT_MAX_PAYLOAD_BYTES } from "@x/types/internal";
import {
  isLoopbackHost,
  readFields,
  refuseUnknownOptions,
  requireOption,
  resolveEventContract,
  validateKeyCredentials,
} from "@x/types/internal";
import { takesAgent } from "#transport";
import type { EventSchemas } from "@x/types";
import type { RequestHooks } from "../observe/request-hooks.js";
import type { RestClientOptions } from "./rest-client-options.js";

/** A client's options, checked once, with every default filled in. */
export type ResolvedOptions = ReturnType<typeof resolveOptions>;

/** The retry settings after defaults; `limit: 0` is no retry. */
export type ResolvedRetry = ReturnType<typeof resolveRetry>;

const OPTION_KEYS = [
  "appId",
  "key",
  "secret",
  "cluster",
  "host",
  "port",
  "useTLS",
  "timeout",
  "maxResponseBytes",
  "fetch",
  "retry",
  "agent",
  "hooks",
  "encryptionMasterKeyBase64",
  "maxPayloadBytes",
  "maxBatchSize",
  "maxChannelsPerTrigger",
  "eventSchemas",
  "basePath",
] as const;
const HOOK_NAMES = ["onRequest", "onRetry", "onResponse", "onError"] as const;
// The longest wait `setTimeout` takes.
const MAX_INT32 = 2_147_483_647;
// Holds the channel list of a busy app; past 512 MiB a body no longer fits in one string.
const DEFAULT_MAX_RESPONSE_BYTES = 33_554_432;
const MAX_RESPONSE_BYTES = 268_435_456;
// App ids end up in every path: anything that would end or escape the path segment is refused.
const APP_ID = /^(?!\.\.?$)[^\s/?#%]+$/;
const CLUSTER = /^[A-Za-z0-9-]+$/;
// A DNS name, an IPv4 address, or an IPv6 address in brackets; no scheme, port or path.
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])$/;
// Segments that URL parsing keeps as they are: no dot segment, nothing to encode.
const BASE_PATH = /^(?:\/[\w~-][\w.~-]*)*$/;

/**
 * Checks the options of `createRestClient`, each read once, and fills in the defaults; a bad one
 * throws a `PusherConfigError` naming it, never echoing its value.
 */
export function resolveOptions(given: RestClientOptions<EventSchemas | undefined>) {
  const options = readFields(given, OPTION_KEYS);
  requireOption(options !== undefined, "options", "an object with appId, key and secret");
  refuseUnknownOptions(given, OPTION_KEYS);
  const { appId, key, secret, cluster, host, port, useTLS, fetch, agent, encryptionMasterKeyBase64 } = options;
  const appIdRule = "a non-empty string without spaces, '/', '?', '#' or '%', not . or ..";
  requireOption(typeof appId === "string" && APP_ID.test(appId), "appId", appIdRule);
  const credentials = { key, secret };
  validateKeyCredentials(credentials);
  const validCluster = cluster === undefined || (typeof cluster === "string" && CLUSTER.test(cluster));
  requireOption(validCluster, "cluster", 'a cluster name such as "eu"');
  const validHost = host === undefined || (typeof host === "string" && HOST.test(host));
  requireOption(validHost, "host", 'a bare host name such as "api.example.com"');
  const portNumber = wholeNumberOption(port, "port", undefined, 1, 65_535);
  requireOption(useTLS === undefined || typeof useTLS === "boolean", "useTLS", "a boolean");
  const basePath = options.basePath ?? "";
  const validBasePath = typeof basePath === "string" && BASE_PATH.test(basePath);
  requireOption(validBasePath, "basePath", 'a path such as "/pusher", not ending in "/"');
  requireOption(fetch === undefined || typeof fetch === "function", "fetch", "a function such as fetch");
  // Node asks an agent for `addRequest`; only Node's own transport sends through one.
  const isAgent = typeof (agent as { addRequest?: unknown } | null)?.addRequest === "function";
  const agentAllowed = isAgent && fetch === undefined && takesAgent;
  requireOption(agent === undefined || agentAllowed, "agent", "an http.Agent or https.Agent, on Node and without fetch");
  const hostName = host ?? `api-${cluster ?? "mt1"}.pusher.com`;
  // Local servers (soketi, a fake) speak plain HTTP.
  const tls = useTLS ?? !isLoopbackHost(hostName);
  const portText = portNumber === undefined ? "" : `${portNumber}`;
  const { maxPayloadBytes } = options;
  return {
    credentials,
    appPath: `/apps/${appId}`,
    // Before the signed path: a proxy that strips it forwards the path the server verifies.
    basePath,
    baseUrl: `${tls ? "https" : "http"}://${hostName}${portText === "" ? "" : `:${portText}`}${basePath}`,
    // As node:http takes it: an IPv6 host without its brackets.
    origin: { tls, hostname: hostName.replace(/^\[(.*)\]$/, "$1"), port: portText, agent: agent as object | undefined },
    timeoutMs: wholeNumberOption(options.timeout, "timeout", 10_000, 1),
    maxResponseBytes: wholeNumberOption(options.maxResponseBytes, "maxResponseBytes", DEFAULT_MAX_RESPONSE_BYTES, 1, MAX_RESPONSE_BYTES),
    fetch: fetch as typeof globalThis.fetch | undefined,
    retry: resolveRetry(options.retry),
    masterKey: encryptionMasterKeyBase64 === undefined ? undefined : decodeMasterKey(encryptionMasterKeyBase64 as string),
    hooks: resolveHooks(options.hooks),
    maxPayloadBytes:
      maxPayloadBytes === false ? Infinity : wholeNumberOption(maxPayloadBytes, "maxPayloadBytes", DEFAULT_MAX_PAYLOAD_BYTES, 1),
    maxBatchSize: wholeNumberOption(options.maxBatchSize, "maxBatchSize", DEFAULT_MAX_BATCH_SIZE, 1),
    maxChannelsPerTrigger: wholeNumberOption(options.maxChannelsPerTrigger, "maxChannelsPerTrigger", DEFAULT_MAX_CHANNELS_PER_TRIGGER, 1),
    contract: resolveEventContract(options.eventSchemas),
  };
}

/** An optional whole-number option: `fallback` when `undefined`, else an integer from `min` to `max`. */
export function wholeNumberOption<T extends number | undefined>(
  value: unknown,
  option: string,
  fallback: T,
  min: number,
  max = MAX_INT32,
): number | T {
  if (value === undefined) return fallback;
  const inRange = Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
  requireOption(inRange, option, `a whole number from ${min} to ${max}`);
  return value as number;
}

// No `retry` is every default; `false` is a limit of 0.
function resolveRetry(retry: unknown) {
  const fields = retry === false ? { limit: 0 } : readFields(retry ?? {}, ["limit", "methods", "backoffLimit", "maxRetryAfter"]);
  requireOption(fields !== undefined, "retry", "false or an object such as { limit: 2 }");
  refuseUnknownOptions(retry, Object.keys(fields), "retry.");
  const methods = fields.methods ?? ["GET"];
  const validMethods = Array.isArray(methods) && methods.every((method) => method === "GET" || method === "POST");
  requireOption(validMethods, "retry.methods", 'an array of "GET" and "POST"');
  return {
    limit: wholeNumberOption(fields.limit, "retry.limit", 2, 0),
    methods: methods as readonly ("GET" | "POST")[],
    backoffLimit: wholeNumberOption(fields.backoffLimit, "retry.backoffLimit", 5_000, 0),
    maxRetryAfter: wholeNumberOption(fields.maxRetryAfter, "retry.maxRetryAfter", 30_000, 0),
  };
}

function resolveHooks(hooks: unknown): RequestHooks | undefined {
  if (hooks === undefined) return undefined;
  const fields = readFields(hooks, HOOK_NAMES);
  requireOption(fields !== undefined, "hooks", "an object of hook functions");
  refuseUnknownOptions(hooks, HOOK_NAMES, "hooks.");
  for (const name of HOOK_NAMES) {
    requireOption(fields[name] === undefined || typeof fields[name] === "function", `hooks.${name}`, "a function");
  }
  return fields as RequestHooks;
}
