// A server that accepts connections and never answers, run in a process of its own (spawned by
// start-sink.ts), for the publisher's backpressure benchmark: every request sent to it hangs
// until the client gives up or the server goes away. It reads and drops what it is sent, so
// that the client's writes never block. It prints `{"port":N}` once listening, answers a line on
// stdin with `{"requests":N}` (here: the connections accepted), and exits when stdin closes.
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";

let connections = 0;

const server = createServer((socket) => {
  connections++;
  socket.on("data", () => {});
  // The client's side going away must not crash the server.
  socket.on("error", () => {});
});

server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});

process.stdin.setEncoding("utf8");
process.stdin.on("data", () => process.stdout.write(`${JSON.stringify({ requests: connections })}\n`));
process.stdin.on("end", () => process.exit(0));
