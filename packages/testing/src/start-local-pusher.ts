import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { killChild, retryOnPortCollision, startChildServer, stopChild } from "./child-server.js";
import type { LocalPusher, LocalPusherNode, LocalPusherOptions, LocalPusherWebhook } from "./local-types.js";
import { freePorts } from "./ports.js";
import { findNode20, findRedisServer, findSoketi } from "./prerequisites.js";
import { parseRedisUrl, startRedis, subscriberCount, type LocalRedis, type RedisAddress } from "./redis.js";
import { credential, invalidOption } from "./resolve-options.js";
import { CONTROLLED_VARIABLES, requestChannel, soketiEnvironment, type SoketiSettings } from "./soketi-environment.js";

const CALLER = "startLocalPusher";
const MAX_NODES = 16;
const POLL_MS = 50;
// Preloaded into soketi: its stdin is a pipe from this process, which the system closes when this process dies, however it dies.
const EXIT_WITH_PARENT = "data:text/javascript,process.stdin.on('end',()=>process.exit());process.stdin.on('error',()=>process.exit());process.stdin.resume();";

interface Settings {
  appId: string;
  key: string;
  secret: string;
  nodes: number;
  redis: boolean | RedisAddress;
  redisServer: string;
  webhooks: readonly LocalPusherWebhook[];
  env: Readonly<Record<string, string>>;
  startTimeoutMs: number;
}

function checkWebhooks(webhooks: unknown): readonly LocalPusherWebhook[] {
  const isWebhook = (webhook: unknown) =>
    typeof webhook === "object" &&
    webhook !== null &&
    "url" in webhook &&
    typeof webhook.url === "string" &&
    /^https?:$/.test(URL.parse(webhook.url)?.protocol ?? "") &&
    "event_types" in webhook &&
    Array.isArray(webhook.event_types) &&
    webhook.event_types.every((name: unknown) => typeof name === "string");
  if (!Array.isArray(webhooks) || !webhooks.every(isWebhook)) {
    throw invalidOption(CALLER, "webhooks", "an array of { url: an http(s) URL, event_types: string[] }", webhooks);
  }
  return webhooks as readonly LocalPusherWebhook[];
}

function resolveSettings(options: LocalPusherOptions): Settings {
  if (typeof options !== "object" || options === null) throw new TypeError(`${CALLER}: options must be an object`);
  const { nodes = 1, redis = nodes > 1, redisServer = "redis-server", env = {}, startTimeoutMs = 45_000 } = options;
  if (typeof nodes !== "number" || !Number.isInteger(nodes) || nodes < 1 || nodes > MAX_NODES) {
    throw invalidOption(CALLER, "nodes", `a whole number from 1 to ${MAX_NODES}`, nodes);
  }
  const redisAddress = typeof redis === "string" ? parseRedisUrl(redis) : redis;
  if (typeof redisAddress !== "boolean" && typeof redisAddress !== "object") throw invalidOption(CALLER, "redis", 'a boolean or a "redis://" URL', redis);
  if (redisAddress === false && nodes > 1) throw invalidOption(CALLER, "redis", "left out or not false with more than one node (the nodes share their state through Redis)", redis);
  if (typeof redisServer !== "string" || redisServer === "") throw invalidOption(CALLER, "redisServer", "a path or a program name", redisServer);
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith("SOKETI_") || CONTROLLED_VARIABLES.test(name) || typeof value !== "string") {
      throw invalidOption(CALLER, "env", "string values of SOKETI_* variables other than those startLocalPusher sets", { [name]: value });
    }
  }
  if (typeof startTimeoutMs !== "number" || !(startTimeoutMs > 0)) throw invalidOption(CALLER, "startTimeoutMs", "a positive number", startTimeoutMs);
  return {
    appId: credential(CALLER, "appId", options.appId, "1000001"),
    key: credential(CALLER, "key", options.key, "local-app-key"),
    secret: credential(CALLER, "secret", options.secret, "local-app-secret"),
    nodes,
    redis: redisAddress,
    redisServer,
    webhooks: checkWebhooks(options.webhooks ?? []),
    env,
    startTimeoutMs,
  };
}

interface Soketi {
  folder: string;
  node: string;
}

function startNode(soketi: Soketi, settings: Settings, redis: SoketiSettings["redis"]): Promise<LocalPusherNode> {
  return retryOnPortCollision(async () => {
    const [port = 0, metricsPort = 0, discoveryPort = 0] = await freePorts(3);
    const { appId, key, secret } = settings;
    const { child, pid } = await startChildServer({
      name: "soketi",
      command: soketi.node,
      args: ["--import", EXIT_WITH_PARENT, join(soketi.folder, "bin", "server.js"), "start"],
      // soketi loads a .env from its working folder; its own package has none.
      cwd: soketi.folder,
      env: soketiEnvironment({ port, metricsPort, discoveryPort, appId, key, secret, webhooks: settings.webhooks, extraEnv: settings.env, redis }),
      stdin: "pipe",
      readyLine: "Server is up and running",
      ports: [port, metricsPort],
      secrets: [secret, ...(redis?.address.password === undefined ? [] : [redis.address.password])],
      startTimeoutMs: settings.startTimeoutMs,
    });
    let closing: Promise<void> | undefined;
    return {
      url: `http://${key}:${secret}@127.0.0.1:${port}/apps/${appId}`,
      config: { appId, key, secret, host: "127.0.0.1", port, useTLS: false },
      clientOptions: { wsHost: "127.0.0.1", wsPort: port, forceTLS: false, enabledTransports: ["ws"], cluster: "mt1", disableStats: true },
      pid,
      metricsPort,
      close: () => (closing ??= stopChild(child)),
      kill: () => {
        // SIGKILL even while a close() waits out its grace period.
        const killed = killChild(child);
        closing ??= killed;
        return killed;
      },
    };
  });
}

// soketi says it is up before it has subscribed to Redis; a broadcast before then would miss its clients.
async function waitUntilSubscribed(address: RedisAddress, prefix: string, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let subscribed = 0;
  while (Date.now() < deadline) {
    subscribed = await subscriberCount(address, requestChannel(prefix));
    if (subscribed >= count) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`only ${subscribed} of the ${count} soketi nodes subscribed to Redis within ${timeoutMs} ms`);
}

/**
 * Starts soketi, a real Pusher-compatible server with a WebSocket side for pusher-js clients, on
 * free loopback ports, and resolves once it is up; `{ nodes: 2 }` starts a cluster sharing a
 * private Redis. soketi is not a dependency of @x/testing: it uses the `@soketi/soketi` of your
 * project on a Node.js 20 binary (see {@link LocalPusherOptions}), and rejects at once with a
 * {@link LocalPusherSetupError} that says what to install when one is missing. `close()` stops
 * everything; a forgotten one is made up for when this process exits.
 *
 * @example
 * ```ts
 * import PusherJs from "pusher-js";
 * import { Pusher } from "@x/server";
 * import { startLocalPusher } from "@x/testing";
 *
 * const local = await startLocalPusher();
 * try {
 *   const client = new PusherJs(local.config.key, local.clientOptions);
 *   client.subscribe("orders").bind("created", (data: unknown) => console.log(data));
 *   await Pusher.fromUrl(local.url).trigger("orders", "created", { id: 7 });
 * } finally {
 *   await local.close();
 * }
 * ```
 */
export async function startLocalPusher(options: LocalPusherOptions = {}): Promise<LocalPusher> {
  const settings = resolveSettings(options);
  const soketi = { folder: findSoketi(options.soketiPath), node: findNode20(options.nodePath) };
  const redisServer = settings.redis === true ? findRedisServer(settings.redisServer) : undefined;
  let privateRedis: LocalRedis | undefined;
  const nodes: LocalPusherNode[] = [];
  const closeAll = async () => {
    // The nodes first, then the Redis they leave.
    await Promise.all(nodes.map((node) => node.close()));
    await privateRedis?.stop();
  };
  try {
    if (redisServer !== undefined) privateRedis = await startRedis(redisServer, settings.startTimeoutMs);
    const address = privateRedis?.address ?? (typeof settings.redis === "object" ? settings.redis : undefined);
    const redis = address === undefined ? undefined : { address, prefix: `x-testing-${randomUUID()}` };
    // Every start settles before a failure is thrown, so that closeAll() stops each node that did start.
    const results = await Promise.allSettled(Array.from({ length: settings.nodes }, () => startNode(soketi, settings, redis)));
    for (const result of results) if (result.status === "fulfilled") nodes.push(result.value);
    for (const result of results) if (result.status === "rejected") throw result.reason;
    if (redis !== undefined) await waitUntilSubscribed(redis.address, redis.prefix, nodes.length, settings.startTimeoutMs);
  } catch (error) {
    await closeAll();
    throw error;
  }
  const [first] = nodes as [LocalPusherNode];
  let closing: Promise<void> | undefined;
  return {
    url: first.url,
    config: first.config,
    clientOptions: first.clientOptions,
    nodes,
    redisUrl: typeof options.redis === "string" ? options.redis : privateRedis && `redis://127.0.0.1:${privateRedis.address.port}`,
    close: () => (closing ??= closeAll()),
  };
}
