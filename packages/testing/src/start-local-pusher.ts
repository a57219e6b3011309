import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { endChild, retryOnPortCollision, startChildServer } from "./child-server.js";
import { requestChannel, resolveLocalSettings, soketiEnvironment, type LocalSettings } from "./local-settings.js";
import type { LocalPusher, LocalPusherNode, LocalPusherOptions } from "./local-types.js";
import { freePorts } from "./ports.js";
import { findNode20, findRedisServer, findSoketi } from "./prerequisites.js";
import { startRedis, subscriberCount, type LocalRedis, type RedisAddress } from "./redis.js";

const POLL_MS = 50;
// Preloaded into soketi: its stdin is a pipe from this process, which the system closes when this process dies, however it dies.
const EXIT_WITH_PARENT =
  "data:text/javascript,process.stdin.on('end',()=>process.exit());process.stdin.on('error',()=>process.exit());process.stdin.resume();";

type Redis = { address: RedisAddress; prefix: string } | undefined;

function startNode(soketi: { folder: string; node: string }, settings: LocalSettings, redis: Redis): Promise<LocalPusherNode> {
  return retryOnPortCollision(async () => {
    const [port = 0, metricsPort = 0, discoveryPort = 0] = await freePorts(3);
    const { appId, key, secret } = settings;
    const { child, pid } = await startChildServer({
      name: "soketi",
      command: soketi.node,
      args: ["--import", EXIT_WITH_PARENT, join(soketi.folder, "bin", "server.js"), "start"],
      // soketi loads a .env from its working folder; its own package has none.
      cwd: soketi.folder,
      env: soketiEnvironment(settings, { port, metricsPort, discoveryPort }, redis),
      stdin: "pipe",
      readyLine: "Server is up and running",
      ports: [port, metricsPort],
      secrets: [secret],
      startTimeoutMs: settings.startTimeoutMs,
    });
    let closing: Promise<void> | undefined;
    return {
      url: `http://${key}:${secret}@127.0.0.1:${port}/apps/${appId}`,
      config: { appId, key, secret, host: "127.0.0.1", port, useTLS: false },
      clientOptions: { wsHost: "127.0.0.1", wsPort: port, forceTLS: false, enabledTransports: ["ws"], cluster: "mt1", disableStats: true },
      pid,
      metricsPort,
      close: () => (closing ??= endChild(child)),
      kill: () => {
        // SIGKILL even while a close() waits out its grace period.
        const killed = endChild(child, "SIGKILL");
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
 * const local = await startLocalPusher({ nodes: 2 });
 * try {
 *   const client = new PusherJs(local.config.key, local.nodes[1]!.clientOptions); // a pusher-js client on node 2
 *   await Pusher.fromUrl(local.url).trigger("orders", "created", { id: 7 }); // through node 1
 * } finally {
 *   await local.close();
 * }
 * ```
 */
export async function startLocalPusher(options: LocalPusherOptions = {}): Promise<LocalPusher> {
  const settings = resolveLocalSettings(options);
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
