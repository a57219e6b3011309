import { tmpdir } from "node:os";
import { join } from "node:path";

/** A webhook soketi sends for the default app (see tools/local-server/README.md): where, and for which events. */
export interface SoketiWebhook {
  /** The receiver, e.g. `"http://127.0.0.1:5000/webhooks"`. */
  url: string;
  /** Event names, e.g. `["channel_occupied", "member_added"]`. */
  event_types: string[];
}

/** What one soketi instance is told through its environment. */
export interface SoketiSettings {
  port: number;
  metricsPort: number;
  clusterPort: number;
  appId: string;
  key: string;
  secret: string;
  webhooks: SoketiWebhook[];
  /** Extra `SOKETI_*` variables; they may override the defaults, not the settings above. */
  extraEnv: Record<string, string>;
  /** The loopback port of the Redis server that a cluster's nodes share; none for a lone server. */
  redisPort?: number;
  /** Who sets the controlled variables, for the message that refuses to override one. */
  startedBy: "startLocalServer" | "startLocalCluster";
}

/**
 * The prefix of the Redis pub/sub channels through which a cluster's nodes talk. Each cluster
 * has a Redis server of its own, so the prefix isolates nothing; it is fixed so that the
 * cluster can tell when every node has subscribed (see {@link redisRequestChannel}).
 */
const REDIS_ADAPTER_PREFIX = "x-local-cluster";

/**
 * The Redis channel on which every node of a cluster listens for the others' questions (how many
 * sockets, which members, …); soketi counts the nodes of its cluster by its subscribers.
 *
 * @example
 * ```ts
 * await redisCommand(redisPort, ["PUBSUB", "NUMSUB", redisRequestChannel()]); // ["…", 2]
 * ```
 */
export function redisRequestChannel(): string {
  return `${REDIS_ADAPTER_PREFIX}#redis-adapter#comms#req`;
}

// Defaults a caller may override through `extraEnv` (see tools/local-server/README.md).
const OVERRIDABLE_DEFAULTS: Record<string, string> = {
  SOKETI_SHUTDOWN_GRACE_PERIOD: "0",
  SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES: "true",
  SOKETI_DEFAULT_APP_USER_AUTHENTICATION: "true",
};

// Defaults of a cluster's nodes, which a caller may override too:
// - the last event of a cache channel lives in Redis, as on one server: a node other than the
//   one that received it can replay it to a new subscriber;
// - a node that answers a query (channels, members, counts) asks the others through Redis and
//   waits for every answer up to this timeout, then answers with what it has: 5 s in soketi,
//   20 s here, so that a loaded test machine gets complete answers rather than partial ones (a
//   killed node is not waited for: Redis drops it from the count at once).
// Rate limits (off by default) stay per node, and webhooks are sent by the node that observed
// the event (queue driver "sync").
const CLUSTER_OVERRIDABLE_DEFAULTS: Record<string, string> = {
  SOKETI_CACHE_DRIVER: "redis",
  SOKETI_ADAPTER_REDIS_REQUESTS_TIMEOUT: "20000",
};

function controlledVariables(settings: SoketiSettings): Record<string, string> {
  const controlled: Record<string, string> = {
    SOKETI_HOST: "127.0.0.1",
    SOKETI_PORT: String(settings.port),
    // The metrics server listens on its own port (0.0.0.0:9601 by default): keep it apart too.
    SOKETI_METRICS_HOST: "127.0.0.1",
    SOKETI_METRICS_SERVER_PORT: String(settings.metricsPort),
    // soketi always starts UDP node discovery, which broadcasts to 255.255.255.255 by default.
    // Sending its hello packets to its own loopback port keeps that traffic on this machine; the
    // nodes of a cluster find each other through Redis, not through discovery.
    SOKETI_CLUSTER_PORT: String(settings.clusterPort),
    SOKETI_CLUSTER_UNICAST_ADDRESSES: `127.0.0.1:${settings.clusterPort}`,
    SOKETI_DEFAULT_APP_ID: settings.appId,
    SOKETI_DEFAULT_APP_KEY: settings.key,
    SOKETI_DEFAULT_APP_SECRET: settings.secret,
    SOKETI_DEFAULT_APP_WEBHOOKS: JSON.stringify(settings.webhooks),
  };
  if (settings.redisPort !== undefined) {
    // soketi's redis adapter: every broadcast goes through Redis pub/sub to the other nodes, and
    // queries (channels, members, counts) ask every node and add up their answers.
    controlled.SOKETI_ADAPTER_DRIVER = "redis";
    controlled.SOKETI_ADAPTER_REDIS_PREFIX = REDIS_ADAPTER_PREFIX;
    controlled.SOKETI_DB_REDIS_HOST = "127.0.0.1";
    controlled.SOKETI_DB_REDIS_PORT = String(settings.redisPort);
  }
  return controlled;
}

/**
 * Refuses extra variables that are not `SOKETI_*` or that the helper sets itself.
 *
 * @example
 * ```ts
 * checkExtraEnv({ SOKETI_PORT: "6001" }, settings); // throws: env may not set SOKETI_PORT: …
 * ```
 */
export function checkExtraEnv(extraEnv: Record<string, string>, settings: Pick<SoketiSettings, "redisPort" | "startedBy">): void {
  // The names do not depend on the values: any port stands in for the real ones.
  const controlled = controlledVariables({
    port: 0,
    metricsPort: 0,
    clusterPort: 0,
    appId: "",
    key: "",
    secret: "",
    webhooks: [],
    extraEnv: {},
    ...settings,
  });
  for (const name of Object.keys(extraEnv)) {
    if (!name.startsWith("SOKETI_")) throw new Error(`env may only hold SOKETI_* variables, got ${name}`);
    if (name in controlled) throw new Error(`env may not set ${name}: ${settings.startedBy} sets it`);
  }
}

// The hosts a webhook may go to: this machine's loopback interface, as every test server here.
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Refuses a webhook URL that is not `http:` or `https:` on this machine's loopback interface:
 * soketi posts every webhook to its URL, and the tests and the demo talk to nothing else.
 *
 * @example
 * ```ts
 * checkWebhooks([{ url: "https://example.com/hooks", event_types: [] }]); // throws
 * ```
 */
export function checkWebhooks(webhooks: readonly SoketiWebhook[]): void {
  webhooks.forEach(({ url }, index) => {
    const parsed = URL.parse(String(url));
    if (parsed === null || !/^https?:$/.test(parsed.protocol) || !LOOPBACK_HOSTS.has(parsed.hostname)) {
      throw new Error(`webhooks[${index}].url must be an http(s) URL on 127.0.0.1, localhost or [::1], got ${JSON.stringify(String(url))}`);
    }
  });
}

/**
 * The complete environment of a soketi process. soketi reads its configuration only from
 * `SOKETI_*` variables (see tools/local-server/README.md), JSON-parsing each value. Nothing is inherited from this
 * process: a stray `SOKETI_*` or `HTTP_PROXY` variable (soketi posts webhooks with axios, which
 * honours proxies) would otherwise change how the server behaves.
 *
 * @example
 * ```ts
 * spawn(process.execPath, [serverJs, "start"], { env: soketiEnvironment(settings) });
 * ```
 */
export function soketiEnvironment(settings: SoketiSettings): Record<string, string> {
  checkExtraEnv(settings.extraEnv, settings);
  checkWebhooks(settings.webhooks);
  return {
    ...OVERRIDABLE_DEFAULTS,
    ...(settings.redisPort === undefined ? {} : CLUSTER_OVERRIDABLE_DEFAULTS),
    ...settings.extraEnv,
    ...controlledVariables(settings),
    // pm2, which soketi loads, writes its state under $HOME/.pm2; keep it out of the home folder.
    PM2_HOME: join(tmpdir(), "x-local-server-pm2"),
    // Keeps the AWS SDK's end-of-support notice out of the output shown when a start fails.
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: "1",
  };
}
