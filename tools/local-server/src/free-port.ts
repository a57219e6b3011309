import getPort from "get-port";

/**
 * `count` distinct loopback ports that were free a moment ago (get-port locks each port it gave
 * for a while, so one call never answers the same port twice).
 *
 * @example
 * ```ts
 * const [httpPort, metricsPort] = await freePorts(2);
 * ```
 */
export async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let index = 0; index < count; index++) ports.push(await getPort({ host: "127.0.0.1" }));
  return ports;
}

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
