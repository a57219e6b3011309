import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { PusherConfigError, createRestClient } from "../src/index.js";
import { openTelemetryHooks } from "../src/otel/open-telemetry-hooks.js";
import { fakeFetch, json, text, type Responder } from "./support/fake-fetch.js";

// Each call a client span, checked with the OpenTelemetry SDK's in-memory exporter.

const SECRET = "otel-secret-4d2b";

function traced(respond: Responder, retry: false | { limit: number; backoffLimit: number } = false) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const fake = fakeFetch(respond);
  const client = createRestClient({
    appId: "42",
    key: "otel-key",
    secret: SECRET,
    host: "api.example.com",
    port: 8443,
    fetch: fake.fetch,
    retry,
    hooks: openTelemetryHooks({ tracer: provider.getTracer("test") }),
  });
  return { client, spans: () => exporter.getFinishedSpans() };
}

describe("openTelemetryHooks(): each call is a client span (HTTP semantic conventions)", () => {
  it("a trigger is one CLIENT span named POST, with the method, the URL without its query, the server and the status", async () => {
    const { client, spans } = traced(() => json({}));

    await client.trigger("orders", "created", { id: 1 });

    expect(spans()).toHaveLength(1);
    const [span] = spans();
    expect(span!.name).toBe("POST");
    expect(span!.kind).toBe(SpanKind.CLIENT);
    expect(span!.attributes).toEqual({
      "http.request.method": "POST",
      "url.full": "https://api.example.com:8443/apps/42/events",
      "server.address": "api.example.com",
      "server.port": 8443,
      "http.response.status_code": 200,
    });
    expect(span!.status.code).toBe(SpanStatusCode.UNSET);
  });

  it("retries set http.request.resend_count and add a retry event each", async () => {
    const { client, spans } = traced((_request, index) => (index === 0 ? text("busy", 503) : json({ channels: {} })), {
      limit: 2,
      backoffLimit: 0,
    });

    await client.channels();

    const [span] = spans();
    expect(span!.attributes["http.request.resend_count"]).toBe(1);
    expect(span!.events.map((event) => [event.name, event.attributes])).toEqual([["retry", { attempt: 1, reason: "HTTP 503" }]]);
  });

  it("a failure sets error.type, the status it got, and an error status; nothing secret is recorded", async () => {
    const { client, spans } = traced((request) =>
      text(`Invalid signature, you sent ${new URL(request.url).searchParams.get("auth_signature")}`, 401),
    );

    await client.trigger("orders", "created", 1).catch(() => undefined);

    const [span] = spans();
    expect(span!.attributes).toMatchObject({ "error.type": "http_error", "http.response.status_code": 401 });
    expect(span!.status.code).toBe(SpanStatusCode.ERROR);
    expect(JSON.stringify({ attributes: span!.attributes, status: span!.status, events: span!.events })).not.toContain(SECRET);
    expect(span!.status.message).not.toMatch(/[0-9a-f]{64}/);
  });

  it("a network failure's error.type is the system's code", async () => {
    const { client, spans } = traced(() => Promise.reject(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } })));

    await client.channels().catch(() => undefined);

    expect(spans()[0]!.attributes["error.type"]).toBe("ECONNREFUSED");
  });

  it("hooks told of a request they never saw start record nothing and throw nothing", () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const hooks = openTelemetryHooks({ tracer: provider.getTracer("test") });
    const request = { method: "GET" as const, url: "https://api.example.com/apps/1/channels", path: "/apps/1/channels" };

    hooks.onRetry!(request, { attempt: 1, reason: "HTTP 503" });
    hooks.onResponse!(request, { status: 200, durationMs: 1, retries: 0 });
    hooks.onError!(request, { error: new PusherConfigError("x", "x"), durationMs: 1, retries: 0 });

    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it("a URL without a port has the scheme's: 80 for http, 443 for https", () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const hooks = openTelemetryHooks({ tracer: provider.getTracer("test") });

    for (const url of ["http://127.0.0.1/apps/1/channels", "https://api.example.com/apps/1/channels"]) {
      const request = { method: "GET" as const, url, path: "/apps/1/channels" };
      hooks.onRequest!(request);
      hooks.onResponse!(request, { status: 200, durationMs: 1, retries: 0 });
    }

    expect(exporter.getFinishedSpans().map((span) => span.attributes["server.port"])).toEqual([80, 443]);
  });

  it("its options must be an object", () => {
    expect(() => openTelemetryHooks(null as never)).toThrow(expect.objectContaining({ name: "PusherConfigError", option: "options" }));
  });

  it("without a tracer it uses the global provider's, which does nothing until the app registers one", async () => {
    const fake = fakeFetch(() => json({}));
    const client = createRestClient({ appId: "42", key: "k", secret: SECRET, fetch: fake.fetch, hooks: openTelemetryHooks() });

    await expect(client.trigger("orders", "created", 1)).resolves.toEqual({ channels: {} });
  });
});
