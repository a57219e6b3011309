import { redisCommand } from "./redis-command.ts";
import { checkExtraEnv, checkWebhooks, redisRequestChannel } from "./soketi-environment.ts";
import { startSoketi, type LocalServer, type LocalServerOptions } from "./start-local-server.ts";
import { startRedis } from "./start-redis.ts";

/**
 * How to start a local cluster. Every field is optional; the fields of
 * {@link LocalServerOptions} apply to every node (one app, the same webhooks on each node).
 *
 * @example
 * ```ts
 * const options: LocalClusterOptions = {
 *   nodes: 3,
 *   webhooks: [{ url: "http://127.0.0.1:5000/", event_types: ["member_added"] }],
 * };
 * ```
 */
export interface LocalClusterOptions extends LocalServerOptions {
  /** How many soketi nodes, from 1 to 16. @default 2 */
  nodes?: number;
  /** The `redis-server` program: a path, or a name looked up on `PATH`. @default "redis-server" */
  redisServer?: string;
}

/**
 * One soketi node of a {@link LocalCluster}: a {@link LocalServer} (connect pusher-js clients to
 * it, point a REST client at it, `stop()` or `kill()` it alone) with its place in the cluster.
 *
 * @example
 * ```ts
 * const [a, b] = cluster.nodes;
 * await connectClient(b); // a pusher-js client on node B
 * ```
 */
export interface ClusterNode extends LocalServer {
  /** Its index in `cluster.nodes`. */
  index: number;
}

/**
 * Several soketi nodes sharing their state through a Redis server of their own, as behind a
 * load balancer: an event triggered on any node reaches the clients of every node, and a query
 * to any node counts the sockets and members of all of them.
 *
 * @example
 * ```ts
 * const cluster = await startLocalCluster({ nodes: 2 });
 * const [a, b] = cluster.nodes;
 * // trigger through a.url, receive on a pusher-js client of b
 * await cluster.stop();
 * ```
 */
export interface LocalCluster {
  nodes: ClusterNode[];
  appId: string;
  key: string;
  secret: string;
  /** The Redis server the nodes share (loopback, no persistence). */
  redis: { host: "127.0.0.1"; port: number; pid: number };
  /**
   * How many nodes Redis counts as connected right now. After `node.kill()`, it drops once Redis
   * has seen the connection close; the nodes left stop asking the dead one (their queries would
   * otherwise wait for its answer until soketi's request timeout).
   */
  connectedNodes(): Promise<number>;
  /** Stops every node, then Redis; resolves once all have exited and Redis's directory is gone. Safe to call twice. */
  stop(): Promise<void>;
}

const MAX_NODES = 16;
const POLL_MS = 50;

// A refused value in a message: its JSON would throw for a BigInt or a cycle, and show nothing of a symbol.
function shown(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value);
  return `a value of type ${typeof value}`;
}

function nodeCount(nodes: unknown): number {
  const count = nodes ?? 2;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > MAX_NODES) {
    throw new Error(`nodes must be a whole number from 1 to ${MAX_NODES}, got ${shown(count)}`);
  }
  return count;
}

// The number of subscribers of the channel on which every node listens for the others' requests.
async function subscribedNodes(redisPort: number): Promise<number> {
  const reply = await redisCommand(redisPort, ["PUBSUB", "NUMSUB", redisRequestChannel()]);
  return Array.isArray(reply) && typeof reply[1] === "number" ? reply[1] : 0;
}

// soketi says it is up before its Redis subscriptions are in place: until a node has subscribed,
// broadcasts from the others miss its clients. Each node subscribes to its request channel just
// after its broadcast pattern, on the same connection, so counting the request channel's
// subscribers tells when all are listening.
async function waitUntilSubscribed(redisPort: number, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let subscribed = 0;
  while (Date.now() < deadline) {
    subscribed = await subscribedNodes(redisPort);
    if (subscribed === count) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`only ${subscribed} of the ${count} soketi nodes subscribed to Redis within ${timeoutMs} ms`);
}

/**
 * Starts a cluster of soketi nodes (2 by default) on free loopback ports, sharing their state
 * through a `redis-server` that it starts on a free loopback port, without persistence, in a
 * temporary directory. Resolves once every node is up and subscribed to Redis. Everything is
 * stopped by `stop()`, and killed when this process exits or dies (soketi watches a pipe from
 * this process; Redis runs under the kernel's parent-death signal). A failed start stops what
 * had started and rejects; a missing `redis-server` rejects with a `RedisServerNotFoundError`
 * that says how to install it.
 *
 * @example
 * ```ts
 * const cluster = await startLocalCluster({ nodes: 3 });
 * try {
 *   const [a, , c] = cluster.nodes;
 *   const client = await connectClient(c);
 *   await client.subscribe("orders");
 *   const next = client.waitForEvent("orders", "placed");
 *   // … trigger "placed" on "orders" through a.url …
 *   await next;
 *   await c.kill(); // a node crashes; the others go on
 * } finally {
 *   await cluster.stop();
 * }
 * ```
 */
export async function startLocalCluster(options: LocalClusterOptions = {}): Promise<LocalCluster> {
  const count = nodeCount(options.nodes);
  const startedBy = "startLocalCluster";
  // Refuse a bad env or webhook before anything is started (the port stands in for the real one).
  checkExtraEnv(options.env ?? {}, { redisPort: 0, startedBy });
  checkWebhooks(options.webhooks ?? []);
  const startTimeoutMs = options.startTimeoutMs ?? 45_000;
  const redis = await startRedis({ redisServer: options.redisServer, startTimeoutMs });
  const started: LocalServer[] = [];
  try {
    const results = await Promise.allSettled(
      Array.from({ length: count }, () => startSoketi(options, { redisPort: redis.port, startedBy })),
    );
    for (const result of results) if (result.status === "fulfilled") started.push(result.value);
    const failure = results.find((result) => result.status === "rejected");
    if (failure !== undefined) throw failure.reason;
    await waitUntilSubscribed(redis.port, count, startTimeoutMs);
  } catch (error) {
    await Promise.all(started.map((node) => node.stop()));
    await redis.stop();
    throw error;
  }
  const nodes = started.map((node, index): ClusterNode => ({ ...node, index }));
  let stopping: Promise<void> | undefined;
  return {
    nodes,
    appId: options.appId ?? "app-id",
    key: options.key ?? "app-key",
    secret: options.secret ?? "app-secret",
    redis: { host: redis.host, port: redis.port, pid: redis.pid },
    connectedNodes: () => subscribedNodes(redis.port),
    stop: () =>
      (stopping ??= (async () => {
        // The nodes first: each says goodbye to Redis as it stops.
        await Promise.all(nodes.map((node) => node.stop()));
        await redis.stop();
      })()),
  };
}
