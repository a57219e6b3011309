import { getEventListeners, once } from "node:events";
import {
  Agent as HttpAgent,
  createServer as createHttpServer,
  type ClientRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from "node:net";
import { isPusherHttpError, isPusherNetworkError, isPusherResponseError, isPusherTimeoutError } from "@x/types";
import { afterEach, describe, expect, it } from "vitest";
import { createRestClient } from "../src/index.js";
import { nodeTransport, runtimeTransport } from "../src/transport/transport-node.js";
import type { WireParts } from "../src/transport/transport.js";
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

/** What the client hands the transport for `request`: where it goes, its headers and body. */
function wire(request: Request, parts: Partial<WireParts> = {}): WireParts {
  const url = new URL(request.url);
  return {
    origin: { tls: url.protocol === "https:", hostname: url.hostname, port: url.port },
    path: url.pathname + url.search,
    headers: {},
    body: "x",
    maxResponseBytes: 1_000_000,
    exchange: { method: "POST", url: request.url, signature: "a-signature", sent: false, answerText: "" },
    ...parts,
  };
}

/** Sends `request` through the transport with `parts` as its wire parts. */
function send(request: Request, parts: Partial<WireParts> = {}) {
  return nodeTransport(request, wire(request, parts));
}

/** Waits until the servers of this test hold no open connection. */
async function expectEveryConnectionClosed(): Promise<void> {
  for (let waited = 0; sockets.size > 0 && waited < 2_000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(sockets.size).toBe(0);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("the call should have failed"),
    (error: unknown) => error,
  );
}

describe("nodeTransport(request, wire)", () => {
  it("sends the request's method and the wire's path, headers and body, and resolves with a real Response of the server's status and headers, its text on the exchange", async () => {
    const { port, received } = await httpServer((response) =>
      response.writeHead(201, "Made", { "content-type": "application/json", "retry-after": "2", "x-answer": "42" }).end('{"ok":true}'),
    );
    const parts = wire(post(`http://127.0.0.1:${port}/apps/3/events?a=1&b=2`), {
      headers: { "content-type": "application/json", "x-pusher-library": "test" },
      body: '{"name":"e"}',
    });

    const response = await nodeTransport(post(`http://127.0.0.1:${port}/apps/3/events?a=1&b=2`), parts);

    expect(received).toEqual([expect.objectContaining({ method: "POST", url: "/apps/3/events?a=1&b=2", body: '{"name":"e"}' })]);
    expect(received[0]!.headers).toMatchObject({ "content-type": "application/json", "x-pusher-library": "test" });
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.ok]).toEqual([201, true]);
    // The headers ky and the client read: the content type and the waits of a 429 or 503.
    expect(response.headers.get("Content-Type")).toBe("application/json");
    expect(response.headers.get("Retry-After")).toBe("2");
    expect(response.headers.get("x-missing")).toBeNull();
    // The body was read once, into the exchange: ky is handed none to read again.
    expect(response.body).toBeNull();
    expect(parts.exchange.answerText).toBe('{"ok":true}');
  });

  it("keeps the connection alive: consecutive requests reuse one socket", async () => {
    const { port, received } = await httpServer((response) => response.end("{}"));
    let connections = 0;
    servers[0]!.on("connection", () => connections++);

    for (let index = 0; index < 3; index++) await send(post(`http://127.0.0.1:${port}/`));

    expect(received).toHaveLength(3);
    expect(connections).toBe(1);
  });

  it("reads a body of several chunks, with multi-byte characters split across them, as UTF-8 text", async () => {
    const text = `{"data":"${"é€😀".repeat(20_000)}"}`;
    const { port } = await httpServer((response) => response.end(text));

    const parts = wire(post(`http://127.0.0.1:${port}/`), { body: undefined });

    await nodeTransport(post(`http://127.0.0.1:${port}/`), parts);

    expect(parts.exchange.answerText).toBe(text);
  });

  it("an https: URL is sent over TLS: the server receives a TLS handshake record", async () => {
    const { port, firstBytes } = await tcpServer(undefined, (socket) => socket.destroy());

    const error = await rejection(send(post(`https://127.0.0.1:${port}/`)));

    expect(error).toMatchObject({ name: "TypeError", message: "fetch failed" });
    // 0x16 is a TLS handshake record (the ClientHello), where plain HTTP would start with "POST".
    expect(firstBytes[0]![0]).toBe(0x16);
  });

  it("a refused connection rejects with TypeError('fetch failed') whose cause is Node's error, not marked sent", async () => {
    const port = await listen(createTcpServer());
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const parts = wire(post(`http://127.0.0.1:${port}/`));

    const error = await rejection(nodeTransport(post(`http://127.0.0.1:${port}/`), parts));

    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ message: "fetch failed", cause: { code: "ECONNREFUSED" } });
    expect(parts.exchange.sent).toBe(false);
  });

  it("a connection lost in the middle of the body rejects with TypeError('fetch failed')", async () => {
    const { port } = await tcpServer('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{"partial', (socket) => socket.destroy());

    const error = await rejection(send(post(`http://127.0.0.1:${port}/`)));

    expect(error).toMatchObject({ name: "TypeError", message: "fetch failed" });
  });

  it("a 101 Switching Protocols to a request that asked for no upgrade rejects at once with TypeError('fetch failed'), connection closed", async () => {
    // Node drops such a connection without an error of its own: without a listener for it, the
    // exchange would wait for the timeout.
    const { port } = await tcpServer("HTTP/1.1 101 Switching Protocols\r\nupgrade: x\r\nconnection: upgrade\r\n\r\n{}");

    // Bounded, so that a transport that waits forever fails this test in 2 s, not at its timeout.
    const error = await rejection(send(post(`http://127.0.0.1:${port}/`, AbortSignal.timeout(2_000))));

    expect(error).toMatchObject({ name: "TypeError", message: "fetch failed", cause: { code: "ECONNRESET" } });
    expect(String((error as Error).cause)).toContain("the connection closed without an answer");
    await expectEveryConnectionClosed();
  });

  it("an answer with a status no Response can hold (999) rejects with a PusherHttpError of that status and the server's words", async () => {
    const { port } = await tcpServer("HTTP/1.1 999 Odd\r\ncontent-length: 4\r\n\r\nodd!");

    const error = await rejection(send(post(`http://127.0.0.1:${port}/`)));

    expect(isPusherHttpError(error)).toBe(true);
    expect(error).toMatchObject({ status: 999, serverMessage: "odd!", retryable: false });
  });

  it("a 204 resolves with a Response without a body", async () => {
    const { port } = await httpServer((response) => response.writeHead(204).end());

    const response = await send(post(`http://127.0.0.1:${port}/`));

    expect([response.status, response.body]).toEqual([204, null]);
  });

  it("a reason phrase a Response would refuse is left out: the answer is handed over", async () => {
    const { port } = await tcpServer("HTTP/1.1 200 O\x01K\r\ncontent-length: 2\r\n\r\n{}");

    const parts = wire(post(`http://127.0.0.1:${port}/`));

    const response = await nodeTransport(post(`http://127.0.0.1:${port}/`), parts);

    expect([response.status, parts.exchange.answerText]).toEqual([200, "{}"]);
  });

  it("a Content-Length past maxResponseBytes rejects with a PusherResponseError before reading, and closes the connection", async () => {
    const { port } = await tcpServer("HTTP/1.1 200 OK\r\ncontent-length: 2000\r\n\r\n{");
    const request = post(`http://127.0.0.1:${port}/apps/3/channels?auth_signature=abc`);

    const error = await rejection(send(request, { maxResponseBytes: 1000 }));

    expect(isPusherResponseError(error)).toBe(true);
    expect(error).toMatchObject({ code: "response_too_large", status: 200, method: "POST" });
    expect(String(error)).toContain("maxResponseBytes (1000)");
    expect(String(error)).not.toContain("abc");
    await expectEveryConnectionClosed();
  });

  it("a chunked body that grows past maxResponseBytes stops being read: PusherResponseError, connection closed", async () => {
    let written = 0;
    const { port } = await httpServer((response) => {
      response.writeHead(200, { "content-type": "application/json" });
      const drip = setInterval(() => {
        written += 1024;
        if (!response.write("x".repeat(1024))) return;
      }, 1);
      response.on("close", () => clearInterval(drip));
    });

    const error = await rejection(send(post(`http://127.0.0.1:${port}/`), { maxResponseBytes: 10_000 }));

    expect(error).toMatchObject({ name: "PusherResponseError", code: "response_too_large" });
    await expectEveryConnectionClosed();
    const writtenWhenClosed = written;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(written).toBe(writtenWhenClosed);
  });

  it("a POST on a kept-alive connection that the server closes after reading it is not sent again: it rejects, and the call is marked sent", async () => {
    const bodies: string[] = [];
    // Answers the first request and keeps the connection; reads the second, then drops it
    // unanswered, as a server that processed it and died before answering.
    const port = await listen(
      createTcpServer((socket) =>
        socket.on("data", (data: Buffer) => {
          bodies.push(data.toString("utf8").split("\r\n\r\n")[1] ?? "");
          if (bodies.length === 1) socket.write("HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\n{}");
          else socket.destroy();
        }),
      ),
    );
    await send(post(`http://127.0.0.1:${port}/`), { body: "one" });
    const second = wire(post(`http://127.0.0.1:${port}/`), { body: "two" });

    const error = await rejection(nodeTransport(post(`http://127.0.0.1:${port}/`), second));

    expect(error).toMatchObject({ name: "TypeError", message: "fetch failed", cause: { code: "ECONNRESET" } });
    expect(second.exchange.sent).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bodies).toEqual(["one", "two"]);
  });

  it("a request that fails before all of it has left (a body the server never reads, reset at its first bytes) is not marked sent", async () => {
    const { port, firstBytes } = await tcpServer(undefined, (socket) => socket.resetAndDestroy());
    const parts = wire(post(`http://127.0.0.1:${port}/`), { body: "x".repeat(16 * 1024 * 1024) });

    const error = await rejection(nodeTransport(post(`http://127.0.0.1:${port}/`), parts));

    expect(error).toMatchObject({ name: "TypeError", message: "fetch failed" });
    expect(firstBytes).toHaveLength(1);
    expect(parts.exchange.sent).toBe(false);
  });

  it("a reset on a new connection is not retried: it rejects with the reset", async () => {
    const { port, firstBytes } = await tcpServer(undefined, (socket) => socket.destroy());

    // Bounded, so that a transport that waits forever fails this test in 2 s, not at its timeout.
    const error = await rejection(send(post(`http://127.0.0.1:${port}/`, AbortSignal.timeout(2_000))));

    expect(error).toMatchObject({ name: "TypeError", message: "fetch failed", cause: { code: "ECONNRESET" } });
    expect(firstBytes).toHaveLength(1);
  });

  it("an already-aborted signal rejects with its reason and sends nothing", async () => {
    const { port, received } = await httpServer((response) => response.end("{}"));
    const reason = new Error("gave up");

    const error = await rejection(send(post(`http://127.0.0.1:${port}/`, AbortSignal.abort(reason))));

    expect(error).toBe(reason);
    expect(received).toEqual([]);
  });

  it("an exchange that has settled keeps nothing on the request's signal: no abort listener holds it", async () => {
    const { port } = await httpServer((response) => response.end("{}"));
    const answered = post(`http://127.0.0.1:${port}/`);
    const refused = post(`http://127.0.0.1:${port}/`);

    await send(answered);
    await rejection(send(refused, { maxResponseBytes: 1 }));

    expect([getEventListeners(answered.signal, "abort"), getEventListeners(refused.signal, "abort")]).toEqual([[], []]);
  });

  it("an abort while waiting for the response rejects with the signal's reason and closes the connection", async () => {
    const { port, received } = await httpServer(() => {});
    const controller = new AbortController();
    const reason = new Error("gave up");

    const pending = send(post(`http://127.0.0.1:${port}/`, controller.signal));
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
    expect(received[0]!.headers).toMatchObject({
      "content-type": "application/json",
      "x-pusher-library": expect.stringMatching(/^@x\/rest /),
    });
  });

  it("a POST through node:http names its Content-Length in the headers it is made with (what nock's reqheaders see); a GET none", async () => {
    const { port, received } = await httpServer((response) => response.end("{}"));
    // Node hands its agent each request it makes, headers set, before the body is written.
    const agent = new HttpAgent({ keepAlive: true }) as HttpAgent & { addRequest: (request: ClientRequest, ...rest: unknown[]) => void };
    const declared: unknown[] = [];
    const addRequest = agent.addRequest.bind(agent);
    agent.addRequest = (request, ...rest) => {
      declared.push(request.getHeader("content-length"));
      addRequest(request, ...rest);
    };
    const client = createRestClient({ ...CREDENTIALS, host: "127.0.0.1", port, useTLS: false, agent });

    await client.trigger("chat", "é", "x");
    await client.channels();
    agent.destroy();

    expect(declared).toEqual([String(Buffer.byteLength(received[0]!.body)), undefined]);
    expect(received[0]!.headers["content-length"]).toBe(String(Buffer.byteLength(received[0]!.body)));
  });

  it('terminateUserConnections(".."), channel(".") and channel("..") are refused before sending, through node:http and through fetch', async () => {
    const { port, received } = await httpServer((response) => response.end("{}"));
    const options = { ...CREDENTIALS, host: "127.0.0.1", port, useTLS: false };

    for (const client of [createRestClient(options), createRestClient({ ...options, fetch: globalThis.fetch })]) {
      for (const call of [client.terminateUserConnections(".."), client.channel("."), client.channel("..")]) {
        expect(await rejection(call)).toMatchObject({ name: "PusherValidationError", code: "invalid_params", field: "path" });
      }
    }

    expect(received).toEqual([]);
  });

  it("a 2xx answer that is not JSON, without a Content-Type, is refused as no answer of the API and says it had none", async () => {
    const { port } = await tcpServer("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nOK");
    const client = createRestClient({ ...CREDENTIALS, host: "127.0.0.1", port, useTLS: false });

    const error = await rejection(client.trigger("chat", "e", "x"));

    expect(error).toMatchObject({ name: "PusherResponseError", code: "invalid_response" });
    expect((error as Error).message).toContain("not a Pusher API answer (no content type, 2 characters)");
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
    const { port } = await httpServer(() => {});
    const client = createRestClient({ ...CREDENTIALS, host: "127.0.0.1", port, useTLS: false, timeout: 50 });

    // On a loaded machine the timeout may fire before the server has even read the request:
    // what matters is the error, and that no connection is left open.
    expect(isPusherTimeoutError(await rejection(client.trigger("chat", "e", "x")))).toBe(true);
    await expectEveryConnectionClosed();
  });

  it("the node condition's module provides this transport; the portable one sends through the runtime's fetch", () => {
    expect(runtimeTransport).toBe(nodeTransport);
    expect(portableTransport).not.toBe(nodeTransport);
  });
});
