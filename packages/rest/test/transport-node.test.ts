import { once } from "node:events";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from "node:net";
import { isPusherHttpError, isPusherNetworkError, isPusherTimeoutError } from "@x/types";
import { afterEach, describe, expect, it } from "vitest";
import { createRestClient } from "../src/index.js";
import { nodeTransport, runtimeTransport } from "../src/transport/transport-node.js";
import { runtimeTransport as portableTransport } from "../src/transport/transport-portable.js";

// The "node" condition's transport against real servers on 127.0.0.1: what it sends, what it
// hands back to ky, and how it fails. Each test closes every server and connection it opened.

const CREDENTIALS = { appId: "3", key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" };
const servers: (Server | TcpServer)[] = [];
const sockets = new Set<Socket>();

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen(server: Server | TcpServer): Promise<number> {
  servers.push(server);
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

/** An HTTP server that records each request and answers it with `respond`. */
async function httpServer(respond: (response: ServerResponse, received: Received) => void) {
  const received: Received[] = [];
  const port = await listen(
    createHttpServer((request, response) => {
      let body = "";
      request.setEncoding("utf8");
      request.on("data", (chunk: string) => (body += chunk));
      request.on("end", () => {
        const entry = { method: request.method ?? "", url: request.url ?? "", headers: request.headers, body };
        received.push(entry);
        respond(response, entry);
      });
    }),
  );
  return { port, received };
}

/** A TCP server that writes `reply` to each connection (or nothing), then runs `after`. */
async function tcpServer(reply: string | undefined, after: (socket: Socket) => void = () => {}) {
  const firstBytes: Buffer[] = [];
  const port = await listen(
    createTcpServer((socket) => {
      socket.once("data", (data: Buffer) => {
        firstBytes.push(data);
        if (reply !== undefined) socket.write(reply);
        after(socket);
      });
    }),
  );
  return { port, firstBytes };
}

function post(url: string, signal = new AbortController().signal): Request {
  return new Request(url, { method: "POST", signal });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("the call should have failed"),
    (error: unknown) => error,
  );
}

describe("nodeTransport(request, { headers, body })", () => {
  it("sends the request's method and URL with the given headers and body, and resolves with a Response of the server's status, headers and text", async () => {
    const { port, received } = await httpServer((response) =>
      response.writeHead(201, "Made", { "content-type": "application/json", "x-answer": "42" }).end('{"ok":true}'),
    );

    const response = await nodeTransport(post(`http://127.0.0.1:${port}/apps/3/events?a=1&b=2`), {
      headers: { "content-type": "application/json", "x-pusher-library": "test" },
      body: '{"name":"e"}',
    });

    expect(received).toEqual([
      expect.objectContaining({ method: "POST", url: "/apps/3/events?a=1&b=2", body: '{"name":"e"}' }),
    ]);
    expect(received[0]!.headers).toMatchObject({ "content-type": "application/json", "x-pusher-library": "test" });
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.statusText, response.ok]).toEqual([201, "Made", true]);
    expect(response.headers.get("x-answer")).toBe("42");
    expect(await response.text()).toBe('{"ok":true}');
  });

  it("keeps the connection alive: consecutive requests reuse one socket", async () => {
    const { port, received } = await httpServer((response) => response.end("{}"));
    let connections = 0;
    servers[0]!.on("connection", () => connections++);

    for (let index = 0; index < 3; index++) await nodeTransport(post(`http://127.0.0.1:${port}/`), { headers: {}, body: "x" });

    expect(received).toHaveLength(3);
    expect(connections).toBe(1);
  });

  it("reads a body of several chunks, with multi-byte characters split across them, as UTF-8 text", async () => {
    const text = `{"data":"${"é€😀".repeat(20_000)}"}`;
    const { port } = await httpServer((response) => response.end(text));

    const response = await nodeTransport(post(`http://127.0.0.1:${port}/`), { headers: {}, body: undefined });

    expect(await response.text()).toBe(text);
  });

  it("an https: URL is sent over TLS: the server receives a TLS handshake record", async () => {
    const { port, firstBytes } = await tcpServer(undefined, (socket) => socket.destroy());

    const error = await rejection(nodeTransport(post(`https://127.0.0.1:${port}/`), { headers: {}, body: "x" }));

    expect(error).toMatchObject({ name: "TypeError", message: "fetch failed" });
    // 0x16 is a TLS handshake record (the ClientHello), where plain HTTP would start with "POST".
    expect(firstBytes[0]![0]).toBe(0x16);
  });

  it("a refused connection rejects with TypeError('fetch failed') whose cause is Node's error", async () => {
    const port = await listen(createTcpServer());
    await new Promise((resolve) => servers.pop()!.close(resolve));

    const error = await rejection(nodeTransport(post(`http://127.0.0.1:${port}/`), { headers: {}, body: "x" }));

    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ message: "fetch failed", cause: { code: "ECONNREFUSED" } });
  });

  it("a connection lost in the middle of the body rejects with TypeError('fetch failed')", async () => {
    const { port } = await tcpServer("HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{\"partial", (socket) => socket.destroy());

    const error = await rejection(nodeTransport(post(`http://127.0.0.1:${port}/`), { headers: {}, body: "x" }));

    expect(error).toMatchObject({ name: "TypeError", message: "fetch failed" });
  });

  it("a response no Response can hold (status 999) rejects with TypeError('fetch failed') whose cause says why", async () => {
    const { port } = await tcpServer("HTTP/1.1 999 Odd\r\ncontent-length: 0\r\n\r\n");

    const error = await rejection(nodeTransport(post(`http://127.0.0.1:${port}/`), { headers: {}, body: "x" }));

    expect(error).toMatchObject({ name: "TypeError", message: "fetch failed", cause: { name: "RangeError" } });
  });

  it("an already-aborted signal rejects with its reason and sends nothing", async () => {
    const { port, received } = await httpServer((response) => response.end("{}"));
    const reason = new Error("gave up");

    const error = await rejection(nodeTransport(post(`http://127.0.0.1:${port}/`, AbortSignal.abort(reason)), { headers: {}, body: "x" }));

    expect(error).toBe(reason);
    expect(received).toEqual([]);
  });

  it("an abort while waiting for the response rejects with the signal's reason and closes the connection", async () => {
    const { port, received } = await httpServer(() => {});
    const controller = new AbortController();
    const reason = new Error("gave up");

    const pending = nodeTransport(post(`http://127.0.0.1:${port}/`, controller.signal), { headers: {}, body: "x" });
    while (received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const closed = once([...sockets][0]!, "close");
    controller.abort(reason);

    expect(await rejection(pending)).toBe(reason);
    await closed;
  });
});

describe("the transport a client uses", () => {
  it("createRestClient without `fetch` sends through node:http; with `fetch` it sends through that fetch", async () => {
    const { port, received } = await httpServer((response) => response.end("{}"));
    const options = { ...CREDENTIALS, host: "127.0.0.1", port, useTLS: false };

    await createRestClient(options).trigger("chat", "e", "x");
    await createRestClient({ ...options, fetch: globalThis.fetch }).trigger("chat", "e", "x");

    // The built-in fetch (undici) adds Fetch-standard headers that node:http never sends.
    expect(received.map((request) => request.headers["sec-fetch-mode"])).toEqual([undefined, "cors"]);
    const body = '{"name":"e","channels":["chat"],"data":"x"}';
    expect(received.map((request) => request.body)).toEqual([body, body]);
    expect(received[0]!.headers).toMatchObject({ "content-type": "application/json", "x-pusher-library": expect.stringMatching(/^@x\/rest /) });
  });

  it("an HTTP error's body, read by the transport, becomes the PusherHttpError's server message", async () => {
    const { port } = await httpServer((response) => response.writeHead(403, { "content-type": "text/plain" }).end("Application disabled"));
    const client = createRestClient({ ...CREDENTIALS, host: "127.0.0.1", port, useTLS: false });

    const error = await rejection(client.trigger("chat", "e", "x"));

    expect(isPusherHttpError(error)).toBe(true);
    expect(error).toMatchObject({ status: 403, serverMessage: "Application disabled" });
  });

  it("a GET whose connection is reset is retried as a network error, then fails with a PusherNetworkError", async () => {
    const { port, firstBytes } = await tcpServer(undefined, (socket) => socket.destroy());
    const client = createRestClient({ ...CREDENTIALS, host: "127.0.0.1", port, useTLS: false, retry: { limit: 2, backoffLimit: 1 } });

    const error = await rejection(client.channels());

    expect(isPusherNetworkError(error)).toBe(true);
    expect(firstBytes).toHaveLength(3);
  });

  it("a server slower than `timeout` gives a PusherTimeoutError, and the transport closes the connection", async () => {
    const { port, received } = await httpServer(() => {});
    const client = createRestClient({ ...CREDENTIALS, host: "127.0.0.1", port, useTLS: false, timeout: 50 });

    const pending = rejection(client.trigger("chat", "e", "x"));
    while (received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const closed = once([...sockets][0]!, "close");

    expect(isPusherTimeoutError(await pending)).toBe(true);
    await closed;
  });

  it("the node condition's module provides this transport; the portable one provides none, so ky uses the global fetch", () => {
    expect(runtimeTransport).toBe(nodeTransport);
    expect(portableTransport).toBeUndefined();
  });
});
