import { once } from "node:events";
import { Agent, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { isPusherHttpError, isPusherResponseError } from "@x/types";
import { describe, expect, it } from "vitest";
import { createRestClient, type ObservedRequest, type RequestHooks, type RestClientOptions } from "../src/index.js";
import { fakeFetch, json, text, type Responder } from "./support/fake-fetch.js";

const SECRET = "hooks-secret-0123456789";
const CREDENTIALS = { appId: "7", key: "hooks-key", secret: SECRET };

/** Every hook call, in order, as plain data. */
function recordingHooks() {
  const calls: { hook: string; request: ObservedRequest; detail?: unknown }[] = [];
  const hooks: Required<RequestHooks> = {
    onRequest: (request) => calls.push({ hook: "onRequest", request }),
    onRetry: (request, detail) => calls.push({ hook: "onRetry", request, detail }),
    onResponse: (request, detail) => calls.push({ hook: "onResponse", request, detail }),
    onError: (request, detail) => calls.push({ hook: "onError", request, detail }),
  };
  return { hooks, calls };
}

function clientAnswering(respond: Responder, options: Partial<RestClientOptions> = {}) {
  const fake = fakeFetch(respond);
  return createRestClient({ ...CREDENTIALS, fetch: fake.fetch, ...options });
}

describe("hooks: what a client tells the application about its requests", () => {
  it("a call is reported by onRequest, then onResponse with its status, duration and no retry; one object per call", async () => {
    const { hooks, calls } = recordingHooks();
    const client = clientAnswering(() => json({}), { hooks });

    await client.trigger("orders", "created", { id: 1 });

    expect(calls.map((call) => call.hook)).toEqual(["onRequest", "onResponse"]);
    expect(calls[0]!.request).toEqual({ method: "POST", url: "https://api-mt1.pusher.com/apps/7/events", path: "/apps/7/events" });
    expect(calls[1]!.request).toBe(calls[0]!.request);
    expect(calls[1]!.detail).toEqual({ status: 200, durationMs: expect.any(Number) as number, retries: 0 });
  });

  it("each retry is reported with its attempt and reason, and the answer with the count of retries", async () => {
    const { hooks, calls } = recordingHooks();
    const client = clientAnswering((_request, index) => (index < 2 ? text("busy", 503) : json({ channels: {} })), {
      hooks,
      retry: { limit: 2, backoffLimit: 0 },
    });

    await client.channels();

    expect(calls.map((call) => [call.hook, call.detail])).toEqual([
      ["onRequest", undefined],
      ["onRetry", { attempt: 1, reason: "HTTP 503" }],
      ["onRetry", { attempt: 2, reason: "HTTP 503" }],
      ["onResponse", { status: 200, durationMs: expect.any(Number) as number, retries: 2 }],
    ]);
  });

  it("a failure is reported by onError with the typed error the call rejects with", async () => {
    const { hooks, calls } = recordingHooks();
    const client = clientAnswering(() => text("<html>portal</html>", 200), { hooks });

    const error = await client.trigger("orders", "created", 1).catch((failure: unknown) => failure);

    expect(isPusherResponseError(error)).toBe(true);
    expect(calls.map((call) => call.hook)).toEqual(["onRequest", "onError"]);
    expect(calls[1]!.detail).toEqual({ error, durationMs: expect.any(Number) as number, retries: 0 });
  });

  it("retries of network failures and timeouts say so", async () => {
    const { hooks, calls } = recordingHooks();
    let attempts = 0;
    const client = createRestClient({
      ...CREDENTIALS,
      hooks,
      timeout: 20,
      retry: { limit: 2, backoffLimit: 0 },
      fetch: (input) => {
        attempts++;
        if (attempts === 1) return Promise.reject(new TypeError("fetch failed", { cause: { code: "ECONNRESET" } }));
        return new Promise((_resolve, reject) =>
          (input as Request).signal.addEventListener("abort", () => reject((input as Request).signal.reason as Error)),
        );
      },
    });

    await client.channels().catch(() => undefined);

    expect(calls.filter((call) => call.hook === "onRetry").map((call) => call.detail)).toEqual([
      { attempt: 1, reason: "ECONNRESET" },
      { attempt: 2, reason: "timeout" },
    ]);
    expect(calls.at(-1)).toMatchObject({ hook: "onError", detail: { retries: 2, error: { name: "PusherTimeoutError" } } });
  });

  it("no hook ever sees a secret, the key or a signature; and each hook did run, as often as the calls made", async () => {
    const { hooks, calls } = recordingHooks();
    const signatures: string[] = [];
    const client = clientAnswering(
      (request, index) => {
        const signature = new URL(request.url).searchParams.get("auth_signature") ?? "";
        signatures.push(signature);
        // channels(): a 503 quoting the signature, retried, then an answer; trigger(): a 401 quoting it.
        if (index === 0) return text(`busy, you sent ${signature}`, 503);
        return index === 1 ? json({ channels: {} }) : text(`bad signature ${signature}`, 401);
      },
      { hooks, retry: { limit: 1, backoffLimit: 0 } },
    );

    await client.channels();
    await client.trigger("orders", "created", 1).catch(() => undefined);

    expect(calls.map((call) => call.hook)).toEqual(["onRequest", "onRetry", "onResponse", "onRequest", "onError"]);
    expect(signatures).toHaveLength(3);
    const seen = JSON.stringify(calls, (_key, value: unknown) => (value instanceof Error ? { ...value, message: value.message } : value));
    expect(seen).toContain("bad signature REDACTED");
    for (const secret of [SECRET, ...signatures, "auth_key=hooks-key"]) expect(seen).not.toContain(secret);
    expect(seen).not.toMatch(/auth_signature=[0-9a-f]{64}/);
  });

  it("a hook that throws changes nothing: the call resolves or rejects as it would", async () => {
    const throwing: RequestHooks = {
      onRequest: () => {
        throw new Error("observer bug");
      },
      onResponse: () => {
        throw new Error("observer bug");
      },
      onError: () => {
        throw new Error("observer bug");
      },
    };
    await expect(clientAnswering(() => json({}), { hooks: throwing }).trigger("a", "e", 1)).resolves.toEqual({ channels: {} });
    const error = await clientAnswering(() => text("no", 403), { hooks: throwing })
      .trigger("a", "e", 1)
      .catch((failure: unknown) => failure);
    expect(isPusherHttpError(error)).toBe(true);
  });

  it("hooks are checked when the client is made", () => {
    for (const hooks of [null, 1, { onRequest: "log" }, { onError: {} }]) {
      expect(() => createRestClient({ ...CREDENTIALS, hooks: hooks as RequestHooks })).toThrow(
        expect.objectContaining({ name: "PusherConfigError", option: expect.stringMatching(/^hooks/) as string }),
      );
    }
  });
});

describe("agent: the Node agent that carries every request", () => {
  it("every request goes through the agent given", async () => {
    const server = createServer((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end("{}"));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const agent = new Agent({ keepAlive: true });
    let created = 0;
    const createConnection = agent.createConnection.bind(agent);
    agent.createConnection = (...args: Parameters<typeof createConnection>) => {
      created++;
      return createConnection(...args);
    };
    try {
      const client = createRestClient({
        ...CREDENTIALS,
        host: "127.0.0.1",
        port: (server.address() as AddressInfo).port,
        useTLS: false,
        agent,
      });
      await client.trigger("a", "e", 1);
      await client.channels();
      expect(created).toBe(1);
    } finally {
      agent.destroy();
      server.closeAllConnections();
      server.close();
    }
  });

  it("is refused with fetch, and when it is not an object", () => {
    expect(() => createRestClient({ ...CREDENTIALS, agent: new Agent(), fetch: globalThis.fetch })).toThrow(
      expect.objectContaining({ name: "PusherConfigError", option: "agent" }),
    );
    // An object that is no agent is refused when the client is made, not at its first request.
    for (const notAnAgent of ["proxy", {}, { addRequest: "yes" }, null]) {
      expect(() => createRestClient({ ...CREDENTIALS, agent: notAnAgent as unknown as object })).toThrow(
        expect.objectContaining({ name: "PusherConfigError", option: "agent" }),
      );
    }
    expect(() => createRestClient({ ...CREDENTIALS, agent: "proxy" as unknown as object })).toThrow(
      expect.objectContaining({ name: "PusherConfigError", option: "agent" }),
    );
  });
});
