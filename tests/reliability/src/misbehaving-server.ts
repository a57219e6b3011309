import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * How the server treats one request. `nth` counts the requests of its connection from 1, so a
 * behaviour can tell a fresh connection from a kept-alive one.
 */
export type Behaviour = (request: IncomingMessage, response: ServerResponse, nth: number) => void;

/** A Pusher API server on 127.0.0.1 that answers as a test tells it to, and counts what it saw. */
export interface MisbehavingServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Requests that reached the server (all of their headers), in order: method and URL. */
  readonly requests: readonly { method: string; url: string }[];
  /** Connections accepted, and those still open. */
  readonly connections: { accepted: number; open: number };
  /** Resolves once no connection is open (or rejects after `withinMs`). */
  allConnectionsClosed(withinMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a server on a free loopback port that hands every request to `behaviour`. Its
 * connections are tracked: `stop()` destroys those still open, so no test leaves one behind.
 *
 * @example
 * ```ts
 * const server = await startMisbehavingServer((request, response) => response.writeHead(200).end("<html>"));
 * ```
 */
export async function startMisbehavingServer(behaviour: Behaviour): Promise<MisbehavingServer> {
  const requests: { method: string; url: string }[] = [];
  const sockets = new Set<Socket>();
  const perConnection = new WeakMap<Socket, number>();
  const connections = { accepted: 0, open: 0 };
  const server: Server = createServer((request, response) => {
    requests.push({ method: request.method ?? "", url: request.url ?? "" });
    const nth = (perConnection.get(request.socket) ?? 0) + 1;
    perConnection.set(request.socket, nth);
    // The body is drained so that the request is complete whatever the behaviour does.
    request.resume();
    behaviour(request, response, nth);
  });
  server.keepAliveTimeout = 60_000;
  server.on("connection", (socket: Socket) => {
    connections.accepted++;
    connections.open++;
    sockets.add(socket);
    socket.on("close", () => {
      connections.open--;
      sockets.delete(socket);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    connections,
    async allConnectionsClosed(withinMs = 2_000) {
      for (let waited = 0; connections.open > 0; waited += 10) {
        if (waited >= withinMs) throw new Error(`${connections.open} connection(s) still open after ${withinMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A loopback port on which nothing listens: a connection to it is refused.
 *
 * @example
 * ```ts
 * const port = await closedPort();
 * ```
 */
export async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
