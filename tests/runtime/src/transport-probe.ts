import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A running {@link startTransportProbe} server. */
export interface TransportProbe {
  url: string;
  close(): Promise<void>;
}

interface Tally {
  requests: number;
  connections: Set<Socket>;
}

/**
 * A loopback server that acts as the HTTP API for the transport cases (`cases/rest-transport.mjs`) and
 * tells them what it saw. A trigger is answered `{}`, unless its channel starts with `hang-`: that
 * one is read and never answered. `GET /probe/<channel>` answers `{ requests, connections }`: how
 * many triggers to that channel arrived, over how many distinct connections.
 */
export async function startTransportProbe(): Promise<TransportProbe> {
  const tallies = new Map<string, Tally>();
  const tally = (channel: string): Tally => {
    let entry = tallies.get(channel);
    if (entry === undefined) tallies.set(channel, (entry = { requests: 0, connections: new Set() }));
    return entry;
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const probed = /^\/probe\/(.+)$/.exec(request.url ?? "");
      if (probed !== null) {
        const { requests, connections } = tally(decodeURIComponent(probed[1] ?? ""));
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ requests, connections: connections.size }));
        return;
      }
      const { channels } = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { channels?: string[] };
      const channel = channels?.[0] ?? "";
      const entry = tally(channel);
      entry.requests++;
      entry.connections.add(request.socket);
      if (!channel.startsWith("hang-")) response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
