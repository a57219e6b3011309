import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LocalPusherWebhook } from "./local-types.js";
import type { RedisAddress } from "./redis.js";

/** What one soketi process is told: its ports, the app, and the Redis of its cluster. */
export interface SoketiSettings {
  port: number;
  metricsPort: number;
  /** soketi's UDP node discovery: pointed at itself, so that nothing leaves loopback. */
  discoveryPort: number;
  appId: string;
  key: string;
  secret: string;
  webhooks: readonly LocalPusherWebhook[];
  extraEnv: Readonly<Record<string, string>>;
  redis: { address: RedisAddress; prefix: string } | undefined;
}

/** The variables startLocalPusher sets itself, which `env` may not set. */
export const CONTROLLED_VARIABLES = /^SOKETI_(HOST|PORT|METRICS_HOST|METRICS_SERVER_PORT|CLUSTER_PORT|CLUSTER_UNICAST_ADDRESSES|DEFAULT_APP_(ID|KEY|SECRET|WEBHOOKS)|ADAPTER_DRIVER|ADAPTER_REDIS_PREFIX|DB_REDIS_.+)$/;

// Defaults `env` may override: a quick stop, client events and user authentication on.
const DEFAULTS = {
  SOKETI_SHUTDOWN_GRACE_PERIOD: "0",
  SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES: "true",
  SOKETI_DEFAULT_APP_USER_AUTHENTICATION: "true",
};

// A cluster's defaults: the cache channels' last events shared as on one server, and a patient wait for the other nodes' answers on a loaded machine.
const CLUSTER_DEFAULTS = {
  SOKETI_CACHE_DRIVER: "redis",
  SOKETI_ADAPTER_REDIS_REQUESTS_TIMEOUT: "20000",
};

/**
 * The Redis channel every node listens on for the others' requests: counting its subscribers
 * tells how many nodes are in the cluster.
 *
 * @example
 * ```ts
 * await subscriberCount(redis, requestChannel("x-testing-1a2b"));
 * ```
 */
export const requestChannel = (prefix: string): string => `${prefix}#redis-adapter#comms#req`;

function redisVariables({ address, prefix }: NonNullable<SoketiSettings["redis"]>): Record<string, string> {
  return {
    SOKETI_ADAPTER_DRIVER: "redis",
    SOKETI_ADAPTER_REDIS_PREFIX: prefix,
    SOKETI_DB_REDIS_HOST: address.host,
    SOKETI_DB_REDIS_PORT: String(address.port),
    SOKETI_DB_REDIS_DB: String(address.db),
    ...(address.username === undefined ? {} : { SOKETI_DB_REDIS_USERNAME: address.username }),
    ...(address.password === undefined ? {} : { SOKETI_DB_REDIS_PASSWORD: address.password }),
  };
}

/**
 * The whole environment of a soketi process, which reads its configuration from `SOKETI_*`
 * variables only. Nothing is inherited: a stray `SOKETI_*` or `HTTP_PROXY` would change it.
 *
 * @example
 * ```ts
 * spawn(node20, [serverJs, "start"], { env: soketiEnvironment(settings) });
 * ```
 */
export function soketiEnvironment(settings: SoketiSettings): Record<string, string> {
  return {
    ...DEFAULTS,
    ...(settings.redis === undefined ? {} : CLUSTER_DEFAULTS),
    ...settings.extraEnv,
    SOKETI_HOST: "127.0.0.1",
    SOKETI_PORT: String(settings.port),
    SOKETI_METRICS_HOST: "127.0.0.1",
    SOKETI_METRICS_SERVER_PORT: String(settings.metricsPort),
    SOKETI_CLUSTER_PORT: String(settings.discoveryPort),
    SOKETI_CLUSTER_UNICAST_ADDRESSES: `127.0.0.1:${settings.discoveryPort}`,
    SOKETI_DEFAULT_APP_ID: settings.appId,
    SOKETI_DEFAULT_APP_KEY: settings.key,
    SOKETI_DEFAULT_APP_SECRET: settings.secret,
    SOKETI_DEFAULT_APP_WEBHOOKS: JSON.stringify(settings.webhooks),
    ...(settings.redis === undefined ? {} : redisVariables(settings.redis)),
    // pm2, which soketi loads, writes under $HOME/.pm2 otherwise.
    PM2_HOME: join(tmpdir(), "x-testing-pm2"),
    // Keeps the AWS SDK's end-of-support notice out of the output a failed start shows.
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: "1",
  };
}
