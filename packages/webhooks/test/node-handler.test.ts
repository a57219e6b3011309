import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWebhookHandler, toNodeHandler, type WebhookEvent } from "../src/index.js";
import { signBody } from "./support/webhook-fixtures.js";

// createWebhookHandler mounted with toNodeHandler on a real node:http server, behind stand-ins
// for the body parsers of Express and Fastify: the signature is checked against the bytes that
// arrived when they are at hand, and a webhook only a parser's object is left of is refused (400,
// with the reason), never verified as a re-serialisation.

const app = { key: "app-key", secret: "app-secret-c0ffee" };
const body = JSON.stringify({ time_ms: Date.now(), events: [{ name: "channel_occupied", channel: "presence-room" }] });
const signed = { "x-pusher-key": app.key, "x-pusher-signature": signBody(app.secret, body) };

type Parser = (request: IncomingMessage & { body?: unknown; rawBody?: unknown }) => Promise<void>;

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// What each framework setup leaves on the request before the route runs.
const PARSERS: Record<string, Parser> = {
  none: () => Promise.resolve(),
  "a JSON parser that keeps the raw body (express.json({ verify }))": async (request) => {
    const raw = await readAll(request);
    request.rawBody = raw;
    request.body = JSON.parse(raw.toString("utf8")) as unknown;
  },
  "a raw parser (express.raw())": async (request) => {
    request.body = await readAll(request);
  },
  "a text parser (express.text())": async (request) => {
    request.body = (await readAll(request)).toString("utf8");
  },
};

let server: Server;
let url: string;
let parser: Parser = PARSERS.none!;
const events: WebhookEvent[] = [];
const errors: unknown[] = [];

beforeAll(async () => {
  const listener = toNodeHandler(
    createWebhookHandler({
      credentials: app,
      // The same delivery goes through each parser: every one must reach onEvent.
      deliveryStore: false,
      onEvent: (event) => {
        events.push(event);
      },
      onError: (error) => {
        errors.push(error);
      },
    }),
  );
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void parser(request).then(() => listener(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pusher/webhooks`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  events.length = 0;
  errors.length = 0;
});

// Sends `path` a POST whose declared 100-byte body comes a byte a second; resolves with what the
// server answered, when, and whether it closed the connection, once it has (or after 5 s).
async function dripOneBytePerSecond(
  port: number,
  path: string,
  contentType: string,
): Promise<{ answer: string; answeredAfterMs: number; closed: boolean }> {
  const socket = connect(port, "127.0.0.1");
  const started = Date.now();
  let answer = "";
  let answeredAfterMs = -1;
  socket.setEncoding("utf8").on("data", (chunk: string) => {
    if (answer === "") answeredAfterMs = Date.now() - started;
    answer += chunk;
  });
  socket.on("error", () => {});
  socket.write(`POST ${path} HTTP/1.1\r\nhost: h\r\ncontent-type: ${contentType}\r\ncontent-length: 100\r\n\r\n`);
  const drip = setInterval(() => socket.write("a"), 1_000);
  const closed = await Promise.race([
    once(socket, "close").then(() => true),
    new Promise<boolean>((resolve) => setTimeout(resolve, 5_000, false)),
  ]);
  clearInterval(drip);
  socket.destroy();
  return { answer, answeredAfterMs, closed };
}

const post = (text: string, headers: Record<string, string>) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: text });

describe.each(Object.keys(PARSERS))("createWebhookHandler through toNodeHandler, behind %s", (name) => {
  beforeEach(() => {
    parser = PARSERS[name]!;
  });

  it("accepts a signed webhook: 200, and the events reach onEvent", async () => {
    const response = await post(body, signed);
    expect(response.status).toBe(200);
    expect(events).toEqual([{ name: "channel_occupied", channel: "presence-room" }]);
  });

  it("refuses a tampered webhook with 401, and no event reaches onEvent", async () => {
    const response = await post(body.replace("presence-room", "presence-roon"), signed);
    expect(response.status).toBe(401);
    expect(events).toEqual([]);
  });
});

describe("createWebhookHandler through toNodeHandler, against a client that sends its body a byte a second", () => {
  it("answers 408 once bodyTimeoutMs has passed, and closes the connection", async () => {
    const listener = toNodeHandler(createWebhookHandler({ credentials: app, onEvent: () => {}, bodyTimeoutMs: 1_000 }));
    const slow = createServer((request, response) => void listener(request, response));
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    try {
      const { answer, answeredAfterMs, closed } = await dripOneBytePerSecond(
        (slow.address() as AddressInfo).port,
        "/pusher/webhooks",
        "application/json",
      );

      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answeredAfterMs).toBeGreaterThanOrEqual(990);
      expect(answeredAfterMs).toBeLessThan(2_000);
      expect(closed).toBe(true);
      console.log(
        `webhook handler, a body at 1 byte/s, bodyTimeoutMs 1000: HTTP 408 after ${answeredAfterMs} ms, connection closed by the server`,
      );
    } finally {
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });
});

describe("createWebhookHandler through toNodeHandler, behind a JSON parser that keeps nothing else", () => {
  beforeEach(() => {
    parser = async (request) => {
      request.body = JSON.parse((await readAll(request)).toString("utf8")) as unknown;
    };
  });

  it("answers 400 with a message that says to keep the raw body, even for a correctly signed webhook", async () => {
    const response = await post(body, signed);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "Bad Request: keep the raw body (req.rawBody)" });
    // Nothing is verified, no event is delivered.
    expect(events).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("answers the same to a tampered one: nothing about the body is checked", async () => {
    expect((await post(body.replace("presence-room", "x"), signed)).status).toBe(400);
  });
});
