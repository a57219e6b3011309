import { once } from "node:events";
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { parse as parseQueryString } from "node:querystring";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAuthHandler, toNodeHandler } from "../src/index.js";

// createAuthHandler mounted with toNodeHandler on a real node:http server, behind stand-ins for
// the body parsers of Express and Fastify: the same signatures (PROTOCOL §5 vectors) whether the
// handler reads the body itself or a parser read it first.

const docs = { key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" };
const PRIVATE_AUTH = "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4";
const USER_AUTH = "278d425bdf160c739803:4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba";

type Parser = (request: IncomingMessage & { body?: unknown }) => Promise<void>;

async function readAll(request: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of request) text += String(chunk);
  return text;
}

const isType = (request: IncomingMessage, type: string) => (request.headers["content-type"] ?? "").startsWith(type);

// What each framework setup leaves on the request before the route runs. The form parser is
// node:querystring, which body-parser's `extended: false` resembles: a repeated field becomes a
// list, and the object has no prototype.
const PARSERS: Record<string, Parser> = {
  "no parser": () => Promise.resolve(),
  "form and JSON parsers (express.urlencoded(), express.json(), Fastify's)": async (request) => {
    if (isType(request, "application/x-www-form-urlencoded")) request.body = parseQueryString(await readAll(request));
    else if (isType(request, "application/json")) request.body = JSON.parse(await readAll(request)) as unknown;
  },
  "a text parser (express.text({ type: '*/*' }))": async (request) => {
    request.body = await readAll(request);
  },
};

let server: Server;
let url: string;
let parser: Parser = PARSERS["no parser"]!;

beforeAll(async () => {
  const listener = toNodeHandler(
    createAuthHandler({
      ...docs,
      onChannelAuthorization: ({ channelName, request }) =>
        request.headers.get("authorization") === "Bearer alice" && channelName !== "private-admin",
      onUserAuthentication: ({ request }) => (request.headers.get("authorization") === "Bearer alice" ? { id: "12345" } : false),
      maxBodyBytes: 1024,
    }),
  );
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void parser(request).then(() => listener(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pusher/auth`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
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

function post(body: string, contentType = "application/x-www-form-urlencoded", user = "alice"): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": contentType, authorization: `Bearer ${user}` }, body });
}

describe.each(Object.keys(PARSERS))("createAuthHandler through toNodeHandler, behind %s", (name) => {
  beforeEach(() => {
    parser = PARSERS[name]!;
  });

  it("signs pusher-js's channel authorization form: the vector's auth", async () => {
    const response = await post("socket_id=1234.1234&channel_name=private-foobar");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ auth: PRIVATE_AUTH });
  });

  it("signs pusher-js's user authentication form: the vector's auth and user_data", async () => {
    expect(await (await post("socket_id=1234.1234")).json()).toEqual({ auth: USER_AUTH, user_data: '{"id":"12345"}' });
  });

  it("signs a JSON body the same way", async () => {
    const response = await post(JSON.stringify({ socket_id: "1234.1234", channel_name: "private-foobar" }), "application/json");
    expect(await response.json()).toEqual({ auth: PRIVATE_AUTH });
  });

  it("answers 403 to what the application refuses, from the request's headers", async () => {
    expect((await post("socket_id=1234.1234&channel_name=private-admin")).status).toBe(403);
    expect((await post("socket_id=1234.1234&channel_name=private-foobar", undefined, "mallory")).status).toBe(403);
  });

  it("answers 400 to a field given twice, as it arrived", async () => {
    const response = await post("socket_id=1234.1234&channel_name=private-foobar&channel_name=private-admin");
    expect(response.status).toBe(400);
  });

  it("ignores an X-Pusher-Signature header the client chose: the same signature, never a 500", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: "Bearer alice", "x-pusher-signature": "ab12" },
      body: "socket_id=1234.1234&channel_name=private-foobar",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ auth: PRIVATE_AUTH });
  });
});

describe("createAuthHandler through toNodeHandler, with no parser in front", () => {
  beforeEach(() => {
    parser = PARSERS["no parser"]!;
  });

  it("answers a chunked upload that grows past maxBodyBytes with 413", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const upload = httpRequest(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" } });
      upload.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      upload.on("error", reject);
      upload.write("socket_id=1.1&p=");
      upload.end("x".repeat(4096));
    });
    expect(status).toBe(413);
  });

  it("answers GET with 405", async () => {
    expect((await fetch(url)).status).toBe(405);
  });

  it("answers a body sent a byte a second with 408 once bodyTimeoutMs has passed, and closes the connection", async () => {
    const listener = toNodeHandler(createAuthHandler({ ...docs, onChannelAuthorization: () => true, bodyTimeoutMs: 1_000 }));
    const slow = createServer((request, response) => void listener(request, response));
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    try {
      const { answer, answeredAfterMs, closed } = await dripOneBytePerSecond(
        (slow.address() as AddressInfo).port,
        "/pusher/auth",
        "application/x-www-form-urlencoded",
      );

      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toMatch(/"Request Timeout"/);
      expect(answeredAfterMs).toBeGreaterThanOrEqual(990);
      expect(answeredAfterMs).toBeLessThan(2_000);
      expect(closed).toBe(true);
      console.log(
        `auth handler, a body at 1 byte/s, bodyTimeoutMs 1000: HTTP 408 after ${answeredAfterMs} ms, connection closed by the server`,
      );
    } finally {
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });
});

describe("createAuthHandler through toNodeHandler, behind a parser that keeps nothing", () => {
  it("answers 500 with a message that says how to mount the route", async () => {
    parser = async (request) => {
      await readAll(request);
    };
    const response = await post("socket_id=1234.1234&channel_name=private-foobar");
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: expect.stringContaining("mount the route before any body parser") });
  });
});
