import type { PusherEnv } from "@x/server";

/**
 * The `pusher-js` options the page needs to reach the same app as the server: the key, and
 * either a Pusher cluster or the host and port of a self-hosted server.
 *
 * @example
 * ```ts
 * const connection: BrowserConnection = { key: "app-key", cluster: "eu", forceTLS: true };
 * new Pusher(connection.key, connection); // in the page
 * ```
 */
export interface BrowserConnection {
  key: string;
  /** pusher-js requires a cluster even when `wsHost` points elsewhere. */
  cluster: string;
  forceTLS: boolean;
  wsHost?: string;
  wsPort?: number;
  wssPort?: number;
  enabledTransports?: string[];
  disableStats?: boolean;
}

/**
 * Where the server's HTTP API is, as `@x/server` reads it from `PUSHER_*` variables: a host
 * (with its port and scheme), or a cluster.
 *
 * @example
 * ```ts
 * const endpoint: ApiEndpoint = { host: "127.0.0.1", port: 6001, useTLS: false };
 * ```
 */
export interface ApiEndpoint {
  cluster?: string;
  host?: string;
  port?: number;
  useTLS?: boolean;
}

// Pusher's own API hosts name their cluster; pusher-js connects to the matching ws host itself.
const PUSHER_API_HOST = /^api-([a-z0-9-]+)\.pusher\.com$/;

/**
 * The pusher-js options that reach the same app as a server configured with `endpoint`: a
 * Pusher API host or cluster becomes `cluster`; any other host (a self-hosted,
 * Pusher-compatible server) becomes `wsHost`/`wsPort`, since such servers serve WebSockets and
 * the HTTP API on one port.
 *
 * @example
 * ```ts
 * browserConnection("key", { host: "api-eu.pusher.com", useTLS: true });
 * // { key: "key", cluster: "eu", forceTLS: true }
 * browserConnection("app-key", { host: "127.0.0.1", port: 6001, useTLS: false });
 * // { key: "app-key", cluster: "mt1", forceTLS: false, wsHost: "127.0.0.1", wsPort: 6001, wssPort: 6001, enabledTransports: ["ws", "wss"], disableStats: true }
 * ```
 */
export function browserConnection(key: string, endpoint: ApiEndpoint): BrowserConnection {
  const forceTLS = endpoint.useTLS !== false;
  const cluster = endpoint.host === undefined ? endpoint.cluster : PUSHER_API_HOST.exec(endpoint.host)?.[1];
  if (endpoint.host === undefined || cluster !== undefined) return { key, cluster: cluster ?? "mt1", forceTLS };
  const port = endpoint.port ?? (forceTLS ? 443 : 80);
  return {
    key,
    cluster: "mt1",
    forceTLS,
    wsHost: endpoint.host,
    wsPort: port,
    wssPort: port,
    // Only Pusher itself offers the fallback transports (sockjs) and collects stats.
    enabledTransports: ["ws", "wss"],
    disableStats: true,
  };
}

/**
 * The API endpoint named by the `PUSHER_*` variables that `Pusher.fromEnv` reads: the host of
 * `PUSHER_URL`, else `PUSHER_HOST`/`PUSHER_PORT`/`PUSHER_USE_TLS`, else `PUSHER_CLUSTER`.
 * Call it after `Pusher.fromEnv(env)` has accepted the variables: it does not validate them again.
 *
 * @example
 * ```ts
 * apiEndpointFromEnv({ PUSHER_URL: "https://key:secret@api-eu.pusher.com/apps/123" });
 * // { host: "api-eu.pusher.com", useTLS: true }
 * ```
 */
export function apiEndpointFromEnv(env: PusherEnv): ApiEndpoint {
  if (env.PUSHER_URL) {
    const url = new URL(env.PUSHER_URL);
    return {
      host: url.hostname,
      useTLS: url.protocol === "https:",
      ...(url.port === "" ? {} : { port: Number(url.port) }),
    };
  }
  return {
    ...(env.PUSHER_CLUSTER ? { cluster: env.PUSHER_CLUSTER } : {}),
    ...(env.PUSHER_HOST ? { host: env.PUSHER_HOST } : {}),
    ...(env.PUSHER_PORT ? { port: Number(env.PUSHER_PORT) } : {}),
    // As Pusher.fromEnv reads it: only an explicit "off" turns TLS off.
    ...(env.PUSHER_USE_TLS ? { useTLS: !/^(false|0|no)$/i.test(env.PUSHER_USE_TLS) } : {}),
  };
}
