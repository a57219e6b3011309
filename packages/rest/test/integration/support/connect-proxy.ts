import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";

/** An HTTP CONNECT proxy on 127.0.0.1 that records what it sees. */
export interface ConnectProxy {
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Each CONNECT request: its target and headers, as a proxy's log would show them. */
  readonly requests: readonly { target: string; headers: Record<string, string | string[] | undefined> }[];
  /** Every byte that went through the tunnels, both ways: what the proxy could read. */
  relayed(): Buffer;
  stop(): Promise<void>;
}

/**
 * Starts a minimal forward proxy that answers `CONNECT host:port` by opening a TCP tunnel, as
 * corporate proxies do for HTTPS. It keeps a copy of everything it relays, so that a test can
 * check what a proxy could see.
 *
 * @example
 * ```ts
 * const proxy = await startConnectProxy();
 * // …requests through http://127.0.0.1:<proxy.port>…
 * await proxy.stop();
 * ```
 */
export async function startConnectProxy(): Promise<ConnectProxy> {
  const requests: { target: string; headers: Record<string, string | string[] | undefined> }[] = [];
  const relayed: Buffer[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const server: Server = createServer((_request, response) => response.writeHead(405).end());
  server.on("connect", (request, client: Socket, head: Buffer) => {
    track(client);
    const target = request.url ?? "";
    requests.push({ target, headers: request.headers });
    const [host, port] = target.split(":");
    const upstream = connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) upstream.write(head);
      client.on("data", (chunk: Buffer) => relayed.push(chunk));
      upstream.on("data", (chunk: Buffer) => relayed.push(chunk));
      client.pipe(upstream);
      upstream.pipe(client);
    });
    track(upstream);
    upstream.on("close", () => client.destroy());
    client.on("close", () => upstream.destroy());
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    relayed: () => Buffer.concat(relayed),
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
