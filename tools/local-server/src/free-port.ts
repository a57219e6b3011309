import { createServer, type Server } from "node:net";

function listenOnAnyPort(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("a TCP server has no port");
  return address.port;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

/**
 * `count` distinct loopback ports that were free a moment ago. They are all held open together
 * before being released, so the kernel cannot hand out the same port twice in one call.
 *
 * @example
 * ```ts
 * const [httpPort, metricsPort] = await freePorts(2);
 * ```
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let index = 0; index < count; index++) servers.push(await listenOnAnyPort());
    return servers.map(portOf);
  } finally {
    await Promise.all(servers.map(close));
  }
}

/**
 * A loopback TCP port that was free a moment ago: listens on `127.0.0.1:0`, reads the port the
 * kernel chose, and closes. Another process may take it before you do, so a caller that binds
 * it must be ready to retry.
 *
 * @example
 * ```ts
 * const port = await freePort();
 * httpServer.listen(port, "127.0.0.1");
 * ```
 */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  if (port === undefined) throw new Error("no port was reserved");
  return port;
}
