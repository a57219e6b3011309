import type { FakePusherConfig } from "./types.js";

/**
 * A webhook soketi sends, in soketi's own shape (`SOKETI_DEFAULT_APP_WEBHOOKS`): where, and which
 * kinds (`channel_occupied`, `channel_vacated`, `member_added`, `member_removed`, `client_event`,
 * `cache_miss`; soketi sends no `subscription_count`).
 * @example const webhook: LocalPusherWebhook = { url: "http://127.0.0.1:3000/pusher/webhooks", event_types: ["member_added"] };
 */
export interface LocalPusherWebhook {
  url: string;
  event_types: readonly string[];
}

/**
 * The options of {@link startLocalPusher}. soketi and a Node.js 20 to run it on are found in
 * your project unless `soketiPath` and `nodePath` say where they are.
 * @example const options: LocalPusherOptions = { nodes: 2, webhooks: [{ url: "http://127.0.0.1:3000/hooks", event_types: ["channel_occupied"] }] };
 */
export interface LocalPusherOptions {
  /** Numeric, like Pusher's: the official `pusher` package's `forURL` reads it as a number. @default "1000001" */
  appId?: string;
  /** @default "local-app-key" */
  key?: string;
  /** @default "local-app-secret" */
  secret?: string;
  /** How many soketi nodes, from 1 to 16; more than one share their state through Redis. @default 1 */
  nodes?: number;
  /** Redis for the nodes' state: `true` starts a private `redis-server` (the default with `nodes` above 1), a `redis://HOST:PORT` URL uses that one, `false` none. */
  redis?: boolean | string;
  /** The `redis-server` program to start: a path, or a name looked up on `PATH`. @default "redis-server" */
  redisServer?: string;
  /** Passed to soketi as `SOKETI_DEFAULT_APP_WEBHOOKS`. @default [] */
  webhooks?: readonly LocalPusherWebhook[];
  /** Extra `SOKETI_*` variables, e.g. `{ SOKETI_DEBUG: "true" }`; not those that ports, credentials, webhooks and Redis set. */
  env?: Readonly<Record<string, string>>;
  /** The folder of an installed `@soketi/soketi`. @default resolved from the current directory */
  soketiPath?: string;
  /** A Node.js 20 binary to run soketi on. @default `X_TESTING_SOKETI_NODE`, then the project's `node-<os>-<arch>` package, then this Node if it is 20 */
  nodePath?: string;
  /** How long each process may take to say it is up. @default 45_000 */
  startTimeoutMs?: number;
}

/**
 * The options pusher-js needs to connect to a local server: `new Pusher(config.key, clientOptions)`.
 * @example const { wsHost, wsPort }: LocalPusherClientOptions = local.clientOptions;
 */
export interface LocalPusherClientOptions {
  wsHost: string;
  wsPort: number;
  forceTLS: false;
  enabledTransports: ["ws"];
  /** pusher-js requires one; `wsHost` takes precedence over it. */
  cluster: string;
  disableStats: true;
}

/**
 * One soketi process of a {@link LocalPusher}.
 *
 * @example
 * ```ts
 * const [a, b] = local.nodes;
 * await b!.kill(); // node B crashes; node A goes on
 * ```
 */
export interface LocalPusherNode {
  /** `http://KEY:SECRET@127.0.0.1:PORT/apps/APP_ID`, a `PUSHER_URL` for this node. */
  readonly url: string;
  /** The shape SDK constructors take. */
  readonly config: FakePusherConfig;
  readonly clientOptions: LocalPusherClientOptions;
  /** The soketi process. */
  readonly pid: number;
  /** The port of soketi's metrics and `/usage` server. */
  readonly metricsPort: number;
  /** SIGTERM, then SIGKILL after a grace period; resolves once it has exited. Safe to call twice. */
  close(): Promise<void>;
  /** SIGKILL at once, as a crash; resolves once it has exited. */
  kill(): Promise<void>;
}

/**
 * A real Pusher-compatible server (soketi) on loopback, from {@link startLocalPusher}: its
 * `url`, `config` and `clientOptions` are those of its first node.
 *
 * @example
 * ```ts
 * const local = await startLocalPusher();
 * const pusher = Pusher.fromUrl(local.url);
 * const client = new PusherJs(local.config.key, local.clientOptions);
 * await local.close();
 * ```
 */
export interface LocalPusher extends Pick<LocalPusherNode, "url" | "config" | "clientOptions"> {
  readonly nodes: readonly LocalPusherNode[];
  /** The Redis the nodes share (`redis://127.0.0.1:PORT` when private), if any. */
  readonly redisUrl: string | undefined;
  /** Stops every node, then the private Redis; resolves once all have exited and their ports are closed. Safe to call twice. */
  close(): Promise<void>;
}
