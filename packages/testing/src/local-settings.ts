import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LocalPusherOptions, LocalPusherWebhook } from "./local-types.js";
import { parseRedisUrl, type RedisAddress } from "./redis.js";
import { credential, invalidOption } from "./resolve-options.js";

const CALLER = "startLocalPusher";
const MAX_NODES = 16;
// The variables startLocalPusher sets itself, which `env` may not set.
const CONTROLLED =
  /^SOKETI_(HOST|PORT|METRICS_HOST|METRICS_SERVER_PORT|CLUSTER_PORT|CLUSTER_UNICAST_ADDRESSES|DEFAULT_APP_(ID|KEY|SECRET|WEBHOOKS)|ADAPTER_DRIVER|ADAPTER_REDIS_PREFIX|DB_REDIS_.+)$/;

/**
 * The options of startLocalPusher, checked, with their defaults.
 * @example const { nodes, redis }: LocalSettings = resolveLocalSettings({ nodes: 2 });
 */
export type LocalSettings = ReturnType<typeof resolveLocalSettings>;

const isWebhook = (webhook: unknown): webhook is LocalPusherWebhook =>
  typeof webhook === "object" &&
  webhook !== null &&
  "url" in webhook &&
  typeof webhook.url === "string" &&
  /^https?:$/.test(URL.parse(webhook.url)?.protocol ?? "") &&
  "event_types" in webhook &&
  Array.isArray(webhook.event_types) &&
  webhook.event_types.every((name: unknown) => typeof name === "string");

/**
 * The options with their defaults, each checked, with a TypeError that names a bad one.
 * @example const settings = resolveLocalSettings({ nodes: 2 }); // settings.redis === true
 */
export function resolveLocalSettings(options: LocalPusherOptions = {}) {
  if (typeof options !== "object" || options === null) throw new TypeError(`${CALLER}: options must be an object`);
  const { nodes = 1, redis = nodes > 1, redisServer = "redis-server", webhooks = [], env = {}, startTimeoutMs = 45_000 } = options;
  if (typeof nodes !== "number" || !Number.isInteger(nodes) || nodes < 1 || nodes > MAX_NODES) {
    throw invalidOption(CALLER, "nodes", `a whole number from 1 to ${MAX_NODES}`, nodes);
  }
  const redisAddress: boolean | RedisAddress | undefined = typeof redis === "string" ? parseRedisUrl(redis) : redis;
  if (typeof redisAddress !== "boolean" && typeof redisAddress !== "object")
    throw invalidOption(CALLER, "redis", 'a boolean or a "redis://HOST:PORT" URL', redis);
  if (redisAddress === false && nodes > 1) {
    throw invalidOption(
      CALLER,
      "redis",
      "left out or not false with more than one node (the nodes share their state through Redis)",
      redis,
    );
  }
  if (typeof redisServer !== "string" || redisServer === "")
    throw invalidOption(CALLER, "redisServer", "a path or a program name", redisServer);
  if (!Array.isArray(webhooks) || !webhooks.every(isWebhook)) {
    throw invalidOption(CALLER, "webhooks", "an array of { url: an http(s) URL, event_types: string[] }", webhooks);
  }
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith("SOKETI_") || CONTROLLED.test(name) || typeof value !== "string") {
      throw invalidOption(CALLER, "env", "string values of SOKETI_* variables other than those startLocalPusher sets", { [name]: value });
    }
  }
  if (typeof startTimeoutMs !== "number" || !(startTimeoutMs > 0))
    throw invalidOption(CALLER, "startTimeoutMs", "a positive number", startTimeoutMs);
  const appId = credential(CALLER, "appId", options.appId, "1000001");
  const key = credential(CALLER, "key", options.key, "local-app-key");
  const secret = credential(CALLER, "secret", options.secret, "local-app-secret");
  return { appId, key, secret, nodes, redis: redisAddress, redisServer, webhooks, env, startTimeoutMs };
}

/**
 * The Redis channel every node listens on for the others' requests: its subscribers are the nodes.
 * @example await subscriberCount(redis, requestChannel("x-testing-1a2b"));
 */
export const requestChannel = (prefix: string): string => `${prefix}#redis-adapter#comms#req`;

/**
 * The whole environment of one soketi process, which reads its configuration from `SOKETI_*`
 * variables. Nothing is inherited: a stray `SOKETI_*` or `HTTP_PROXY` would change it.
 * @example spawn(node20, [serverJs, "start"], { env: soketiEnvironment(settings, { port, metricsPort, discoveryPort }) });
 */
export function soketiEnvironment(
  settings: LocalSettings,
  { port, metricsPort, discoveryPort }: { port: number; metricsPort: number; discoveryPort: number },
  redis?: { address: RedisAddress; prefix: string },
): Record<string, string> {
  return {
    // Defaults `env` may override: a quick stop, client events and user sign-in on.
    SOKETI_SHUTDOWN_GRACE_PERIOD: "0",
    SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES: "true",
    SOKETI_DEFAULT_APP_USER_AUTHENTICATION: "true",
    // A cluster's: cache channels shared as on one server, and a patient wait for the other nodes' answers on a loaded machine.
    ...(redis && { SOKETI_CACHE_DRIVER: "redis", SOKETI_ADAPTER_REDIS_REQUESTS_TIMEOUT: "20000" }),
    ...settings.env,
    SOKETI_HOST: "127.0.0.1",
    SOKETI_PORT: String(port),
    SOKETI_METRICS_HOST: "127.0.0.1",
    SOKETI_METRICS_SERVER_PORT: String(metricsPort),
    // soketi's UDP node discovery, pointed at itself: nothing leaves loopback.
    SOKETI_CLUSTER_PORT: String(discoveryPort),
    SOKETI_CLUSTER_UNICAST_ADDRESSES: `127.0.0.1:${discoveryPort}`,
    SOKETI_DEFAULT_APP_ID: settings.appId,
    SOKETI_DEFAULT_APP_KEY: settings.key,
    SOKETI_DEFAULT_APP_SECRET: settings.secret,
    SOKETI_DEFAULT_APP_WEBHOOKS: JSON.stringify(settings.webhooks),
    ...(redis && { SOKETI_ADAPTER_DRIVER: "redis", SOKETI_ADAPTER_REDIS_PREFIX: redis.prefix }),
    ...(redis && { SOKETI_DB_REDIS_HOST: redis.address.host, SOKETI_DB_REDIS_PORT: String(redis.address.port) }),
    // pm2, which soketi loads, writes under $HOME/.pm2 otherwise.
    PM2_HOME: join(tmpdir(), "x-testing-pm2"),
    // Keeps the AWS SDK's end-of-support notice out of the output a failed start shows.
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: "1",
  };
}
