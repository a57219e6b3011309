import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  isPusherAbortError,
  isPusherError,
  isPusherHttpError,
  isPusherNetworkError,
  isPusherResponseError,
  isPusherTimeoutError,
  type PusherHttpError,
} from "@x/types";
import { beforeAll, describe, expect, it } from "vitest";
import { createRestClient, type RestClientOptions } from "../src/index.js";
import { fakeFetch, json, never, text, type Responder } from "./support/fake-fetch.js";
import { expectNoSecrets } from "./support/secrets.js";

const SECRET = "7ad3773142a6692b25b8";
const CREDENTIALS = { appId: "3", key: "278d425bdf160c739803", secret: SECRET };

function clientAnswering(respond: Responder, options: Partial<RestClientOptions> = {}) {
  const fake = fakeFetch(respond);
  return { client: createRestClient({ ...CREDENTIALS, fetch: fake.fetch, ...options }), requests: fake.requests };
}

function signatureSent(url: string): string {
  return new URL(url).searchParams.get("auth_signature") ?? "";
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("the call should have failed"),
    (error: unknown) => error,
  );
}

describe("HTTP failures", () => {
  it.each([
    [400, "Unknown event: too many channels", false],
    [401, "Invalid signature", false],
    [403, "Application disabled", false],
    [404, "Not found", false],
    [413, "Request entity too large", false],
    [422, "Unprocessable", false],
    [500, "Internal error", true],
    [503, "Service unavailable", true],
  ])("trigger() answered %i becomes a PusherHttpError with the server's message", async (status, message, retryable) => {
    const { client, requests } = clientAnswering(() => text(`${message}\n`, status));

    const error = await rejection(client.trigger("chat", "e", "x"));

    expect(isPusherHttpError(error)).toBe(true);
    const httpError = error as PusherHttpError;
    expect(httpError).toMatchObject({
      name: "PusherHttpError",
      code: "http_error",
      status,
      serverMessage: message,
      method: "POST",
      retryable,
    });
    expect(httpError.message).toBe(`POST /apps/3/events failed with HTTP ${status}: ${message}`);
    expect(httpError.url).toBe(
      "https://api-mt1.pusher.com/apps/3/events?auth_key=REDACTED&auth_timestamp=" +
        `${new URL(requests[0]!.url).searchParams.get("auth_timestamp")}&auth_version=1.0&body_md5=REDACTED&auth_signature=REDACTED`,
    );
    expect(requests).toHaveLength(1);
  });

  it("an error with an empty body has an empty server message", async () => {
    const { client } = clientAnswering(() => new Response(null, { status: 502 }));

    const error = (await rejection(client.trigger("chat", "e", "x"))) as PusherHttpError;

    expect(error.serverMessage).toBe("");
    expect(error.message).toBe("POST /apps/3/events failed with HTTP 502");
  });

  it("a JSON error body's `error` field becomes the server message", async () => {
    const { client } = clientAnswering(() => json({ error: "Channel name too long" }, 400));

    const error = (await rejection(client.channels())) as PusherHttpError;

    expect(error.serverMessage).toBe("Channel name too long");
  });

  it("a 2xx body with a string error and a code of 400 or more is a PusherHttpError (docs/protocol.md §3)", async () => {
    const { client } = clientAnswering(() => json({ error: "The app does not exist", code: 404 }, 200));

    const error = (await rejection(client.trigger("chat", "e", "x"))) as PusherHttpError;

    expect(isPusherHttpError(error)).toBe(true);
    expect(error.status).toBe(200);
    expect(error.serverMessage).toBe("The app does not exist");
    expect(error.message).toMatch(/ failed: 404 The app does not exist \(answered with HTTP 200\)$/);
    expect(error.retryable).toBe(false);
  });

  it("a 2xx body with an error field but a code below 400 is a success", async () => {
    const { client } = clientAnswering(() => json({ error: "none", code: 200 }));

    await expect(client.get("/anything")).resolves.toEqual({ error: "none", code: 200 });
  });

  it("a 401 that quotes the signature keeps it out of the error", async () => {
    const { client, requests } = clientAnswering((request) => text(`Invalid signature: you sent ${signatureSent(request.url)}`, 401));

    const error = (await rejection(client.trigger("chat", "e", "x"))) as PusherHttpError;

    expect(error.serverMessage).toBe("Invalid signature: you sent REDACTED");
    expectNoSecrets(error, [SECRET, signatureSent(requests[0]!.url)]);
  });

  it("with a one-letter secret, the server's words and the SDK's own stay whole", async () => {
    // "a" is also a word of the SDK's own message below; the secret is never sent, never searched for.
    const options = { secret: "a", retry: false as const };
    const refused = clientAnswering(() => text("Invalid signature", 401), options);
    const foreign = clientAnswering(
      () => new Response("<html></html>", { headers: { "content-type": "text/html; charset=us-ascii" } }),
      options,
    );

    const errors = [await rejection(refused.client.trigger("chat", "e", "x")), await rejection(foreign.client.trigger("chat", "e", "x"))];

    expect(errors).toMatchObject([
      { name: "PusherHttpError", serverMessage: "Invalid signature" },
      {
        name: "PusherResponseError",
        message: expect.stringContaining("not a Pusher API answer (text/html; charset=us-ascii, 13 characters)") as string,
      },
    ]);
    expect((errors[0] as Error).message).toBe("POST /apps/3/events failed with HTTP 401: Invalid signature");
  });

  it("a 2xx error body that quotes the signature keeps it out of the error", async () => {
    const { client, requests } = clientAnswering((request) => json({ error: `bad signature ${signatureSent(request.url)}`, code: 401 }));

    const error = await rejection(client.trigger("chat", "e", "x"));

    expectNoSecrets(error, [SECRET, signatureSent(requests[0]!.url)]);
  });
});

describe("retries", () => {
  it("a GET answered 503 with Retry-After is sent again and succeeds", async () => {
    const { client, requests } = clientAnswering((_, index) =>
      index === 0 ? text("busy", 503, { "retry-after": "0" }) : json({ channels: { a: {} } }),
    );

    await expect(client.channels()).resolves.toEqual({ channels: { a: {} } });
    expect(requests).toHaveLength(2);
    expect(requests[1]!.url).toBe(requests[0]!.url);
  });

  it("a GET answered 500 is retried `limit` times, then fails with the last status", async () => {
    const { client, requests } = clientAnswering(() => text("boom", 500), { retry: { limit: 3, backoffLimit: 0 } });

    const error = (await rejection(client.channels())) as PusherHttpError;

    expect(error.status).toBe(500);
    expect(requests).toHaveLength(4);
  });

  it("a GET answered 400 is not retried: retrying cannot cure it", async () => {
    const { client, requests } = clientAnswering(() => text("bad", 400), { retry: { backoffLimit: 0 } });

    await rejection(client.channels());

    expect(requests).toHaveLength(1);
  });

  it("a trigger (POST) answered 503 is not retried by default", async () => {
    const { client, requests } = clientAnswering(() => text("busy", 503, { "retry-after": "0" }));

    await rejection(client.trigger("chat", "e", "x"));

    expect(requests).toHaveLength(1);
  });

  it("a trigger is retried when the caller opts in with methods: ['POST'], with the same body", async () => {
    const { client, requests } = clientAnswering((_, index) => (index === 0 ? text("busy", 503, { "retry-after": "0" }) : json({})), {
      retry: { methods: ["GET", "POST"] },
    });

    await client.trigger("chat", "e", "x");

    expect(requests).toHaveLength(2);
    expect(requests[1]!.body).toBe(requests[0]!.body);
  });

  it("retry: false sends a failing GET once", async () => {
    const { client, requests } = clientAnswering(() => text("busy", 503, { "retry-after": "0" }), { retry: false });

    await rejection(client.channels());

    expect(requests).toHaveLength(1);
  });

  it("a GET that times out is retried, then fails with a PusherTimeoutError", async () => {
    const { client, requests } = clientAnswering(never, { timeout: 20, retry: { limit: 1, backoffLimit: 0 } });

    const error = await rejection(client.channels());

    expect(isPusherTimeoutError(error)).toBe(true);
    expect(requests).toHaveLength(2);
  });
});

describe("transport failures", () => {
  let closedPort: number;
  beforeAll(async () => {
    // A port that was just free: connecting to it is refused.
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closedPort = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  it("a refused connection becomes a PusherNetworkError with the runtime's error as cause", async () => {
    const client = createRestClient({ ...CREDENTIALS, host: "127.0.0.1", port: closedPort, useTLS: false, retry: false });

    const error = await rejection(client.trigger("chat", "e", "x"));

    expect(isPusherNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ name: "PusherNetworkError", code: "network_error", method: "POST", delivery: "not_sent" });
    expect((error as { url: string }).url).toContain("auth_signature=REDACTED");
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expectNoSecrets(error, [SECRET]);
    expect(JSON.stringify(error)).not.toMatch(/auth_signature=[0-9a-f]{64}/);
  });

  it("a GET whose connection is refused is retried before failing", async () => {
    let attempts = 0;
    const client = createRestClient({
      ...CREDENTIALS,
      retry: { limit: 2, backoffLimit: 0 },
      fetch: () => {
        attempts++;
        return Promise.reject(new TypeError("fetch failed"));
      },
    });

    const error = await rejection(client.channels());

    expect(isPusherNetworkError(error)).toBe(true);
    expect(attempts).toBe(3);
  });

  it("through a fetch, a refused connection is not_sent; a retry refused after an attempt that reached the server is unknown", async () => {
    const refused = () => Promise.reject(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }));
    const once = clientAnswering(refused, { retry: false });
    const afterAnAnswer = clientAnswering((_, index) => (index === 0 ? text("busy", 500) : refused()), {
      retry: { limit: 1, backoffLimit: 0 },
    });

    const errors = [await rejection(once.client.channels()), await rejection(afterAnAnswer.client.channels())];

    expect(errors).toMatchObject([
      { name: "PusherNetworkError", systemCode: "ECONNREFUSED", delivery: "not_sent" },
      { name: "PusherNetworkError", systemCode: "ECONNREFUSED", delivery: "unknown" },
    ]);
    expect(afterAnAnswer.requests).toHaveLength(2);
  });

  it("an injected fetch that throws its own error becomes a PusherNetworkError carrying it", async () => {
    const failure = new Error("proxy refused");
    const client = createRestClient({ ...CREDENTIALS, fetch: () => Promise.reject(failure) });

    const error = await rejection(client.trigger("chat", "e", "x"));

    expect(isPusherNetworkError(error)).toBe(true);
    expect((error as Error).cause).toBe(failure);
  });

  it("a request slower than `timeout` becomes a PusherTimeoutError naming the timeout", async () => {
    const { client, requests } = clientAnswering(never, { timeout: 25 });

    const error = await rejection(client.trigger("chat", "e", "x"));

    expect(isPusherTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ name: "PusherTimeoutError", code: "timeout", method: "POST", timeoutMs: 25, delivery: "unknown" });
    expect((error as Error).message).toMatch(/^POST https:\/\/api-mt1\.pusher\.com\/apps\/3\/events\?.* timed out after 25 ms$/);
    expectNoSecrets(error, [SECRET, signatureSent(requests[0]!.url)]);
  });

  it("aborting the signal of a pending request rejects it with a PusherAbortError carrying the reason", async () => {
    const controller = new AbortController();
    const { client, requests } = clientAnswering((request) => {
      queueMicrotask(() => controller.abort(new Error("user left")));
      return never(request);
    });

    const error = await rejection(client.channels({ signal: controller.signal }));

    expect(isPusherAbortError(error)).toBe(true);
    expect(error).toMatchObject({ name: "PusherAbortError", code: "aborted", method: "GET", delivery: "unknown" });
    expect(((error as Error).cause as Error).message).toBe("user left");
    expect(requests).toHaveLength(1);
    expectNoSecrets(error, [SECRET, signatureSent(requests[0]!.url)]);
  });

  it("an already-aborted signal rejects with a PusherAbortError and sends nothing", async () => {
    const { client, requests } = clientAnswering(() => json({}));

    const error = await rejection(client.trigger("chat", "e", "x", { signal: AbortSignal.abort() }));

    expect(isPusherAbortError(error)).toBe(true);
    expect(error).toMatchObject({ delivery: "not_sent" });
    expect(requests).toHaveLength(0);
  });

  it("no ky error reaches the caller: every failure is a PusherError", async () => {
    const cases: Responder[] = [() => text("x", 500), () => Promise.reject(new TypeError("fetch failed")), never];
    for (const respond of cases) {
      const { client } = clientAnswering(respond, { timeout: 20, retry: false });
      const error = await rejection(client.channels());
      expect((error as Error).name).toMatch(/^Pusher(Http|Network|Timeout)Error$/);
      expect((error as Error).message).not.toContain("Request failed");
    }
  });
});

describe("answers that are not the Pusher API's (injected fetch)", () => {
  it.each([301, 302, 303, 307, 308])(
    "a %i is refused as redirect_refused: the request is built with redirect: 'manual', and the other origin gets nothing",
    async (status) => {
      const { client, requests } = clientAnswering(
        () => new Response(null, { status, headers: { location: "https://elsewhere.example/apps/3/events?auth_signature=zz" } }),
      );

      const error = await rejection(client.trigger("chat", "e", "x"));

      expect(isPusherResponseError(error)).toBe(true);
      expect(error).toMatchObject({ code: "redirect_refused", status, method: "POST" });
      expect((error as Error).message).toContain("redirect refused");
      // Where it pointed is not repeated: it may hold what was sent.
      expect((error as Error).message).not.toContain("elsewhere.example");
      expect(requests).toHaveLength(1);
    },
  );

  it("the fetch is handed a Request whose redirect mode is manual", async () => {
    const modes: string[] = [];
    const client = createRestClient({
      ...CREDENTIALS,
      fetch: (input) => {
        modes.push((input as Request).redirect);
        return Promise.resolve(json({}));
      },
    });

    await client.trigger("chat", "e", "x");
    await client.channels();

    expect(modes).toEqual(["manual", "manual"]);
  });

  it("a followed redirect whose body cannot be cancelled is refused all the same", async () => {
    const followed = new Response(new ReadableStream({ cancel: () => Promise.reject(new Error("cannot cancel")) }));
    Object.defineProperty(followed, "redirected", { value: true });
    const { client } = clientAnswering(() => followed);

    const error = await rejection(client.trigger("chat", "e", "x"));

    expect(error).toMatchObject({ name: "PusherResponseError", code: "redirect_refused" });
  });

  it("an injected fetch that rejects with undefined is a PusherNetworkError whose cause is undefined", async () => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const { client } = clientAnswering(() => Promise.reject(undefined));

    const error = await rejection(client.trigger("chat", "e", "x"));

    expect(error).toMatchObject({ name: "PusherNetworkError", code: "network_error", cause: undefined, delivery: "unknown" });
  });

  it("a fetch that followed a redirect anyway (response.redirected) is refused after the fact", async () => {
    const followed = json({});
    Object.defineProperty(followed, "redirected", { value: true });
    Object.defineProperty(followed, "url", { value: "https://elsewhere.example/landing?x=1" });
    const { client } = clientAnswering(() => followed);

    const error = await rejection(client.trigger("chat", "e", "x"));

    expect(error).toMatchObject({ name: "PusherResponseError", code: "redirect_refused" });
    expect((error as Error).message).toContain("redirect refused");
  });

  it("a redirect whose Location is not a URL is refused all the same, naming no destination", async () => {
    const { client } = clientAnswering(() => new Response(null, { status: 302, headers: { location: "http://[bad" } }));

    const error = await rejection(client.channels());

    expect(error).toMatchObject({ code: "redirect_refused", status: 302 });
    expect((error as Error).message).toContain("got HTTP 302: redirect refused");
  });

  it("a browser's opaque redirect (status 0) is refused as a redirect", async () => {
    const opaque = new Response(null, { status: 200 });
    Object.defineProperty(opaque, "status", { value: 0 });
    Object.defineProperty(opaque, "ok", { value: false });
    const { client } = clientAnswering(() => opaque);

    const error = await rejection(client.channels());

    expect(error).toMatchObject({ code: "redirect_refused", status: 0 });
  });

  it.each([
    ["a Content-Length past the limit", () => new Response("x".repeat(2_000), { headers: { "content-length": "2000" } })],
    [
      "a streamed body that grows past the limit",
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              controller.enqueue(new Uint8Array(256).fill(120));
            },
          }),
        ),
    ],
  ])("%s rejects with response_too_large, and the body is not read further", async (_kind, respond) => {
    const { client } = clientAnswering(respond, { maxResponseBytes: 1_000 });

    const error = await rejection(client.channels());

    expect(isPusherResponseError(error)).toBe(true);
    expect(error).toMatchObject({ code: "response_too_large", status: 200, method: "GET" });
    expect((error as Error).message).toContain("body over maxResponseBytes (1000)");
  });

  it("a body of exactly maxResponseBytes is read", async () => {
    const body = JSON.stringify({ channels: { a: {} }, pad: "x".repeat(100) });
    const { client } = clientAnswering(() => new Response(body), { maxResponseBytes: body.length });

    await expect(client.channels()).resolves.toEqual({ channels: { a: {} } });
  });

  it("an error answer past the limit is refused the same way: too large, not an HTTP error", async () => {
    const { client } = clientAnswering(() => text("e".repeat(5_000), 500), { maxResponseBytes: 1_000, retry: false });

    const error = await rejection(client.channels());

    expect(error).toMatchObject({ name: "PusherResponseError", code: "response_too_large", status: 500 });
  });

  it("a status the API never answers with (999) is a PusherHttpError that is not retryable", async () => {
    const odd = new Response("{}", { status: 200 });
    Object.defineProperty(odd, "status", { value: 999 });
    Object.defineProperty(odd, "ok", { value: false });
    const { client, requests } = clientAnswering(() => odd);

    const error = await rejection(client.channels());

    expect(error).toMatchObject({ name: "PusherHttpError", code: "http_error", status: 999, retryable: false });
    expect(requests).toHaveLength(1);
  });

  it("maxResponseBytes must be a whole number from 1 to 256 MiB", () => {
    for (const maxResponseBytes of [0, -1, 1.5, 268_435_457, Number.NaN, "1000"]) {
      expect(() => createRestClient({ ...CREDENTIALS, maxResponseBytes: maxResponseBytes as number })).toThrow(
        expect.objectContaining({ name: "PusherConfigError", option: "maxResponseBytes" }),
      );
    }
  });

  it("a JSON error body's numeric code becomes serverCode", async () => {
    const { client } = clientAnswering(() => json({ error: "Over quota", code: 4291 }, 403));

    const error = await rejection(client.trigger("chat", "e", "x"));

    expect(error).toMatchObject({ name: "PusherHttpError", status: 403, serverMessage: "Over quota", serverCode: 4291 });
  });
});

describe("network errors carry the system's code", () => {
  it("the code found on the cause or the causes it wraps is systemCode, and ends the message", async () => {
    const cases: [unknown, string | undefined][] = [
      [new TypeError("fetch failed", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) }), "ECONNREFUSED"],
      [new TypeError("fetch failed", { cause: { cause: { code: "ENOTFOUND" } } }), "ENOTFOUND"],
      [Object.assign(new Error("tls"), { code: "DEPTH_ZERO_SELF_SIGNED_CERT" }), "DEPTH_ZERO_SELF_SIGNED_CERT"],
      [new TypeError("fetch failed"), undefined],
      [Object.assign(new Error("odd"), { code: "not a code" }), undefined],
      ["a string", undefined],
    ];
    for (const [failure, systemCode] of cases) {
      // Whatever an injected fetch rejects with, Error or not.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      const client = createRestClient({ ...CREDENTIALS, retry: false, fetch: () => Promise.reject(failure) });

      const error = await rejection(client.trigger("chat", "e", "x"));

      expect(isPusherNetworkError(error)).toBe(true);
      expect((error as { systemCode?: string }).systemCode).toBe(systemCode);
      expect((error as Error).message.endsWith(systemCode === undefined ? "failed before any response" : `(${systemCode})`)).toBe(true);
    }
  });

  it("a refused connection through the node transport says ECONNREFUSED", async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const client = createRestClient({ ...CREDENTIALS, host: "127.0.0.1", port, useTLS: false, retry: false });

    const error = await rejection(client.trigger("chat", "e", "x"));

    expect(error).toMatchObject({ name: "PusherNetworkError", systemCode: "ECONNREFUSED" });
    expect(isPusherError(error)).toBe(true);
  });
});

describe("a connection cut while the answer's body is read", () => {
  it("is a PusherNetworkError whose responseStatus says the server had answered", async () => {
    const { client } = clientAnswering(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"channels":'));
              controller.error(new TypeError("terminated"));
            },
          }),
        ),
      { retry: false },
    );

    const error = await rejection(client.trigger("chat", "e", "x"));

    expect(error).toMatchObject({ name: "PusherNetworkError", responseStatus: 200 });
    expect((error as Error).message).toContain("lost its HTTP 200 answer midway: the server may have acted on it");
  });

  it("a failure before any answer has no responseStatus", async () => {
    const client = createRestClient({ ...CREDENTIALS, retry: false, fetch: () => Promise.reject(new TypeError("fetch failed")) });

    const error = await rejection(client.trigger("chat", "e", "x"));

    expect(error).toMatchObject({ name: "PusherNetworkError", responseStatus: undefined });
    expect((error as Error).message).toContain("failed before any response");
  });
});

describe("a runtime's own error that quotes the signed URL never carries it into the PusherNetworkError", () => {
  // What the secret-bearing parts of a signed request are: the secret, the signature, and the
  // values of auth_key and body_md5 (the URL of every error is redacted the same way).
  function signedParts(url: string): string[] {
    const query = new URL(url).searchParams;
    return [SECRET, ...["auth_signature", "auth_key", "body_md5"].map((name) => query.get(name) ?? "")];
  }

  it.each<[string, (url: string) => unknown, string | undefined, RegExp]>([
    // Deno: TypeError("fetch failed") whose cause's message quotes the URL.
    [
      "Deno's fetch (the URL in its cause's message)",
      (url) =>
        new TypeError("fetch failed", {
          cause: new Error(
            `error sending request for url (${url}): client error (Connect): tcp connect error: Connection refused (os error 111)`,
          ),
        }),
      undefined,
      /^Error: fetch failed \| Error: error sending request for url \(https:\/\/api-mt1\.pusher\.com\/apps\/3\/events\?auth_key=REDACTED&auth_timestamp=\d+&auth_version=1\.0&body_md5=REDACTED&auth_signature=REDACTED\): client error/,
    ],
    // Bun: a TypeError with the system code and the URL in a `path` field.
    [
      "Bun's fetch (the URL in a path field)",
      (url) =>
        Object.assign(new TypeError("ECONNREFUSED: Unable to connect. Is the computer able to access the url?"), {
          code: "ECONNREFUSED",
          path: url,
          errno: 0,
        }),
      "ECONNREFUSED",
      /^Error: ECONNREFUSED: Unable to connect\. Is the computer able to access the url\? \| undefined$/,
    ],
    // node-fetch and its kin: the URL in the message itself.
    [
      "a fetch that names the URL in its message",
      (url) => Object.assign(new Error(`request to ${url} failed, reason: connect ECONNRESET`), { code: "ECONNRESET" }),
      "ECONNRESET",
      /^Error: request to https:\/\/api-mt1\.pusher\.com\/apps\/3\/events\?auth_key=REDACTED&.*&auth_signature=REDACTED failed, reason: connect ECONNRESET/,
    ],
    [
      "a fetch that rejects with a string naming the URL",
      (url) => `could not reach ${url}`,
      undefined,
      /^could not reach https:.*auth_signature=REDACTED \| undefined$/,
    ],
  ])(
    "%s: the cause keeps what happened and its code, not the signature, key or body MD5",
    async (_runtime, failureFor, systemCode, causeSays) => {
      const urls: string[] = [];
      const client = createRestClient({
        ...CREDENTIALS,
        retry: false,
        fetch: (input) => {
          const url = (input as Request).url;
          urls.push(url);
          // Whatever the runtime's fetch rejects with.
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          return Promise.reject(failureFor(url));
        },
      });

      const error = await rejection(client.trigger("chat", "e", "x"));

      expect(error).toMatchObject({ name: "PusherNetworkError", code: "network_error", systemCode });
      expectNoSecrets(error, signedParts(urls[0]!));
      // The cause still tells what went wrong, with the URL's signing values redacted.
      const { cause } = error as Error;
      expect(`${String(cause)} | ${String((cause as Error).cause)}`).toMatch(causeSays);
    },
  );

  it("a cause that loops back on itself is followed a few levels and cut, never walked forever", async () => {
    const looping = new Error("loop");
    looping.cause = looping;
    const client = createRestClient({ ...CREDENTIALS, retry: false, fetch: () => Promise.reject(looping) });

    const error = await rejection(client.trigger("chat", "e", "x"));

    expect(((error as Error).cause as Error).message).toBe("loop");

    const leaking = new Error("first");
    const urls: string[] = [];
    const leakingClient = createRestClient({
      ...CREDENTIALS,
      retry: false,
      fetch: (input) => {
        urls.push((input as Request).url);
        leaking.cause = Object.assign(new Error(`to ${(input as Request).url}`), { cause: leaking });
        return Promise.reject(leaking);
      },
    });

    const redacted = await rejection(leakingClient.trigger("chat", "e", "x"));

    expect(isPusherNetworkError(redacted)).toBe(true);
    expectNoSecrets(redacted, signedParts(urls[0]!));
  });

  it("Pusher's 401, which quotes the string it signed and the signature sent, keeps the key, the body's MD5 and the signature out", async () => {
    const { client, requests } = clientAnswering((request) => {
      const query = new URL(request.url).search.slice(1);
      const signed = query.replace(/&auth_signature=.*$/, "");
      return text(
        `Invalid signature: you should have sent HmacSHA256Hex("POST\\n/apps/3/events\\n${signed}", your_secret_key), but you sent "${signatureSent(request.url)}"`,
        401,
      );
    });

    const error = (await rejection(client.trigger("chat", "e", "x"))) as PusherHttpError;

    expect(error.serverMessage).toMatch(
      /^Invalid signature: you should have sent HmacSHA256Hex\("POST\\n\/apps\/3\/events\\nauth_key=REDACTED&auth_timestamp=\d+&auth_version=1\.0&body_md5=REDACTED", your_secret_key\), but you sent "REDACTED"$/,
    );
    const query = new URL(requests[0]!.url).searchParams;
    expectNoSecrets(error, [SECRET, signatureSent(requests[0]!.url), query.get("body_md5")!, query.get("auth_key")!]);
  });

  it("a server's message has every occurrence of the signature, and the value of every signing parameter, redacted", async () => {
    const { client } = clientAnswering((request) => {
      const signature = signatureSent(request.url);
      return text(`sent "${signature}", ${signature} again; auth_key=k&body_md5=m`, 401);
    });

    const error = (await rejection(client.trigger("chat", "e", "x"))) as PusherHttpError;

    expect(error.serverMessage).toBe('sent "REDACTED", REDACTED again; auth_key=REDACTED&body_md5=REDACTED');
  });

  it("a foreign 2xx answer whose Content-Type echoes the signature is refused without quoting it", async () => {
    const { client, requests } = clientAnswering(
      (request) => new Response("<html></html>", { headers: { "content-type": `text/html; sig=${signatureSent(request.url)}` } }),
    );

    const error = await rejection(client.trigger("chat", "e", "x"));

    expect(error).toMatchObject({ name: "PusherResponseError", code: "invalid_response" });
    expect((error as Error).message).toContain("not a Pusher API answer (text/html; sig=REDACTED, 13 characters)");
    expectNoSecrets(error, [SECRET, signatureSent(requests[0]!.url)]);
  });
});
