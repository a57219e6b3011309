import { isPusherConfigError } from "@x/types";
import type { WebhookEvent } from "../src/index.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decodeMasterKey, encryptPayload } from "@x/signing";
import { createWebhookDecryptor, createWebhookHandler, type WebhookContext, type WebhookHandlerOptions } from "../src/index.js";
import { signBody, utf8, webhookRequest } from "./support/webhook-fixtures.js";

const app = { key: "app-key", secret: "app-secret-c0ffee" };
const NOW = 1_700_000_000_000;
const body = JSON.stringify({
  time_ms: NOW,
  events: [
    { name: "channel_occupied", channel: "presence-room" },
    { name: "member_added", channel: "presence-room", user_id: "ada" },
  ],
});
// The webhooks here are sent at NOW, and the freshness window is on by default: the clock says NOW.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});
const pusherHeaders = (text: string | Uint8Array = body) => ({
  "x-pusher-key": app.key,
  "x-pusher-signature": signBody(app.secret, text),
});

function recordingHandler(options: Partial<WebhookHandlerOptions> = {}) {
  const received: { event: WebhookEvent; context: WebhookContext }[] = [];
  const batches: (readonly WebhookEvent[])[] = [];
  const handler = createWebhookHandler({
    credentials: app,
    onEvent: (event, context) => {
      received.push({ event, context });
    },
    onEvents: (events) => {
      batches.push(events);
    },
    ...options,
  });
  return { handler, received, batches };
}

/** A body stream that counts how many chunks were pulled from it. */
function countingStream(chunks: Uint8Array[]) {
  const state = { pulls: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = chunks[state.pulls++];
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

function streamRequest(stream: ReadableStream<Uint8Array>, headers: Record<string, string>): Request {
  return new Request("http://127.0.0.1/pusher/webhooks", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: stream,
    duplex: "half",
  } as RequestInit);
}

describe("createWebhookHandler: accepted webhooks", () => {
  it("handler(valid webhook) awaits onEvents then onEvent for each event, then answers 200", async () => {
    const { handler, received, batches } = recordingHandler();
    const request = webhookRequest(body, pusherHeaders());
    const response = await handler(request);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(batches).toEqual([
      [
        { name: "channel_occupied", channel: "presence-room" },
        { name: "member_added", channel: "presence-room", user_id: "ada" },
      ],
    ]);
    expect(received.map(({ event }) => event.name)).toEqual(["channel_occupied", "member_added"]);
    expect(received[0]!.context).toEqual({ timeMs: NOW, request });
  });

  it("handler answers 200 only after an async callback has resolved", async () => {
    const order: string[] = [];
    const handler = createWebhookHandler({
      credentials: app,
      onEvent: async (event) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(event.name);
      },
    });
    const response = await handler(webhookRequest(body, pusherHeaders()));
    order.push(`answered ${response.status}`);
    expect(order).toEqual(["channel_occupied", "member_added", "answered 200"]);
  });

  it("handler accepts Content-Type parameters and any case (application/json; charset=utf-8)", async () => {
    const { handler } = recordingHandler();
    for (const contentType of ["application/json; charset=utf-8", "Application/JSON;charset=UTF-8", " application/json "]) {
      const response = await handler(webhookRequest(body, { ...pusherHeaders(), "content-type": contentType }));
      expect(response.status).toBe(200);
    }
  });

  it("handler(valid webhook from a rotated key) answers 200", async () => {
    const rotated = { key: "new-key", secret: "new-secret-abc123" };
    const { handler } = recordingHandler({ credentials: [app, rotated] });
    const headers = { "x-pusher-key": rotated.key, "x-pusher-signature": signBody(rotated.secret, body) };
    expect((await handler(webhookRequest(body, headers))).status).toBe(200);
  });
});

describe("createWebhookHandler: encrypted client events", () => {
  const MASTER_KEY_BASE64 = "dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=";
  const channel = "private-encrypted-orders";
  const clientEventBody = (data: string) =>
    JSON.stringify({ time_ms: NOW, events: [{ name: "client_event", channel, event: "client-order", data, socket_id: "1.2" }] });

  it("handler({ decryptor }) hands onEvent the plaintext of an encrypted client event", async () => {
    const encrypted = clientEventBody(encryptPayload(channel, '{"total":42}', decodeMasterKey(MASTER_KEY_BASE64)));
    const { handler, received } = recordingHandler({ decryptor: createWebhookDecryptor(MASTER_KEY_BASE64) });
    const response = await handler(webhookRequest(encrypted, pusherHeaders(encrypted)));
    expect(response.status).toBe(200);
    expect(received.map(({ event }) => event)).toEqual([
      { name: "client_event", channel, event: "client-order", data: '{"total":42}', socket_id: "1.2" },
    ]);
  });

  it("handler({ decryptor }) answers 400 and calls nothing for data that does not decrypt", async () => {
    const plain = clientEventBody("not encrypted");
    const { handler, received, batches } = recordingHandler({ decryptor: createWebhookDecryptor(MASTER_KEY_BASE64) });
    const response = await handler(webhookRequest(plain, pusherHeaders(plain)));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "events[0].data did not decrypt (wrong master key, tampered or not encrypted)",
    });
    expect([received, batches]).toEqual([[], []]);
  });
});

describe("createWebhookHandler: refused requests", () => {
  it("handler(GET) answers 405 with Allow: POST and calls nothing", async () => {
    const { handler, received } = recordingHandler();
    const response = await handler(webhookRequest(body, pusherHeaders(), { method: "GET" }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(received).toEqual([]);
  });

  it("handler(wrong or missing Content-Type) answers 415", async () => {
    const { handler } = recordingHandler();
    const textPlain = webhookRequest(body, { ...pusherHeaders(), "content-type": "text/plain" });
    expect((await handler(textPlain)).status).toBe(415);
    const jsonish = webhookRequest(body, { ...pusherHeaders(), "content-type": "application/jsonp" });
    expect((await handler(jsonish)).status).toBe(415);
    const none = new Request("http://127.0.0.1/", { method: "POST", headers: pusherHeaders(), body: utf8(body) });
    expect(none.headers.get("content-type")).toBeNull();
    expect((await handler(none)).status).toBe(415);
  });

  it("handler(bad, missing signature or unknown key) answers 401 and calls nothing", async () => {
    const { handler, received } = recordingHandler();
    const tampered = body.replace("ada", "eve");
    const badSignature = await handler(webhookRequest(tampered, pusherHeaders()));
    expect(badSignature.status).toBe(401);
    expect(await badSignature.json()).toEqual({ error: "the X-Pusher-Signature header does not match the body" });
    const missing = await handler(webhookRequest(body, { "x-pusher-key": app.key }));
    expect(missing.status).toBe(401);
    const unknownKey = await handler(webhookRequest(body, { ...pusherHeaders(), "x-pusher-key": "intruder" }));
    expect(unknownKey.status).toBe(401);
    expect(received).toEqual([]);
  });

  it("handler(bad signature and malformed body) answers 401 without describing the body", async () => {
    const { handler } = recordingHandler();
    const response = await handler(webhookRequest("{not json", pusherHeaders()));
    expect(response.status).toBe(401);
    expect(JSON.stringify(await response.json())).not.toContain("JSON");
  });

  it("handler(signed but malformed body or event) answers 400 with the problem", async () => {
    const { handler, received } = recordingHandler();
    const notJson = "{not json";
    const response = await handler(webhookRequest(notJson, pusherHeaders(notJson)));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "the body is not valid JSON" });
    const badEvent = JSON.stringify({ time_ms: NOW, events: [{ name: "member_added", channel: "presence-x" }] });
    expect((await handler(webhookRequest(badEvent, pusherHeaders(badEvent)))).status).toBe(400);
    expect(received).toEqual([]);
  });

  it("handler(webhook older than maxAgeMs) answers 401", async () => {
    const { handler, received } = recordingHandler({ maxAgeMs: 1000, now: () => NOW + 1001 });
    expect((await handler(webhookRequest(body, pusherHeaders()))).status).toBe(401);
    expect(received).toEqual([]);
  });

  it("handler(Content-Length over maxBodyBytes) answers 413 without reading the body", async () => {
    const { handler } = recordingHandler({ maxBodyBytes: 100 });
    const { stream, state } = countingStream([utf8(body)]);
    const response = await handler(streamRequest(stream, { ...pusherHeaders(), "content-length": "101" }));
    expect(response.status).toBe(413);
    expect(state.pulls).toBe(0);
  });

  it("handler(chunked body growing past maxBodyBytes) answers 413 and stops reading", async () => {
    const { handler } = recordingHandler({ maxBodyBytes: 100 });
    const chunk = new Uint8Array(60);
    const { stream, state } = countingStream([chunk, chunk, chunk, chunk]);
    const response = await handler(streamRequest(stream, pusherHeaders()));
    expect(response.status).toBe(413);
    expect(state.pulls).toBe(2);
  });

  it("handler(body past maxBodyBytes whose stream refuses to be cancelled) still answers 413", async () => {
    const { handler } = recordingHandler({ maxBodyBytes: 10 });
    const stubborn = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(20));
      },
      cancel() {
        throw new Error("cannot cancel");
      },
    });
    expect((await handler(streamRequest(stubborn, pusherHeaders()))).status).toBe(413);
  });

  it("handler(chunked body within maxBodyBytes) reassembles the exact bytes", async () => {
    const { handler, received } = recordingHandler({ maxBodyBytes: utf8(body).byteLength });
    const bytes = utf8(body);
    const { stream } = countingStream([bytes.slice(0, 7), bytes.slice(7, 50), bytes.slice(50)]);
    const response = await handler(streamRequest(stream, pusherHeaders()));
    expect(response.status).toBe(200);
    expect(received).toHaveLength(2);
  });

  it("handler(body that fails while being read) answers 400", async () => {
    const { handler } = recordingHandler();
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error("connection reset"));
      },
    });
    expect((await handler(streamRequest(failing, pusherHeaders()))).status).toBe(400);
  });

  it("handler(POST without a body) answers 401 for the signature, not a crash", async () => {
    const { handler } = recordingHandler();
    const request = new Request("http://127.0.0.1/", {
      method: "POST",
      headers: { "content-type": "application/json", "x-pusher-key": app.key },
    });
    expect((await handler(request)).status).toBe(401);
  });
});

describe("createWebhookHandler: failing callbacks", () => {
  it("handler answers 500 with no internal detail when onEvent throws, and tells onError", async () => {
    const failure = new Error("database password is hunter2");
    const reported: unknown[] = [];
    const handler = createWebhookHandler({
      credentials: app,
      onEvent: () => Promise.reject(failure),
      onError: (error) => {
        reported.push(error);
      },
    });
    const response = await handler(webhookRequest(body, pusherHeaders()));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("hunter2");
    expect(JSON.parse(text)).toEqual({ error: "the webhook could not be processed" });
    expect(reported).toEqual([failure]);
  });

  it("handler answers 500 when onEvents throws, even if onError throws too", async () => {
    const handler = createWebhookHandler({
      credentials: app,
      onEvents: () => {
        throw new Error("boom");
      },
      onError: () => {
        throw new Error("logger down");
      },
    });
    expect((await handler(webhookRequest(body, pusherHeaders()))).status).toBe(500);
  });

  it("handler answers 500 and tells onError the PusherConfigError when its now option stops returning a number", async () => {
    const reported: unknown[] = [];
    const { handler, received } = recordingHandler({ now: () => Number.NaN, onError: (error) => void reported.push(error) });
    expect((await handler(webhookRequest(body, pusherHeaders()))).status).toBe(500);
    expect(reported.map((error) => isPusherConfigError(error) && error.option)).toEqual(["now"]);
    expect(received).toEqual([]);
  });
});

describe("createWebhookHandler: callbacks that misbehave in every way", () => {
  const boom = () => {
    throw new Error("boom");
  };
  const hostileThenable = new Proxy({}, { get: boom });

  it.each([
    ["onEvent throws synchronously", { onEvent: boom }],
    ["onEvent rejects", { onEvent: () => Promise.reject(new Error("down")) }],
    ["onEvents rejects", { onEvents: () => Promise.reject(new Error("down")) }],
    ["onEvent returns a value whose then throws", { onEvent: () => hostileThenable as never }],
    [
      "onEvent rejects and onError rejects",
      { onEvent: () => Promise.reject(new Error("down")), onError: () => Promise.reject(new Error("logger down")) },
    ],
    ["onEvent rejects and onError throws", { onEvent: () => Promise.reject(new Error("down")), onError: boom }],
    [
      "onEvent rejects and onError returns a value whose then throws",
      { onEvent: () => Promise.reject(new Error("down")), onError: () => hostileThenable as never },
    ],
  ])("handler answers 500 when %s, and its promise resolves", async (_, callbacks) => {
    const handler = createWebhookHandler({ credentials: app, ...(callbacks as Partial<WebhookHandlerOptions>) });
    const response = await handler(webhookRequest(body, pusherHeaders()));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "the webhook could not be processed" });
  });

  it("handler awaits an asynchronous onError before answering 500", async () => {
    const order: string[] = [];
    const handler = createWebhookHandler({
      credentials: app,
      onEvent: () => Promise.reject(new Error("down")),
      onError: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push("logged");
      },
    });
    order.push(`answered ${(await handler(webhookRequest(body, pusherHeaders()))).status}`);
    expect(order).toEqual(["logged", "answered 500"]);
  });

  it("handler answers 200 whatever a resolving onEvent returns", async () => {
    for (const returned of [42, "no", { then: undefined }, Promise.resolve(false)]) {
      const handler = createWebhookHandler({ credentials: app, onEvent: () => returned as never });
      expect((await handler(webhookRequest(body, pusherHeaders()))).status).toBe(200);
    }
  });
});

describe("createWebhookHandler: configuration", () => {
  const optionOf = (options: WebhookHandlerOptions) => {
    try {
      createWebhookHandler(options);
    } catch (error) {
      if (isPusherConfigError(error)) return error.option;
      throw error;
    }
    throw new Error("expected a PusherConfigError");
  };

  it("createWebhookHandler(no callback, bad credentials or options) throws a PusherConfigError naming it", () => {
    const onEvent = () => undefined;
    expect(optionOf({ credentials: app })).toBe("onEvent");
    expect(optionOf({ credentials: [], onEvent })).toBe("credentials");
    expect(optionOf({ credentials: { key: "k", secret: "" }, onEvent })).toBe("secret");
    expect(optionOf({ credentials: app, onEvent, maxBodyBytes: 1.5 })).toBe("maxBodyBytes");
    expect(optionOf({ credentials: app, onEvent, bodyTimeoutMs: -1 })).toBe("bodyTimeoutMs");
    expect(optionOf({ credentials: app, onEvent, decryptor: "short" as never })).toBe("decryptor");
  });

  it("createWebhookHandler(options that are not an object, or callbacks that are not functions) throws a PusherConfigError naming it", () => {
    const onEvent = () => undefined;
    expect(optionOf(null as never)).toBe("options");
    expect(optionOf("options" as never)).toBe("options");
    expect(
      optionOf(
        new Proxy(
          {},
          {
            get: () => {
              throw new Error("boom");
            },
          },
        ) as never,
      ),
    ).toBe("options");
    expect(optionOf({ credentials: app, onEvent: "log" as never })).toBe("onEvent");
    expect(optionOf({ credentials: app, onEvents: {} as never })).toBe("onEvents");
    expect(optionOf({ credentials: app, onEvent, onError: true as never })).toBe("onError");
  });
});
