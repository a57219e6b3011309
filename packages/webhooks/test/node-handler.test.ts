import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWebhookHandler, toNodeHandler, type WebhookEvent } from "../src/index.js";
import { signBody } from "./support/webhook-fixtures.js";

// createWebhookHandler mounted with toNodeHandler on a real node:http server, behind stand-ins
// for the body parsers of Express and Fastify: the signature is checked against the bytes that
// arrived when they are at hand, and a webhook only a parser's object is left of is refused (500),
// never verified as a re-serialisation.

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

describe("createWebhookHandler through toNodeHandler, behind a JSON parser that keeps nothing else", () => {
  beforeEach(() => {
    parser = async (request) => {
      request.body = JSON.parse((await readAll(request)).toString("utf8")) as unknown;
    };
  });

  it("answers 500 with a message that says to keep the raw body, even for a correctly signed webhook", async () => {
    const response = await post(body, signed);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: expect.stringContaining("keep the raw body (req.rawBody) or mount the route before the parser") });
    // The handler is never asked: nothing is verified, no event is delivered.
    expect(events).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("answers the same to a tampered one: nothing about the body is checked", async () => {
    expect((await post(body.replace("presence-room", "x"), signed)).status).toBe(500);
  });
});
