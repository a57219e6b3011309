// The HTTP sink of the trigger and publisher benchmarks, run in a process of its own (spawned by
// start-sink.ts) so that it never competes with the client for the event loop. It answers every
// request with `{}`, as a Pusher-compatible server answers a trigger, after reading the body.
// It prints `{"port":N}` once listening, and exits when its parent closes its stdin. `GET /count`
// answers the count of requests so far (not counting itself), for the Bun/Deno suite, which has no stdin to ask on.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const BODY = "{}";
let requests = 0;

const server = createServer((request, response) => {
  if (request.url === "/count") return void response.end(JSON.stringify({ requests }));
  requests++;
  request.resume();
  request.on("end", () => {
    response.writeHead(200, { "content-type": "application/json", "content-length": String(BODY.length) });
    response.end(BODY);
  });
});
// Connections stay open across the idle gaps between two benchmarks: a server that closes an
// idle keep-alive socket while a client reuses it would turn the gap into a reset request.
server.keepAliveTimeout = 120_000;

server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});

// The parent asks for the count of requests served by writing a line; it ends the sink by
// closing stdin (or by exiting: the pipe closes then too).
process.stdin.setEncoding("utf8");
process.stdin.on("data", () => process.stdout.write(`${JSON.stringify({ requests })}\n`));
process.stdin.on("end", () => process.exit(0));
