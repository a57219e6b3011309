import { createServer, type Server } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { Pusher, type PusherEnv } from "@x/server";
import { startLocalPusher, type LocalPusher } from "@x/testing";
import { soketiInstall } from "tools-test-support";
import { apiEndpointFromEnv, browserConnection, type BrowserConnection } from "./browser-connection.ts";
import { createDemoApp } from "./create-demo-app.ts";
import { listenOnLoopback } from "./listen-on-loopback.ts";
import { loadStaticFiles } from "./static-files.ts";

/**
 * How to start the demo.
 *
 * @example
 * ```ts
 * const options: DemoOptions = { port: 3000, pusherEnv: process.env };
 * ```
 */
export interface DemoOptions {
  /** The port to listen on (127.0.0.1); a free one if it is taken, any free one if `0`. @default 3000 */
  port?: number;
  /**
   * `PUSHER_*` variables (read by `Pusher.fromEnv`) of a real Pusher app to talk to. Without
   * them the demo starts its own Pusher-compatible server (soketi) and points its webhooks here.
   */
  pusherEnv?: PusherEnv;
  /**
   * Run on a local cluster of this many soketi nodes sharing a Redis server (at least 2) instead
   * of one node: the demo's API calls go to the first node, and each page connects to the next
   * node in turn. Needs `redis-server`. Ignored with `pusherEnv`.
   */
  clusterNodes?: number;
  /** Where errors are reported. @default console.error */
  logError?: (message: string) => void;
}

/**
 * A running demo.
 *
 * @example
 * ```ts
 * const demo = await startDemo();
 * console.log(`open ${demo.url}`);
 * await demo.stop();
 * ```
 */
export interface Demo {
  /** `http://127.0.0.1:<port>`: the page. */
  url: string;
  /** The embedded soketi server (its nodes, with `clusterNodes`), when the demo started one. */
  localPusher?: LocalPusher;
  /** Closes the web server (and its open connections) and stops the embedded soketi. Safe to call twice. */
  stop(): Promise<void>;
}

// soketi posts only these to the demo; Pusher sends what the app's dashboard enables.
const WEBHOOK_EVENT_TYPES = ["channel_occupied", "channel_vacated", "member_added", "member_removed", "client_event"];

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Browsers keep connections open; close() alone would wait for them.
    server.closeAllConnections();
  });
}

async function connectToPusher(
  pusherEnv: PusherEnv | undefined,
  webhookUrl: string,
  clusterNodes: number | undefined,
): Promise<{ pusher: Pusher; connection: BrowserConnection | BrowserConnection[]; localPusher?: LocalPusher }> {
  if (pusherEnv !== undefined) {
    const pusher = Pusher.fromEnv(pusherEnv);
    return { pusher, connection: browserConnection(pusher.key, apiEndpointFromEnv(pusherEnv)) };
  }
  const webhooks = [{ url: webhookUrl, event_types: WEBHOOK_EVENT_TYPES }];
  const localPusher = await startLocalPusher({ ...soketiInstall, nodes: clusterNodes ?? 1, webhooks });
  // One API host is enough: on a cluster, each node passes what it is given to the others through Redis.
  const pusher = new Pusher(localPusher.config);
  const connections = localPusher.nodes.map(({ config }) =>
    browserConnection(pusher.key, { host: config.host, port: config.port, useTLS: false }),
  );
  return { pusher, connection: clusterNodes === undefined ? (connections[0] as BrowserConnection) : connections, localPusher };
}

/**
 * Starts the demo: a web server on 127.0.0.1 with the page and its API (see `createDemoApp`),
 * talking to a real Pusher app when `pusherEnv` is given, else to an embedded soketi server
 * whose webhooks come back to this web server. The web server listens first, so that soketi
 * can be told where to send webhooks. Signed-in users keep their connection: user
 * authentication is on, and the page signs in as soon as it connects.
 *
 * @example
 * ```ts
 * const demo = await startDemo({ port: 0 });
 * const page = await fetch(demo.url);
 * await demo.stop();
 * ```
 */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const files = await loadStaticFiles();
  const server = createServer();
  const port = await listenOnLoopback(server, options.port ?? 3000);
  const url = `http://127.0.0.1:${port}`;
  let localPusher: LocalPusher | undefined;
  try {
    const connected = await connectToPusher(options.pusherEnv, `${url}/webhooks/pusher`, options.clusterNodes);
    localPusher = connected.localPusher;
    const app = createDemoApp({ ...connected, files, ...(options.logError ? { logError: options.logError } : {}) });
    // By default @hono/node-server replaces the global Request and Response with its own
    // classes, whose read-only `json` breaks ky (and so every Pusher API call of @x/server) in
    // the same process: keep the globals as they are.
    const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
    server.on("request", (request, response) => void listener(request, response));
  } catch (error) {
    await closeServer(server);
    throw error;
  }
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    await closeServer(server);
    await localPusher?.close();
  };
  return { url, ...(localPusher ? { localPusher } : {}), stop: () => (stopping ??= stop()) };
}
