import { mkdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createPublisher, createRestClient, isPusherError, type RequestHooks, type RestClient, type RestClientOptions } from "@x/rest";
import { openTelemetryHooks } from "@x/rest/otel";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { closedPort, startMisbehavingServer, type Behaviour, type MisbehavingServer } from "../src/misbehaving-server.js";
import { exposedSecrets } from "../../../packages/rest/test/support/secrets.js";
import { recordingTracer } from "../src/recording-tracer.js";

// The REST client against a Pusher API server that misbehaves in every way a network, a proxy or
// a broken server can: for each way, what the caller gets (the error's class and code), how many
// requests the server saw, and that no secret shows in any form of the error. Both transports a
// client can use on Node run every case: node:http (the default) and a `fetch` (Node's own, as
// Bun, Deno and workerd use theirs, or one the caller injects).

const SECRET = "reliability-secret-7f3a9c";
const CLIENT: RestClientOptions = {
  appId: "app-1",
  key: "reliability-key",
  secret: SECRET,
  host: "127.0.0.1",
  useTLS: false,
  timeout: 400,
  retry: { limit: 2, backoffLimit: 20, maxRetryAfter: 1_500 },
  maxResponseBytes: 65_536,
};

// `closesWithinMs`: how soon the connection must be closed once the client gives up on it.
// node:http closes it at once. Through a fetch the client can only cancel the body (or abort):
// the fetch of Node 24 and later (undici 7) then closes the connection at once, while Node 22's
// (undici 6) keeps draining an endless body instead, which is not ours to fix (measured here:
// still open after 6 s); on Node 22 that one check is left out.
const NODE_MAJOR = Number(process.versions.node.split(".")[0]);
const TRANSPORTS = [
  { transport: "node:http", options: {}, closesWithinMs: 1_000 },
  {
    transport: "fetch",
    options: { fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init) },
    closesWithinMs: NODE_MAJOR >= 24 ? 1_000 : undefined,
  },
] as const;

type Call = "GET /channels" | "POST /events";
const CALLS: Record<Call, (client: RestClient) => Promise<unknown>> = {
  "GET /channels": (client) => client.channels(),
  "POST /events": (client) => client.trigger("orders", "created", { id: 1 }),
};

interface Expectation {
  name: string;
  code: string;
  /** Requests the server sees for a GET (retried) and for a POST (never retried). */
  requests: Record<Call, number>;
  /** Checked on the error beyond its name and code. */
  fields?: Record<string, unknown>;
}

type TransportName = (typeof TRANSPORTS)[number]["transport"];

interface Scenario {
  scenario: string;
  behaviour: Behaviour;
  expected: Expectation;
  /** The connection must be closed by the client once it gives up (too large, timeout). */
  closesConnection?: boolean;
  /** Where a transport's outcome differs, what differs. */
  byTransport?: Partial<Record<TransportName, Partial<Expectation>>>;
}

/** What a transport's client gets in `scenario`. */
function expectedOf(scenario: Scenario, transport: TransportName): Expectation {
  return { ...scenario.expected, ...scenario.byTransport?.[transport] };
}

// 8 MiB of spaces (valid JSON whitespace) before `{}`, gzipped to about 8 KiB.
const GZIP_BOMB = gzipSync(Buffer.concat([Buffer.alloc(8 * 1024 * 1024, 0x20), Buffer.from("{}")]));

const RETRIED = { "GET /channels": 3, "POST /events": 1 };
const ONCE = { "GET /channels": 1, "POST /events": 1 };

let elsewhere: MisbehavingServer;
const SCENARIOS: Scenario[] = [
  {
    scenario: "never answers",
    behaviour: () => {},
    expected: { name: "PusherTimeoutError", code: "timeout", requests: RETRIED, fields: { timeoutMs: 400 } },
    closesConnection: true,
  },
  {
    scenario: "drips its body, a byte every 50 ms",
    behaviour: (_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      const drip = setInterval(() => response.write(" "), 50);
      response.on("close", () => clearInterval(drip));
    },
    expected: { name: "PusherTimeoutError", code: "timeout", requests: RETRIED },
    closesConnection: true,
  },
  {
    scenario: "answers 500",
    behaviour: (_request, response) => response.writeHead(500, { "content-type": "text/plain" }).end("Internal error"),
    expected: {
      name: "PusherHttpError",
      code: "http_error",
      requests: RETRIED,
      fields: { status: 500, retryable: true, serverMessage: "Internal error" },
    },
  },
  {
    scenario: "answers 429 with Retry-After: 1",
    behaviour: (_request, response) => response.writeHead(429, { "retry-after": "1", "content-type": "text/plain" }).end("Slow down"),
    expected: { name: "PusherHttpError", code: "http_error", requests: RETRIED, fields: { status: 429, retryable: true } },
  },
  {
    scenario: "redirects (307) to another origin",
    behaviour: (request, response) => response.writeHead(307, { location: `${elsewhere.origin}${request.url}` }).end(),
    expected: { name: "PusherResponseError", code: "redirect_refused", requests: ONCE, fields: { status: 307 } },
  },
  {
    scenario: "redirects (301) to another origin",
    behaviour: (request, response) => response.writeHead(301, { location: `${elsewhere.origin}${request.url}` }).end(),
    expected: { name: "PusherResponseError", code: "redirect_refused", requests: ONCE, fields: { status: 301 } },
  },
  {
    scenario: "answers 200 with an HTML page (a captive portal)",
    behaviour: (_request, response) =>
      response.writeHead(200, { "content-type": "text/html" }).end("<html><body>Please sign in to the Wi-Fi</body></html>"),
    expected: { name: "PusherResponseError", code: "invalid_response", requests: ONCE, fields: { status: 200 } },
  },
  {
    scenario: "answers 200 with {error, code} (a compatible server's failure)",
    behaviour: (_request, response) =>
      response.writeHead(200, { "content-type": "application/json" }).end('{"error":"The app does not exist","code":4001}'),
    expected: { name: "PusherHttpError", code: "http_error", requests: ONCE, fields: { status: 200, serverCode: 4001 } },
  },
  {
    scenario: "answers 200 with a body past maxResponseBytes (chunked, endless)",
    behaviour: (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      const flood = setInterval(() => response.write("x".repeat(16_384)), 1);
      response.on("close", () => clearInterval(flood));
    },
    expected: { name: "PusherResponseError", code: "response_too_large", requests: ONCE, fields: { status: 200 } },
    closesConnection: true,
  },
  {
    scenario: "answers 200 with a Content-Length past maxResponseBytes",
    behaviour: (_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": String(512 * 1024 * 1024) });
      response.write("{");
    },
    expected: { name: "PusherResponseError", code: "response_too_large", requests: ONCE },
    closesConnection: true,
  },
  {
    scenario: "answers bytes that are not HTTP",
    behaviour: (_request, response) => response.socket?.end("garbage\r\n\r\n"),
    expected: { name: "PusherNetworkError", code: "network_error", requests: RETRIED, fields: { systemCode: "HPE_INVALID_CONSTANT" } },
    // The fetch of Node 24 and later (undici 7) reports this parse error without its code.
    byTransport: { fetch: { fields: { systemCode: NODE_MAJOR >= 24 ? undefined : "HPE_INVALID_CONSTANT" } } },
  },
  {
    scenario: "closes the connection without answering",
    behaviour: (_request, response) => response.socket?.destroy(),
    expected: { name: "PusherNetworkError", code: "network_error", requests: RETRIED },
  },
  {
    scenario: "switches protocols (101) on a request that asked for no upgrade",
    behaviour: (_request, response) =>
      response.socket?.write("HTTP/1.1 101 Switching Protocols\r\nupgrade: x\r\nconnection: upgrade\r\n\r\n{}"),
    expected: { name: "PusherNetworkError", code: "network_error", requests: RETRIED },
    closesConnection: true,
  },
  {
    scenario: "answers a header block past the HTTP parser's limit",
    behaviour: (_request, response) => response.socket?.write(`HTTP/1.1 200 OK\r\nx-padding: ${"a".repeat(100_000)}\r\n\r\n{}`),
    expected: { name: "PusherNetworkError", code: "network_error", requests: RETRIED },
    byTransport: {
      "node:http": { fields: { systemCode: "HPE_HEADER_OVERFLOW" } },
      fetch: { fields: { systemCode: "UND_ERR_HEADERS_OVERFLOW" } },
    },
    closesConnection: true,
  },
  {
    scenario: "answers 401 quoting the string it signed and the signature it got (Pusher's own words)",
    behaviour: (request, response) => {
      const query = new URL(request.url ?? "", "http://h").search.slice(1);
      const signature = /auth_signature=([0-9a-f]+)/.exec(query)?.[1] ?? "";
      const signed = query.replace(/&auth_signature=.*$/, "");
      response
        .writeHead(401, { "content-type": "text/plain" })
        .end(
          `Invalid signature: you should have sent HmacSHA256Hex("${request.method}\\n${request.url?.split("?")[0]}\\n${signed}", your_secret_key), but you sent "${signature}"`,
        );
    },
    expected: { name: "PusherHttpError", code: "http_error", requests: ONCE, fields: { status: 401, retryable: false } },
  },
  {
    scenario: "answers 200 with a Content-Type that echoes the signature",
    behaviour: (request, response) => {
      const signature = new URL(request.url ?? "", "http://h").searchParams.get("auth_signature") ?? "";
      response.writeHead(200, { "content-type": `text/html; echo=${signature}` }).end("<html></html>");
    },
    expected: { name: "PusherResponseError", code: "invalid_response", requests: ONCE, fields: { status: 200 } },
  },
  {
    scenario: "answers 500 with a 60,000-character body",
    behaviour: (_request, response) => response.writeHead(500, { "content-type": "text/plain" }).end("e".repeat(60_000)),
    expected: { name: "PusherHttpError", code: "http_error", requests: RETRIED, fields: { status: 500, serverMessage: "e".repeat(500) } },
  },
  {
    scenario: "answers 200 with a gzip bomb it was not asked for (8 MiB of JSON in 8 KiB)",
    behaviour: (_request, response) => {
      response.writeHead(200, {
        "content-type": "application/json",
        "content-encoding": "gzip",
        "content-length": String(GZIP_BOMB.length),
      });
      response.end(GZIP_BOMB);
    },
    // node:http asks for no encoding and decodes none: the compressed bytes are no JSON. A fetch
    // decodes it, and counts the decoded bytes against maxResponseBytes.
    expected: { name: "PusherResponseError", code: "invalid_response", requests: ONCE, fields: { status: 200 } },
    byTransport: { fetch: { code: "response_too_large" } },
  },
  {
    scenario: "resets the connection in the middle of the body",
    behaviour: (_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      response.write('{"channels":{');
      setTimeout(() => response.socket?.destroy(), 5);
    },
    expected: { name: "PusherNetworkError", code: "network_error", requests: RETRIED, fields: { responseStatus: 200 } },
  },
];

const rows: string[] = [];
const servers: MisbehavingServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

afterAll(() => {
  // The table RELIABILITY.md quotes, written where the test reports go.
  mkdirSync("test-results", { recursive: true });
  const header = "| the server… | transport | call | caller gets | code | requests the server saw |\n|---|---|---|---|---|---|\n";
  writeFileSync("test-results/hostile-server.md", header + rows.join("\n") + "\n");
});

async function serve(behaviour: Behaviour): Promise<MisbehavingServer> {
  const server = await startMisbehavingServer(behaviour);
  servers.push(server);
  return server;
}

async function failureOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    (value) => expect.unreachable(`the call should have failed, it resolved with ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

// What of the requests the server saw must never show in an error, a hook or a span: each
// signature and body MD5, and the key (the URL of every error has them redacted).
function secretsSeen(server: MisbehavingServer): string[] {
  return [
    SECRET,
    CLIENT.key,
    ...server.requests.flatMap((request) => {
      const query = new URL(request.url, server.origin).searchParams;
      return [query.get("auth_signature") ?? "", query.get("body_md5") ?? ""];
    }),
  ];
}

describe.each(TRANSPORTS)("through $transport, against a server that…", ({ transport, options, closesWithinMs }) => {
  it.each(SCENARIOS)("$scenario: $expected.name ($expected.code)", async (each) => {
    const { scenario, behaviour, closesConnection } = each;
    const expected = expectedOf(each, transport);
    elsewhere = await serve((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end("{}"));
    for (const [call, send] of Object.entries(CALLS) as [Call, (client: RestClient) => Promise<unknown>][]) {
      const server = await serve(behaviour);
      const client = createRestClient({ ...CLIENT, port: server.port, ...options });

      const error = await failureOf(send(client));

      expect(isPusherError(error), `${call}: ${String(error)}`).toBe(true);
      expect(error).toMatchObject({ name: expected.name, code: expected.code, ...expected.fields });
      // Every request here reached the server: whether it acted on one that got no answer is unknown.
      const unanswered = expected.name === "PusherNetworkError" || expected.name === "PusherTimeoutError";
      if (unanswered) expect(error).toMatchObject({ delivery: "unknown" });
      expect(server.requests, call).toHaveLength(expected.requests[call]);
      expect(elsewhere.requests, "the other origin receives nothing").toHaveLength(0);
      expect(exposedSecrets(error, secretsSeen(server))).toEqual([]);
      if (closesConnection === true && closesWithinMs !== undefined) await server.allConnectionsClosed(closesWithinMs);
      rows.push(
        `| ${scenario} | ${transport} | ${call} | \`${expected.name}\`${unanswered ? " (delivery unknown)" : ""} | \`${expected.code}\` | ${server.requests.length} |`,
      );
    }
  });

  it("refuses the connection: PusherNetworkError with systemCode ECONNREFUSED, for a GET and a POST", async () => {
    const client = createRestClient({ ...CLIENT, port: await closedPort(), ...options });
    for (const [call, send] of Object.entries(CALLS) as [Call, (client: RestClient) => Promise<unknown>][]) {
      const error = await failureOf(send(client));

      expect(error).toMatchObject({ name: "PusherNetworkError", code: "network_error", systemCode: "ECONNREFUSED", delivery: "not_sent" });
      expect(String(error)).toContain("(ECONNREFUSED)");
      expect(exposedSecrets(error, [SECRET])).toEqual([]);
      rows.push(
        `| refuses the connection | ${transport} | ${call} | \`PusherNetworkError\` (delivery not_sent) | \`network_error\` (ECONNREFUSED) | 0 |`,
      );
    }
  });
});

describe("a kept-alive connection that the server closed between two requests", () => {
  // The server answers the first request of each connection and keeps the connection open; the
  // next request on it finds it closed (reset before any answer), as when a server closes an
  // idle connection just as the client reuses it.
  const resetsReusedConnections: Behaviour = (_request, response, nth) => {
    if (nth > 1) response.socket?.destroy();
    else response.writeHead(200, { "content-type": "application/json", connection: "keep-alive" }).end("{}");
  };

  // The server may have acted on a request that reached it: only a GET (retried by default) goes again.
  it("node:http sends the GET /channels again on a new connection (its retry), and it succeeds", async () => {
    const server = await serve(resetsReusedConnections);
    const client = createRestClient({ ...CLIENT, port: server.port });

    await CALLS["GET /channels"](client);
    await expect(CALLS["GET /channels"](client)).resolves.toBeDefined();

    // The first call, the request lost with the connection, and its retry.
    expect(server.requests).toHaveLength(3);
    expect(server.connections.accepted).toBe(2);
    rows.push(
      `| resets a kept-alive connection the client reuses | node:http | GET /channels | success (retried on a new connection) | — | 3 (1 lost with the connection) |`,
    );
  });

  it("node:http does not send the POST /events again: PusherNetworkError, delivery unknown", async () => {
    const server = await serve(resetsReusedConnections);
    const client = createRestClient({ ...CLIENT, port: server.port });

    await CALLS["POST /events"](client);
    const error = await failureOf(CALLS["POST /events"](client));

    expect(error).toMatchObject({ name: "PusherNetworkError", code: "network_error", delivery: "unknown" });
    expect(server.requests).toHaveLength(2);
    rows.push(
      `| resets a kept-alive connection the client reuses | node:http | POST /events | \`PusherNetworkError\` (delivery unknown) | \`network_error\` | 2 |`,
    );
  });

  it("through fetch, a POST on a connection the server closed is either answered or reported failed: never a false success", async () => {
    let answered = 0;
    const server = await serve((request, response, nth) => {
      if (nth === 1) answered++;
      resetsReusedConnections(request, response, nth);
    });
    const client = createRestClient({ ...CLIENT, port: server.port, retry: false, ...TRANSPORTS[1].options });

    await CALLS["POST /events"](client);
    const outcome = await CALLS["POST /events"](client).then(
      () => "success",
      (error: unknown) => error,
    );

    // The fetch may open a new connection for it (answered) or lose it with the old one (told);
    // either way the server saw the second POST once.
    if (outcome === "success") expect(answered).toBe(2);
    else expect(outcome).toMatchObject({ name: "PusherNetworkError", code: "network_error", delivery: "unknown" });
    expect(server.requests).toHaveLength(2);
    rows.push(
      `| resets a kept-alive connection the client reuses | fetch | POST /events | ${outcome === "success" ? "success (answered on a new connection)" : "`PusherNetworkError`"} | ${outcome === "success" ? "—" : "`network_error`"} | ${server.requests.length} |`,
    );
  });
});

describe.each(TRANSPORTS)(
  "through $transport, the batching publisher and the observers (hooks, OpenTelemetry spans) against a server that…",
  ({ transport, options }) => {
    it.each(SCENARIOS)("$scenario: every event rejects, none counts as delivered, no hook or span sees a secret", async (each) => {
      const expected = expectedOf(each, transport);
      elsewhere = await serve((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end("{}"));
      const server = await serve(each.behaviour);
      const { tracer, spans } = recordingTracer();
      const otel = openTelemetryHooks({ tracer });
      // Everything the hooks are told, as an application's logger would keep it.
      const told: unknown[] = [];
      const hooks: RequestHooks = {
        onRequest: (request) => (told.push(request), otel.onRequest?.(request)),
        onRetry: (request, retry) => (told.push(retry), otel.onRetry?.(request, retry)),
        onResponse: (request, response) => (told.push(response), otel.onResponse?.(request, response)),
        onError: (request, failure) => (told.push(failure), otel.onError?.(request, failure)),
      };
      const publisher = createPublisher(createRestClient({ ...CLIENT, port: server.port, ...options, hooks }), { maxDelayMs: 0 });

      const outcomes = await Promise.allSettled(
        [0, 1, 2].map((n) => publisher.publish({ channel: `orders-${n}`, name: "created", data: { n } })),
      );
      await publisher.close();

      for (const outcome of outcomes) {
        expect(outcome.status).toBe("rejected");
        expect((outcome as PromiseRejectedResult).reason).toMatchObject({ name: expected.name, code: expected.code });
      }
      expect(publisher.stats()).toMatchObject({ delivered: 0, failed: 3, refused: 0, batches: 1, queued: 0, inFlightRequests: 0 });
      expect(server.requests).toHaveLength(expected.requests["POST /events"]);
      expect(elsewhere.requests).toHaveLength(0);
      expect(told).toHaveLength(2);
      expect(spans).toMatchObject([{ name: "POST", ended: true, attributes: { "error.type": expect.any(String) as unknown } }]);
      expect(exposedSecrets(told, secretsSeen(server))).toEqual([]);
      expect(exposedSecrets(spans, secretsSeen(server))).toEqual([]);
    });

    it("a batch the client split, whose second request meets garbage: the first half resolves, the second rejects, stats say so", async () => {
      const server = await serve((_request, response) => {
        if (server.requests.length === 1) response.writeHead(200, { "content-type": "application/json" }).end('{"batch":[{},{}]}');
        else response.socket?.end("garbage\r\n\r\n");
      });
      const client = createRestClient({ ...CLIENT, port: server.port, ...options, maxBatchSize: 2 });
      const publisher = createPublisher(client, { maxBatchSize: 4, maxDelayMs: 0 });

      const outcomes = await Promise.allSettled(
        [0, 1, 2, 3].map((n) => publisher.publish({ channel: `orders-${n}`, name: "created", data: { n } })),
      );
      await publisher.close();

      expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected"]);
      expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ name: "PusherNetworkError", code: "network_error" });
      expect(publisher.stats()).toMatchObject({ delivered: 2, failed: 2, batches: 1 });
      expect(server.requests).toHaveLength(2);
      rows.push(
        `| answers a split batch's second request with garbage | ${transport} | publisher, 4 events | 2 delivered, 2 \`PusherNetworkError\` | \`network_error\` | 2 |`,
      );
    });
  },
);
