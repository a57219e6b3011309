import getPort from "get-port";

/**
 * A loopback TCP port that was free a moment ago. Another process may take it before you do, so
 * a caller that binds it must be ready to retry.
 *
 * @example
 * ```ts
 * const port = await freePort();
 * httpServer.listen(port, "127.0.0.1");
 * ```
 */
export function freePort(): Promise<number> {
  return getPort({ host: "127.0.0.1" });
}
