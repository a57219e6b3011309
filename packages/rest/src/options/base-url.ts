import type { ConnectionOptions } from "@x/types";

/**
 * The scheme, host and port every API request goes to (docs/protocol.md §1): `host` wins over
 * `cluster`, with neither the host is `api-mt1.pusher.com`; HTTPS unless `useTLS` is false; the
 * port only when one is set.
 *
 * @example
 * ```ts
 * baseUrl({ cluster: "eu" });                                      // "https://api-eu.pusher.com"
 * baseUrl({ host: "127.0.0.1", port: 6001, useTLS: false });       // "http://127.0.0.1:6001"
 * ```
 */
export function baseUrl(connection: ConnectionOptions): string {
  const scheme = connection.useTLS === false ? "http" : "https";
  const host = connection.host ?? `api-${connection.cluster ?? "mt1"}.pusher.com`;
  const port = connection.port === undefined ? "" : `:${connection.port}`;
  return `${scheme}://${host}${port}`;
}
