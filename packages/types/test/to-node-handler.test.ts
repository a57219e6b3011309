import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PusherConfigError, isPusherConfigError, toNodeHandler, type NodeRequestLike, type NodeResponseLike } from "../src/index.js";
import { isReencodedBody, readBodyWithLimit } from "../src/internal.js";

// What the handler saw of the request, as JSON: the adapter's output, checked field by field.
interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: number[];
  text: string;
}

async function echo(request: Request): Promise<Response> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  const seen: Seen = {
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers),
    body: [...bytes],
    text: new TextDecoder().decode(bytes),
  };
  return Response.json(seen);
}

/** A stand-in for a Node.js response that records what is written to it. */
class RecordingResponse implements NodeResponseLike {
  statusCode = 200;
  headersSent = false;
  headers = new Map<string, string | string[]>();
  body: Uint8Array | undefined;
  ended = false;

  setHeader(name: string, value: string | string[]): void {
    this.headers.set(name, value);
  }

  end(chunk?: Uint8Array): void {
    this.body = chunk;
    this.ended = true;
    this.headersSent = true;
  }

  json(): unknown {
    return JSON.parse(new TextDecoder().decode(this.body));
  }
}

async function* chunks(...parts: unknown[]): AsyncGenerator<unknown> {
  for (const part of parts) yield await Promise.resolve(part);
}

/** A request as node:http gives it: its body is an async iterable of chunks, not yet read. */
function nodeRequest(fields: Partial<NodeRequestLike>, ...body: unknown[]): NodeRequestLike {
  const stream = chunks(...body);
  return {
    method: "POST",
    url: "/pusher/auth",
    headers: { host: "app.example", "content-type": "application/x-www-form-urlencoded" },
    readableEnded: false,
    [Symbol.asyncIterator]: () => stream,
    ...fields,
  };
}

/** A request whose body a parser has already read to its end. */
function parsedRequest(contentType: string, body: unknown, extra: Partial<NodeRequestLike> = {}): NodeRequestLike {
  return nodeRequest({
    headers: { host: "app.example", "content-type": contentType, "content-length": "999" },
    readableEnded: true,
    body,
    ...extra,
  });
}

async function run(request: NodeRequestLike, handler: (request: Request) => Promise<Response> = echo): Promise<RecordingResponse> {
  const response = new RecordingResponse();
  await toNodeHandler(handler)(request, response);
  return response;
}

async function seen(request: NodeRequestLike): Promise<Seen> {
  const response = await run(request);
  expect(response.statusCode).toBe(200);
  return response.json() as Seen;
}

const encoder = new TextEncoder();

describe("toNodeHandler(handler) on a body nothing has read", () => {
  it("streams the exact bytes to the handler, with the method, headers and URL", async () => {
    const bytes = new Uint8Array([0x73, 0x3d, 0xff, 0x00, 0x80]); // not UTF-8: bytes pass as they are
    const result = await seen(
      nodeRequest({ headers: { host: "app.example:3000", "content-type": "application/json", "content-length": "5" } }, bytes),
    );
    expect(result.method).toBe("POST");
    expect(result.url).toBe("http://app.example:3000/pusher/auth");
    expect(result.headers["content-length"]).toBe("5");
    expect(result.body).toEqual([...bytes]);
  });

  it("joins chunks, encoding string chunks as UTF-8", async () => {
    const result = await seen(nodeRequest({}, encoder.encode("socket_id=1.1"), "&name=Ångström"));
    expect(result.text).toBe("socket_id=1.1&name=Ångström");
  });

  it("reads a chunk only when the handler asks for one, so the handler's limit stops the reading", async () => {
    let chunksRead = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        chunksRead++;
        yield await Promise.resolve(new Uint8Array(1024));
      }
    }
    const stream = endless();
    const response = await run(nodeRequest({ [Symbol.asyncIterator]: () => stream }), async (request) => {
      const body = await readBodyWithLimit(request, 4096);
      return new Response(null, { status: body.tooLarge ? 413 : 200 });
    });
    expect(response.statusCode).toBe(413);
    // 4 chunks fit; the 5th passes the limit. Nothing is read ahead of the handler.
    expect(chunksRead).toBe(5);
  });

  it("makes a body chunk that is neither bytes nor a string a read error for the handler", async () => {
    const response = await run(nodeRequest({}, { not: "bytes" }), async (request) => {
      await expect(request.arrayBuffer()).rejects.toThrow();
      return new Response("refused", { status: 400 });
    });
    expect(response.statusCode).toBe(400);
  });

  it("reads a Fastify request's body from its raw IncomingMessage", async () => {
    const raw = nodeRequest({}, "socket_id=1.1");
    const fastifyRequest: NodeRequestLike = { method: "POST", url: "/pusher/auth", headers: raw.headers, raw };
    expect((await seen(fastifyRequest)).text).toBe("socket_id=1.1");
  });

  it("sends no body for GET and HEAD, and HEAD gets no answer body", async () => {
    const get = await seen(nodeRequest({ method: "GET" }, "ignored"));
    expect(get).toMatchObject({ method: "GET", body: [] });
    const head = await run(nodeRequest({ method: "HEAD" }), () => Promise.resolve(new Response("body")));
    expect(head.statusCode).toBe(200);
    expect(head.body).toBeUndefined();
    expect(head.ended).toBe(true);
  });
});

describe("toNodeHandler(handler) on a body a framework kept", () => {
  it("uses req.rawBody, the exact bytes, before the parsed body", async () => {
    const raw = encoder.encode('{"time_ms":1,"events":[]}');
    const result = await seen(parsedRequest("application/json", { time_ms: 1, events: [] }, { rawBody: raw }));
    expect(result.text).toBe('{"time_ms":1,"events":[]}');
    // The original message's Content-Length (999) says nothing of the body handed on.
    expect(result.headers).not.toHaveProperty("content-length");
  });

  it("uses a string rawBody as its UTF-8 bytes", async () => {
    const result = await seen(parsedRequest("application/json", {}, { rawBody: '{"é":1}' }));
    expect(result.text).toBe('{"é":1}');
  });

  it("uses the bytes of express.raw() and the text of express.text() as they are", async () => {
    const bytes = new Uint8Array([1, 2, 255]);
    expect((await seen(parsedRequest("application/octet-stream", bytes))).body).toEqual([1, 2, 255]);
    expect((await seen(parsedRequest("text/plain", "socket_id=1.1"))).text).toBe("socket_id=1.1");
  });
});

describe("toNodeHandler(handler) on a body a framework parsed", () => {
  it("re-encodes parsed form fields as a form", async () => {
    const result = await seen(
      parsedRequest("application/x-www-form-urlencoded; charset=UTF-8", { socket_id: "1.1", channel_name: "private-a b&c" }),
    );
    expect(new URLSearchParams(result.text).get("channel_name")).toBe("private-a b&c");
    expect(Object.fromEntries(new URLSearchParams(result.text))).toEqual({ socket_id: "1.1", channel_name: "private-a b&c" });
  });

  it("repeats a field that a parser made into a list, as it arrived", async () => {
    const result = await seen(parsedRequest("application/x-www-form-urlencoded", { socket_id: ["1.1", "2.2"] }));
    expect(new URLSearchParams(result.text).getAll("socket_id")).toEqual(["1.1", "2.2"]);
  });

  it("re-encodes the fields of a null-prototype object (what querystring parsers make)", async () => {
    const fields = Object.assign(Object.create(null) as object, { socket_id: "1.1" });
    expect((await seen(parsedRequest("application/x-www-form-urlencoded", fields))).text).toBe("socket_id=1.1");
  });

  it("answers 400 for a form field parsed into a nested object or a non-string, rather than guess", async () => {
    for (const fields of [{ user: { name: "x" } }, { n: 1 }, { list: ["a", 2] }, ["a"], null]) {
      const response = await run(parsedRequest("application/x-www-form-urlencoded", fields));
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ error: expect.stringContaining("cannot be re-encoded faithfully") });
    }
  });

  it("re-encodes a parsed JSON value as JSON", async () => {
    const result = await seen(parsedRequest("application/json", { socket_id: "1.1", channel_name: "private-é" }));
    expect(JSON.parse(result.text)).toEqual({ socket_id: "1.1", channel_name: "private-é" });
    expect(result.headers).not.toHaveProperty("content-length");
  });

  it("answers 400 for a parsed JSON value that cannot be serialized again", async () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const value of [{ n: 1n }, cycle, () => undefined]) {
      const response = await run(parsedRequest("application/json", value));
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ error: "Bad Request: the parsed JSON body cannot be serialized again" });
    }
  });

  it("hands on no body for another media type (the SDK's handlers refuse it unread)", async () => {
    const result = await seen(parsedRequest("multipart/form-data; boundary=x", { field: "value" }));
    expect(result.body).toEqual([]);
  });

  it("re-encodes a parsed Fastify body (the raw stream read to its end)", async () => {
    const raw = parsedRequest("application/json", undefined);
    const fastifyRequest: NodeRequestLike = { method: "POST", url: "/hook", headers: raw.headers, raw, body: { a: "1" } };
    expect(await seen(fastifyRequest)).toMatchObject({ text: '{"a":"1"}' });
  });
});

describe("toNodeHandler(handler) when the body was read and kept nowhere", () => {
  const consumed = () => nodeRequest({ readableEnded: true });

  it("answers 500 with a message that says how to fix the route, when there is no next", async () => {
    const response = await run(consumed());
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: expect.stringMatching(/mount the route before any body parser, or keep the raw body/) });
  });

  it("passes a PusherConfigError to next when there is one (Express)", async () => {
    const next = vi.fn();
    const response = new RecordingResponse();
    await toNodeHandler(echo)(consumed(), response, next);
    expect(next).toHaveBeenCalledOnce();
    const error: unknown = next.mock.calls[0]![0];
    expect(isPusherConfigError(error) && error.option).toBe("body");
    expect(response.ended).toBe(false);
  });

  it("treats a request with neither a stream nor a body as read", async () => {
    const response = await run({ method: "POST", headers: {} });
    expect(response.statusCode).toBe(500);
  });
});

describe("toNodeHandler(handler) when the handler or the framework fails", () => {
  const throwing = () => Promise.reject(new Error("database password is hunter2"));

  it("answers 500 without the error's message when there is no next", async () => {
    const response = await run(nodeRequest({}, "x"), throwing);
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: "Internal Server Error" });
  });

  it("shows the message of a PusherConfigError the handler threw", async () => {
    const response = await run(nodeRequest({}, "x"), () => Promise.reject(new PusherConfigError("key", "key is missing")));
    expect(response.json()).toEqual({ error: "key is missing" });
  });

  it("passes the error to next, and resolves even when next throws", async () => {
    const next = vi.fn(() => {
      throw new Error("next failed");
    });
    await expect(toNodeHandler(throwing)(nodeRequest({}, "x"), new RecordingResponse(), next)).resolves.toBeUndefined();
    expect(next).toHaveBeenCalledWith(new Error("database password is hunter2"));
  });

  it("answers 500 itself when the third argument is not a function (a framework that passes something else)", async () => {
    const response = new RecordingResponse();
    const notNext = { not: "a function" } as unknown as () => void;
    await expect(toNodeHandler(throwing)(nodeRequest({}, "x"), response, notNext)).resolves.toBeUndefined();
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: "Internal Server Error" });
  });

  it("writes nothing more once the head of the answer was sent", async () => {
    const response = new RecordingResponse();
    response.headersSent = true;
    await toNodeHandler(throwing)(nodeRequest({}, "x"), response);
    expect(response.ended).toBe(false);
  });

  it("resolves when the response cannot be written at all", async () => {
    const broken: NodeResponseLike = {
      statusCode: 200,
      setHeader: () => {
        throw new Error("cannot write");
      },
      end: () => undefined,
    };
    await expect(toNodeHandler(echo)(nodeRequest({}, "x"), broken)).resolves.toBeUndefined();
  });
});

describe("toNodeHandler(handler) on requests fetch cannot represent", () => {
  it("answers 400 for a method that fetch forbids", async () => {
    const response = await run(nodeRequest({ method: "CONNECT" }, "x"));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: "Bad Request: it cannot be represented as a Web request" });
  });

  it("answers 400 for a header that Web headers refuse", async () => {
    const response = await run(nodeRequest({ headers: { "bad name": "x" } }, "x"));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: "Bad Request: its headers cannot be represented as Web headers" });
  });
});

describe("toNodeHandler(handler): URL and headers", () => {
  it("builds the URL from originalUrl (Express, before a router took its prefix) and the Host header", async () => {
    const result = await seen(nodeRequest({ url: "/auth", originalUrl: "/pusher/auth?x=1" }, ""));
    expect(result.url).toBe("http://app.example/pusher/auth?x=1");
  });

  it("uses https for a TLS socket, localhost without a usable Host, and / for a target that is no path", async () => {
    const tls = await seen(nodeRequest({ socket: { encrypted: true } }, ""));
    expect(tls.url).toBe("https://app.example/pusher/auth");
    const viaRaw = await seen({ method: "GET", headers: { host: "h" }, raw: nodeRequest({ socket: { encrypted: true } }) });
    expect(viaRaw.url).toBe("https://h/");
    expect((await seen(nodeRequest({ headers: { host: "bad host" }, url: "*" }, ""))).url).toBe("http://localhost/");
    expect((await seen(nodeRequest({ headers: {}, url: "http://elsewhere/x", socket: null }, ""))).url).toBe("http://localhost/");
    // No method at all (a bare object): a GET, with no body.
    expect(await seen({ headers: {} })).toMatchObject({ method: "GET", url: "http://localhost/", body: [] });
  });

  it("passes repeated header values, and leaves out HTTP/2 pseudo-headers and absent ones", async () => {
    const result = await seen(nodeRequest({ headers: { host: "h", ":path": "/x", "x-list": ["a", "b"], "x-none": undefined } }, ""));
    expect(result.headers["x-list"]).toBe("a, b");
    expect(result.headers).not.toHaveProperty(":path");
    expect(result.headers).not.toHaveProperty("x-none");
  });

  it("writes the status, every header, and each Set-Cookie separately", async () => {
    const headers = new Headers({ "content-type": "text/plain", "x-one": "1" });
    headers.append("set-cookie", "a=1");
    headers.append("set-cookie", "b=2");
    const response = await run(nodeRequest({}, ""), () => Promise.resolve(new Response("hi", { status: 201, headers })));
    expect(response.statusCode).toBe(201);
    expect(response.headers.get("x-one")).toBe("1");
    expect(response.headers.get("set-cookie")).toEqual(["a=1", "b=2"]);
    expect(new TextDecoder().decode(response.body)).toBe("hi");
  });
});

describe("toNodeHandler(handler) on a signed webhook", () => {
  const body = '{"time_ms":1,"events":[]}';
  const webhookHeaders = { host: "h", "content-type": "application/json", "x-pusher-key": "k", "x-pusher-signature": "ab12" };

  it("re-encodes a parsed body whatever its headers (X-Pusher-Signature is the client's to write), marked as re-encoded", async () => {
    const marks: boolean[] = [];
    const marking = (request: Request) => (marks.push(isReencodedBody(request)), echo(request));
    const next = vi.fn();

    const response = new RecordingResponse();
    await toNodeHandler(marking)(parsedRequest("application/json", JSON.parse(body), { headers: webhookHeaders }), response, next);
    await run(parsedRequest("application/json", JSON.parse(body), { headers: webhookHeaders, rawBody: encoder.encode(body) }), marking);
    await run(nodeRequest({ headers: webhookHeaders }, body), marking);

    expect([response.statusCode, (response.json() as Seen).text]).toEqual([200, body]);
    expect(next).not.toHaveBeenCalled();
    expect(marks).toEqual([true, false, false]);
  });

  it("hands on the exact bytes when they were kept, or the unread stream", async () => {
    const kept = await seen(
      parsedRequest("application/json", JSON.parse(body), { headers: webhookHeaders, rawBody: encoder.encode(body) }),
    );
    expect(kept.text).toBe(body);
    const streamed = await seen(nodeRequest({ headers: webhookHeaders }, body));
    expect(streamed.text).toBe(body);
  });
});

describe("toNodeHandler(handler) as a node:http listener", () => {
  let server: Server | undefined;

  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  async function listen(listener: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
    server = createServer(listener);
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("hands the handler the body a client sent, and the client the handler's answer", async () => {
    const adapter = toNodeHandler(echo);
    const url = await listen((request, response) => void adapter(request, response));
    const answer = await fetch(`${url}/pusher/auth?a=1`, {
      method: "POST",
      body: "socket_id=1.1",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const result = (await answer.json()) as Seen;
    expect(result).toMatchObject({ method: "POST", text: "socket_id=1.1" });
    expect(result.url).toBe(`${url}/pusher/auth?a=1`);
  });

  it("answers 413 to a chunked upload past the handler's limit, reading only a little of it", async () => {
    let bytesRead = Number.NaN;
    const url = await listen((request, response) => {
      const adapter = toNodeHandler(async (webRequest) => {
        const body = await readBodyWithLimit(webRequest, 1024);
        // What the server took from the connection when the handler gave up: the client goes
        // on sending up to 16 MB until it sees the answer.
        bytesRead = request.socket.bytesRead;
        return new Response(null, { status: body.tooLarge ? 413 : 200 });
      });
      void adapter(request, response);
    });
    const status = await new Promise<number>((resolve, reject) => {
      const upload = httpRequest(`${url}/`, { method: "POST", headers: { "content-type": "text/plain" } });
      upload.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
        upload.destroy();
      });
      upload.on("error", reject);
      // 64 KB chunks, up to 16 MB, for as long as the server has not answered.
      const chunk = "x".repeat(65_536);
      let sent = 0;
      const write = () => {
        while (!upload.destroyed && sent < 256 && upload.write(chunk)) sent++;
        if (!upload.destroyed && sent < 256) upload.once("drain", write);
      };
      write();
    });
    expect(status).toBe(413);
    expect(bytesRead).toBeLessThan(1024 * 1024);
  });

  it("never lets a client's Host header change the path the server routed (Host: h/admin?)", async () => {
    const adapter = toNodeHandler(echo);
    const url = await listen((request, response) => void adapter(request, response));
    const result = await new Promise<Seen>((resolve, reject) => {
      const sent = httpRequest(`${url}/pusher/auth?a=1`, { method: "POST", headers: { host: "h/admin?", "content-type": "text/plain" } });
      sent.on("response", (response) => {
        let text = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve(JSON.parse(text) as Seen));
      });
      sent.on("error", reject);
      sent.end("x");
    });
    expect(result.url).toBe("http://h/pusher/auth?a=1");
  });

  it("resolves, and the server goes on, when a client goes away in the middle of its body", async () => {
    let settled: Promise<void> | undefined;
    let readError: unknown;
    const adapter = toNodeHandler(async (webRequest) => {
      const body = await readBodyWithLimit(webRequest, 1_000_000).catch((error: unknown) => {
        readError = error;
        throw error;
      });
      return new Response(body.tooLarge ? null : new TextDecoder().decode(body.bytes));
    });
    const url = await listen((request, response) => {
      const done = adapter(request, response);
      settled ??= done;
    });
    await new Promise<void>((resolve) => {
      const upload = httpRequest(`${url}/`, { method: "POST", headers: { "content-type": "text/plain", "content-length": "100000" } });
      upload.on("error", () => resolve());
      upload.write("x".repeat(1000), () => setTimeout(() => upload.destroy(), 50));
    });
    await vi.waitFor(() => expect(settled).toBeDefined());
    await expect(settled).resolves.toBeUndefined();
    expect(readError).toBeInstanceOf(Error);
    // The server still answers.
    const answer = await fetch(`${url}/`, { method: "POST", body: "ok" });
    expect(await answer.text()).toBe("ok");
  });
});

// A request whose named field is a getter that throws, as a hostile or broken framework object may have.
function throwingField(name: keyof NodeRequestLike, base: NodeRequestLike = nodeRequest({}, "socket_id=1.1")): NodeRequestLike {
  return Object.defineProperty({ ...base }, name, {
    get() {
      throw new Error(`${String(name)} cannot be read; the secret is hunter2`);
    },
  });
}

describe("toNodeHandler(handler) on hostile request objects: it answers, and its promise never rejects", () => {
  it.each(["method", "url", "originalUrl", "headers", "body", "rawBody", "readableEnded", "raw", "socket"] as const)(
    "a %s that throws when read: 500 or 400, never the error's message",
    async (name) => {
      const response = new RecordingResponse();
      await expect(toNodeHandler(echo)(throwingField(name), response)).resolves.toBeUndefined();
      expect(response.ended).toBe(true);
      expect([400, 500]).toContain(response.statusCode);
      expect(new TextDecoder().decode(response.body)).not.toContain("hunter2");
    },
  );

  it("hands a getter's failure to next when there is one, and resolves", async () => {
    const next = vi.fn();
    const response = new RecordingResponse();
    await expect(toNodeHandler(echo)(throwingField("method"), response, next)).resolves.toBeUndefined();
    expect(next).toHaveBeenCalledOnce();
    expect(response.ended).toBe(false);
  });

  it("a body stream whose iterator cannot be made, or whose next() throws or yields no result object", async () => {
    const iterators: (() => AsyncIterator<unknown>)[] = [
      () => {
        throw new Error("no iterator: hunter2");
      },
      () => ({ next: () => Promise.reject(new Error("stream failed: hunter2")) }),
      () => ({ next: () => undefined as unknown as Promise<IteratorResult<unknown>> }),
    ];
    for (const iterator of iterators) {
      const response = await run(nodeRequest({ [Symbol.asyncIterator]: iterator }));
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({ error: "Internal Server Error" });
    }
  });

  it("a body stream that errors half-way: the handler sees a read error, the client no message of it", async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield await Promise.resolve(encoder.encode("socket_id="));
      throw new Error("ECONNRESET while reading; the secret is hunter2");
    }
    const stream = failing();
    let readError: unknown;
    const response = await run(nodeRequest({ [Symbol.asyncIterator]: () => stream }), async (request) => {
      readError = await readBodyWithLimit(request, 1024).catch((error: unknown) => error);
      throw readError;
    });
    expect(readError).toBeInstanceOf(Error);
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: "Internal Server Error" });
  });

  it("answers 400 for headers that are not a record of strings and lists of strings", async () => {
    const odd: unknown[] = [
      null,
      "host: x",
      { "x-n": 5 },
      { "x-o": { a: 1 } },
      { "x-crlf": "a\r\nx-injected: 1" },
      { "x-list": ["a", "b\nc"] },
    ];
    for (const headers of odd) {
      const response = await run(nodeRequest({ headers: headers as NodeRequestLike["headers"] }, "x"));
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ error: "Bad Request: its headers cannot be represented as Web headers" });
    }
  });

  it("takes a url or originalUrl that is not a string as absent", async () => {
    const weird = { toString: () => "/elsewhere", startsWith: () => true } as unknown as string;
    expect((await seen(nodeRequest({ originalUrl: weird, url: "/pusher/auth" }, ""))).url).toBe("http://app.example/pusher/auth");
    expect((await seen(nodeRequest({ url: 42 as unknown as string }, ""))).url).toBe("http://app.example/");
  });

  it("resolves when the response object throws from statusCode, headersSent or end, or when next and the response both fail", async () => {
    const hostile = Object.defineProperties(
      {},
      {
        statusCode: {
          set() {
            throw new Error("no status");
          },
          get() {
            throw new Error("no status");
          },
        },
        headersSent: {
          get() {
            throw new Error("no headersSent");
          },
        },
        setHeader: { value: () => undefined },
        end: {
          value: () => {
            throw new Error("no end");
          },
        },
      },
    ) as NodeResponseLike;
    await expect(toNodeHandler(echo)(nodeRequest({}, "x"), hostile)).resolves.toBeUndefined();
    await expect(toNodeHandler(echo)(throwingField("method"), hostile)).resolves.toBeUndefined();
  });

  it("resolves when the handler throws something hostile: a Proxy whose every trap throws", async () => {
    const trap = () => {
      throw new Error("trap: hunter2");
    };
    const hostileError = new Proxy(new Error("hostile"), {
      get: trap,
      has: trap,
      getPrototypeOf: trap,
      ownKeys: trap,
      getOwnPropertyDescriptor: trap,
    });
    const response = await run(nodeRequest({}, "x"), () => Promise.reject(hostileError));
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: "Internal Server Error" });
  });

  it("resolves when the handler returns no Response at all", async () => {
    const response = await run(nodeRequest({}, "x"), () => Promise.resolve(undefined as unknown as Response));
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: "Internal Server Error" });
  });

  it("answers a handler's Response whose body fails with a clean 500: none of the failed answer's status or headers", async () => {
    const failingBody = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error("body failed: hunter2"));
      },
    });
    const headers = new Headers({ "x-from-handler": "1", "content-length": "100" });
    headers.append("set-cookie", "session=abc");
    const response = await run(nodeRequest({}, "x"), () => Promise.resolve(new Response(failingBody, { status: 201, headers })));
    expect(response.statusCode).toBe(500);
    expect([...response.headers.keys()]).not.toContain("set-cookie");
    expect([...response.headers.keys()]).not.toContain("x-from-handler");
    expect([...response.headers.keys()]).not.toContain("content-length");
    expect(response.json()).toEqual({ error: "Internal Server Error" });
  });
});

describe("toNodeHandler(handler): the Host header names a host, never a path", () => {
  it.each([
    ["x/admin?", "http://x/pusher/auth?q=1"],
    ["x#", "http://x/pusher/auth?q=1"],
    ["x?y", "http://x/pusher/auth?q=1"],
    ["x\\admin", "http://x/pusher/auth?q=1"],
    ["user@x", "http://localhost/pusher/auth?q=1"],
    ["", "http://localhost/pusher/auth?q=1"],
    ["bad host", "http://localhost/pusher/auth?q=1"],
    ["APP.example:8443", "http://app.example:8443/pusher/auth?q=1"],
    ["[::1]:3000", "http://[::1]:3000/pusher/auth?q=1"],
  ])("Host %j: the handler sees %s", async (host, url) => {
    expect((await seen(nodeRequest({ headers: { host }, url: "/pusher/auth?q=1" }, ""))).url).toBe(url);
  });

  it("keeps a path that starts with two slashes a path of this host", async () => {
    expect((await seen(nodeRequest({ url: "//evil.example/x" }, ""))).url).toBe("http://app.example//evil.example/x");
  });
});

describe("toNodeHandler(handler) on a parsed body with hostile fields", () => {
  afterEach(() => {
    // Nothing a body carries may reach Object.prototype.
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("re-encodes an own __proto__ field (JSON.parse makes one) as a field, and pollutes nothing", async () => {
    const form = JSON.parse('{"__proto__":"x","socket_id":"1.1"}') as unknown;
    expect((await seen(parsedRequest("application/x-www-form-urlencoded", form))).text).toBe("__proto__=x&socket_id=1.1");
    const json = '{"__proto__":{"polluted":true},"socket_id":"1.1"}';
    expect((await seen(parsedRequest("application/json", JSON.parse(json)))).text).toBe(json);
  });

  it("answers 400 for a form whose __proto__ field is an object", async () => {
    const response = await run(parsedRequest("application/x-www-form-urlencoded", JSON.parse('{"__proto__":{"polluted":"1"}}')));
    expect(response.statusCode).toBe(400);
  });

  it("re-encodes only a body's own fields, none it inherits", async () => {
    const inherited = Object.assign(Object.create({ channel_name: "private-admin-ops" }) as object, { socket_id: "1.1" });
    expect((await seen(parsedRequest("application/x-www-form-urlencoded", inherited))).text).toBe("socket_id=1.1");
    expect((await seen(parsedRequest("application/json", inherited))).text).toBe('{"socket_id":"1.1"}');
  });

  it("answers 400 for a parsed body whose fields throw when read (a getter, a Proxy, a toJSON)", async () => {
    const getter = Object.defineProperty({}, "socket_id", {
      enumerable: true,
      get() {
        throw new Error("getter: hunter2");
      },
    });
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("ownKeys: hunter2");
        },
      },
    );
    const toJSON = {
      toJSON() {
        throw new Error("toJSON: hunter2");
      },
    };
    for (const [mediaType, value] of [
      ["application/x-www-form-urlencoded", getter],
      ["application/x-www-form-urlencoded", proxy],
      ["application/json", getter],
      ["application/json", proxy],
      ["application/json", toJSON],
    ] as const) {
      const response = await run(parsedRequest(mediaType, value));
      expect(response.statusCode).toBe(400);
      expect(new TextDecoder().decode(response.body)).not.toContain("hunter2");
    }
  });
});

describe("toNodeHandler(handler) and the handler's body limit", () => {
  it("reads nothing of a body the handler does not read", async () => {
    let chunksRead = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        chunksRead++;
        yield await Promise.resolve(new Uint8Array(1024));
      }
    }
    const stream = endless();
    const response = await run(nodeRequest({ [Symbol.asyncIterator]: () => stream }), () =>
      Promise.resolve(new Response(null, { status: 415 })),
    );
    expect(response.statusCode).toBe(415);
    expect(chunksRead).toBe(0);
  });

  it("passes the declared Content-Length of an unread body on, so that a body declared too large is refused unread", async () => {
    let chunksRead = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        chunksRead++;
        yield await Promise.resolve(new Uint8Array(1024));
      }
    }
    const stream = endless();
    const headers = { host: "h", "content-type": "application/json", "content-length": String(2 ** 40) };
    const response = await run(nodeRequest({ headers, [Symbol.asyncIterator]: () => stream }), async (request) => {
      const body = await readBodyWithLimit(request, 4096);
      return new Response(null, { status: body.tooLarge ? 413 : 200 });
    });
    expect(response.statusCode).toBe(413);
    expect(chunksRead).toBe(0);
  });

  it("hands a single huge chunk on as one chunk, which the handler's limit refuses", async () => {
    const response = await run(nodeRequest({}, new Uint8Array(8 * 1024 * 1024)), async (request) => {
      const body = await readBodyWithLimit(request, 4096);
      return new Response(null, { status: body.tooLarge ? 413 : 200 });
    });
    expect(response.statusCode).toBe(413);
  });
});
