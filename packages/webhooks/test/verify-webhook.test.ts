import { decodeMasterKey, encryptPayload } from "@x/signing";
import { isPusherConfigError } from "@x/types";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createWebhookDecryptor, isKnownWebhookEvent, verifyWebhook } from "../src/index.js";
import { signBody, signedDelivery, utf8 } from "./support/webhook-fixtures.js";

const app = { key: "app-key", secret: "app-secret-7f3c9a" };
const rotated = { key: "new-key", secret: "new-secret-91b2e4" };
const NOW = 1_700_000_000_000;
const MASTER_KEY_BASE64 = "dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=";

const codes = (verdict: ReturnType<typeof verifyWebhook>) => verdict.validationErrors.map((problem) => problem.code);
const webhook = (events: unknown[], timeMs = NOW) => ({ time_ms: timeMs, events });

// The webhooks here are sent at NOW, and the freshness window is on by default: the clock says NOW.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("verifyWebhook: signatures and keys", () => {
  it("verifyWebhook(credentials, signed body) is valid and exposes time_ms as timeMs", () => {
    const verdict = verifyWebhook(app, signedDelivery(app, webhook([{ name: "channel_occupied", channel: "a" }])));
    expect(verdict).toEqual({
      isValid: true,
      events: [{ name: "channel_occupied", channel: "a" }],
      timeMs: NOW,
      validationErrors: [],
    });
  });

  it("verifyWebhook(credentials, ArrayBuffer body) checks the same bytes", () => {
    const { body, signature, key } = signedDelivery(app, webhook([]));
    const verdict = verifyWebhook(app, { body: utf8(body).buffer, signature, key });
    expect(verdict.isValid).toBe(true);
  });

  it("verifyWebhook(several credentials) chooses the secret by the key header (rotation)", () => {
    const both = [app, rotated];
    expect(verifyWebhook(both, signedDelivery(rotated, webhook([]))).isValid).toBe(true);
    expect(verifyWebhook(both, signedDelivery(app, webhook([]))).isValid).toBe(true);
    const crossed = { ...signedDelivery(rotated, webhook([])), key: app.key };
    expect(codes(verifyWebhook(both, crossed))).toEqual(["invalid_signature"]);
  });

  it("verifyWebhook(one key with two secrets) accepts either secret, as the official SDK does", () => {
    const twoSecrets = [app, { key: app.key, secret: "second-secret-55aa" }];
    expect(verifyWebhook(twoSecrets, signedDelivery(twoSecrets[1]!, webhook([]))).isValid).toBe(true);
  });

  it("verifyWebhook(without key header) tries every configured secret, like the .NET PusherServer library's ProcessWebHook", () => {
    const { body, signature } = signedDelivery(rotated, webhook([]));
    expect(verifyWebhook([app, rotated], { body, signature }).isValid).toBe(true);
    expect(verifyWebhook([app, rotated], { body, signature, key: null }).isValid).toBe(true);
    expect(codes(verifyWebhook(app, { body, signature }))).toEqual(["invalid_signature"]);
  });

  it("verifyWebhook(unknown key header) is invalid with unknown_key", () => {
    const verdict = verifyWebhook(app, { ...signedDelivery(app, webhook([])), key: "someone-else" });
    expect(verdict).toMatchObject({ isValid: false, events: [], timeMs: undefined });
    expect(codes(verdict)).toEqual(["unknown_key"]);
  });

  it("verifyWebhook(missing or empty signature) is invalid with missing_signature", () => {
    const { body, key } = signedDelivery(app, webhook([]));
    expect(codes(verifyWebhook(app, { body, key, signature: undefined }))).toEqual(["missing_signature"]);
    expect(codes(verifyWebhook(app, { body, key, signature: null }))).toEqual(["missing_signature"]);
    expect(codes(verifyWebhook(app, { body, key, signature: "" }))).toEqual(["missing_signature"]);
  });

  it("verifyWebhook(malformed hex signature) is simply invalid", () => {
    const delivery = signedDelivery(app, webhook([]));
    for (const signature of [
      delivery.signature.toUpperCase(),
      delivery.signature.slice(1),
      `${delivery.signature}0`,
      `z${delivery.signature.slice(1)}`,
      "not hex at all",
    ]) {
      expect(codes(verifyWebhook(app, { ...delivery, signature }))).toEqual(["invalid_signature"]);
    }
  });

  it("verifyWebhook(body with one byte changed) is invalid", () => {
    const delivery = signedDelivery(app, webhook([{ name: "channel_vacated", channel: "room-1" }]));
    const body = delivery.body.replace("room-1", "room-2");
    expect(codes(verifyWebhook(app, { ...delivery, body }))).toEqual(["invalid_signature"]);
  });

  it("verifyWebhook(bad signature, unknown key, bad body) lists every problem", () => {
    const verdict = verifyWebhook(app, { body: "{oops", signature: "00", key: "nobody" });
    expect(codes(verdict)).toEqual(["unknown_key", "invalid_body"]);
    const noSignature = verifyWebhook(app, { body: "[]", signature: undefined, key: app.key });
    expect(codes(noSignature)).toEqual(["missing_signature", "invalid_body"]);
  });

  it("verifyWebhook's validation errors never contain the secret or the expected signature", () => {
    const delivery = signedDelivery(app, webhook([{ name: "channel_vacated", channel: "x" }]));
    const verdict = verifyWebhook(app, { ...delivery, signature: "0".repeat(64) });
    const text = JSON.stringify(verdict);
    expect(verdict.isValid).toBe(false);
    expect(text).not.toContain(app.secret);
    expect(text).not.toContain(delivery.signature);
  });
});

describe("verifyWebhook: bodies and events", () => {
  const verifyPayload = (payload: unknown) => verifyWebhook(app, signedDelivery(app, payload));

  it("verifyWebhook(body that is not JSON, not an object or without time_ms/events) is invalid_body", () => {
    const sign = (body: string) => verifyWebhook(app, { body, signature: signBody(app.secret, body), key: app.key });
    expect(codes(sign("not json"))).toEqual(["invalid_body"]);
    expect(codes(sign("[1,2]"))).toEqual(["invalid_body"]);
    expect(codes(sign("null"))).toEqual(["invalid_body"]);
    expect(codes(sign('{"events":[]}'))).toEqual(["invalid_body"]);
    expect(codes(sign('{"time_ms":"1","events":[]}'))).toEqual(["invalid_body"]);
    expect(codes(sign('{"time_ms":1,"events":{}}'))).toEqual(["invalid_body"]);
    expect(codes(sign("[".repeat(100_000)))).toEqual(["invalid_body"]);
  });

  it("verifyWebhook(bytes that are not UTF-8) is invalid_body", () => {
    const body = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    expect(codes(verifyWebhook(app, { body, signature: signBody(app.secret, body), key: app.key }))).toEqual(["invalid_body"]);
  });

  it("verifyWebhook(body of another type) is invalid_body, not a throw", () => {
    const verdict = verifyWebhook(app, { body: { time_ms: 1 } as never, signature: "00", key: app.key });
    expect(codes(verdict)).toEqual(["invalid_body"]);
  });

  it("verifyWebhook parses every known event with exactly its documented fields", () => {
    const events = [
      { name: "channel_occupied", channel: "a", extra: 1 },
      { name: "channel_vacated", channel: "a" },
      { name: "member_added", channel: "presence-a", user_id: "u1" },
      { name: "member_removed", channel: "presence-a", user_id: "u1" },
      { name: "client_event", channel: "private-a", event: "client-x", data: "{}", socket_id: "1.2" },
      { name: "client_event", channel: "presence-a", event: "client-x", data: "hi", socket_id: "1.2", user_id: "u1" },
      { name: "cache_miss", channel: "cache-a" },
      { name: "subscription_count", channel: "a", subscription_count: 3 },
    ];
    const verdict = verifyPayload(webhook(events));
    expect(verdict.isValid).toBe(true);
    expect(verdict.events).toEqual([{ name: "channel_occupied", channel: "a" }, ...events.slice(1)]);
    expect(verdict.events.every(isKnownWebhookEvent)).toBe(true);
  });

  it("verifyWebhook keeps an unknown event whole, marked known: false", () => {
    const verdict = verifyPayload(webhook([{ name: "channel_renamed", channel: "a", to: "b" }, { name: "ping" }]));
    expect(verdict.isValid).toBe(true);
    expect(verdict.events).toEqual([
      { name: "channel_renamed", channel: "a", to: "b", known: false },
      { name: "ping", known: false },
    ]);
    expect(verdict.events.some(isKnownWebhookEvent)).toBe(false);
  });

  it("verifyWebhook turns a compatible server's object data and numeric user_id into Pusher's strings", () => {
    const verdict = verifyPayload(
      webhook([
        { name: "client_event", channel: "presence-a", event: "client-x", data: { n: 1 }, socket_id: "1.2", user_id: 10 },
        { name: "member_added", channel: "presence-a", user_id: 10 },
      ]),
    );
    expect(verdict.events).toEqual([
      { name: "client_event", channel: "presence-a", event: "client-x", data: '{"n":1}', socket_id: "1.2", user_id: "10" },
      { name: "member_added", channel: "presence-a", user_id: "10" },
    ]);
  });

  it("verifyWebhook(malformed known events) lists each as invalid_event and is invalid", () => {
    const verdict = verifyPayload(
      webhook([
        "not an object",
        { channel: "a" },
        { name: "channel_occupied" },
        { name: "member_added", channel: "presence-a" },
        { name: "subscription_count", channel: "a", subscription_count: -1 },
        { name: "client_event", channel: "a", data: "x", socket_id: "1.2" },
        { name: "client_event", channel: "a", event: "client-x", socket_id: "1.2" },
        { name: "client_event", channel: "a", event: "client-x", data: "x" },
        { name: "client_event", channel: "a", event: "client-x", data: "x", socket_id: "1.2", user_id: {} },
        { name: "future_event", channel: 5 },
        { name: "channel_vacated", channel: "fine" },
      ]),
    );
    expect(verdict.isValid).toBe(false);
    expect(verdict.events).toEqual([]);
    expect(verdict.validationErrors.map((problem) => problem.message)).toEqual([
      "events[0] is not an object",
      "events[1].name must be a string",
      "events[2].channel must be a string",
      "events[3].user_id must be a string",
      "events[4].subscription_count must be a non-negative integer",
      "events[5].event must be a string",
      "events[6].data must be present",
      "events[7].socket_id must be a string",
      "events[8].user_id must be a string when present",
      "events[9].channel must be a string when present",
    ]);
    expect(new Set(codes(verdict))).toEqual(new Set(["invalid_event"]));
  });

  it("verifyWebhook(body over maxBodyBytes) is body_too_large, counted in UTF-8 bytes", () => {
    const delivery = signedDelivery(app, webhook([{ name: "channel_vacated", channel: "é".repeat(50) }]));
    const bytes = utf8(delivery.body).byteLength;
    expect(verifyWebhook(app, delivery, { maxBodyBytes: bytes }).isValid).toBe(true);
    expect(codes(verifyWebhook(app, delivery, { maxBodyBytes: bytes - 1 }))).toEqual(["body_too_large"]);
    expect(codes(verifyWebhook(app, { ...delivery, body: utf8(delivery.body) }, { maxBodyBytes: bytes - 1 }))).toEqual(["body_too_large"]);
    // The default maxBodyBytes is 1 MiB: a body of exactly that size is read, one byte more is refused unread.
    const atLimit = "x".repeat(1_048_576);
    expect(codes(verifyWebhook(app, { body: atLimit, signature: signBody(app.secret, atLimit), key: app.key }))).toEqual(["invalid_body"]);
    const huge = "x".repeat(1_048_576 + 1);
    expect(codes(verifyWebhook(app, { body: huge, signature: signBody(app.secret, huge), key: app.key }))).toEqual(["body_too_large"]);
  });
});

describe("verifyWebhook: freshness window", () => {
  const options = { maxAgeMs: 60_000, now: () => NOW };

  it("verifyWebhook(time_ms within maxAgeMs, either side of now) is valid", () => {
    expect(verifyWebhook(app, signedDelivery(app, webhook([], NOW - 60_000)), options).isValid).toBe(true);
    expect(verifyWebhook(app, signedDelivery(app, webhook([], NOW + 60_000)), options).isValid).toBe(true);
  });

  it("verifyWebhook(time_ms older than maxAgeMs) is invalid with outside_time_window", () => {
    const verdict = verifyWebhook(app, signedDelivery(app, webhook([], NOW - 60_001)), options);
    expect(verdict.validationErrors).toEqual([
      { code: "outside_time_window", message: "the webhook is 60001 ms old; maxAgeMs allows 60000 ms" },
    ]);
  });

  it("verifyWebhook(time_ms further in the future than maxAgeMs) is invalid with outside_time_window", () => {
    const verdict = verifyWebhook(app, signedDelivery(app, webhook([], NOW + 60_001)), options);
    expect(codes(verdict)).toEqual(["outside_time_window"]);
  });

  it("verifyWebhook without maxAgeMs refuses a webhook more than 10 minutes from now: a captured one replayed", () => {
    expect(verifyWebhook(app, signedDelivery(app, webhook([], NOW - 600_000))).isValid).toBe(true);
    expect(verifyWebhook(app, signedDelivery(app, webhook([], NOW + 600_000))).isValid).toBe(true);
    const yearOld = verifyWebhook(app, signedDelivery(app, webhook([], NOW - 365 * 86_400_000)));
    expect(yearOld.validationErrors).toEqual([
      { code: "outside_time_window", message: "the webhook is 31536000000 ms old; maxAgeMs allows 600000 ms" },
    ]);
    expect(codes(verifyWebhook(app, signedDelivery(app, webhook([], NOW - 600_001))))).toEqual(["outside_time_window"]);
    expect(codes(verifyWebhook(app, signedDelivery(app, webhook([], NOW + 600_001))))).toEqual(["outside_time_window"]);
  });

  it("verifyWebhook({ maxAgeMs: false }) accepts any time_ms, as the official package and the .NET library do", () => {
    expect(verifyWebhook(app, signedDelivery(app, webhook([], 0)), { maxAgeMs: false }).isValid).toBe(true);
    expect(verifyWebhook(app, signedDelivery(app, webhook([], NOW * 2)), { maxAgeMs: false, now: () => Number.NaN }).isValid).toBe(true);
  });
});

describe("verifyWebhook: encrypted client events", () => {
  const channel = "private-encrypted-orders";
  const encrypted = encryptPayload(channel, '{"total":42}', decodeMasterKey(MASTER_KEY_BASE64));
  const clientEvent = (data: unknown, onChannel = channel) => ({
    name: "client_event",
    channel: onChannel,
    event: "client-order",
    data,
    socket_id: "1.2",
  });

  it("verifyWebhook({ decryptor }) decrypts client_event data on encrypted channels and leaves other channels' data", () => {
    const verdict = verifyWebhook(app, signedDelivery(app, webhook([clientEvent(encrypted), clientEvent("plain", "private-a")])), {
      decryptor: createWebhookDecryptor(MASTER_KEY_BASE64),
    });
    expect(verdict.isValid).toBe(true);
    expect(verdict.events).toEqual([clientEvent('{"total":42}'), clientEvent("plain", "private-a")]);
  });

  it("verifyWebhook without a decryptor leaves the encrypted data as it came", () => {
    const verdict = verifyWebhook(app, signedDelivery(app, webhook([clientEvent(encrypted)])));
    expect(verdict.events).toEqual([clientEvent(encrypted)]);
  });

  it("verifyWebhook({ decryptor } of a wrong master key, tampered or plain data) is invalid with decryption_failed", () => {
    const otherKey = "OHRXNUZRTG5pUTFzQlFGd3J3N3Q2VFZFc0paZDEweVk=";
    const wrongKey = verifyWebhook(app, signedDelivery(app, webhook([clientEvent(encrypted)])), {
      decryptor: createWebhookDecryptor(otherKey),
    });
    expect(codes(wrongKey)).toEqual(["decryption_failed"]);
    expect(JSON.stringify(wrongKey)).not.toContain(otherKey);
    const decryptor = createWebhookDecryptor(MASTER_KEY_BASE64);
    const plain = verifyWebhook(app, signedDelivery(app, webhook([clientEvent("hello")])), { decryptor });
    expect(plain.validationErrors).toEqual([
      {
        code: "decryption_failed",
        message: "events[0].data did not decrypt (wrong master key, tampered or not encrypted)",
      },
    ]);
    const tampered = encrypted.replace(/"ciphertext":"(.)/, (_, first: string) => `"ciphertext":"${first === "A" ? "B" : "A"}`);
    expect(codes(verifyWebhook(app, signedDelivery(app, webhook([clientEvent(tampered)])), { decryptor }))).toEqual(["decryption_failed"]);
  });

  it("verifyWebhook({ decryptor } of the application) shows what the decryptor returns, and a throw as decryption_failed", () => {
    const upperCase = (channelName: string, data: string) => `${channelName}:${data.toUpperCase()}`;
    const shown = verifyWebhook(app, signedDelivery(app, webhook([clientEvent("hi", "private-a")])), { decryptor: upperCase });
    expect(shown.events).toEqual([clientEvent("private-a:HI", "private-a")]);
    const failing = () => {
      throw new Error("no key for this channel");
    };
    const refused = verifyWebhook(app, signedDelivery(app, webhook([clientEvent("hi", "private-a")])), { decryptor: failing });
    expect(codes(refused)).toEqual(["decryption_failed"]);
  });

  it("createWebhookDecryptor(bad master key) throws a PusherConfigError naming encryptionMasterKeyBase64, never echoing it", () => {
    const badKey = "dGhpcyBpcyAzMSBieXRlcyAxMjM0NTY3ODkwMTIzNA==";
    let thrown: unknown;
    try {
      createWebhookDecryptor(badKey);
    } catch (error) {
      thrown = error;
    }
    expect(isPusherConfigError(thrown) && thrown.option).toBe("encryptionMasterKeyBase64");
    expect(String((thrown as Error).message)).not.toContain(badKey);
  });
});

describe("verifyWebhook: configuration errors", () => {
  const delivery = signedDelivery(app, webhook([]));
  const configErrorOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (isPusherConfigError(error)) return error.option;
      throw error;
    }
    throw new Error("expected a PusherConfigError");
  };

  it("verifyWebhook(empty or incomplete credentials) throws a PusherConfigError naming the option", () => {
    expect(configErrorOf(() => verifyWebhook([], delivery))).toBe("credentials");
    expect(configErrorOf(() => verifyWebhook({ key: "k", secret: "" }, delivery))).toBe("secret");
    expect(configErrorOf(() => verifyWebhook([app, { key: "", secret: "s" }], delivery))).toBe("key");
  });

  it("verifyWebhook(bad options) throws a PusherConfigError naming the option, never echoing the key", () => {
    expect(configErrorOf(() => verifyWebhook(app, delivery, { maxAgeMs: -1 }))).toBe("maxAgeMs");
    expect(configErrorOf(() => verifyWebhook(app, delivery, { maxAgeMs: Number.NaN }))).toBe("maxAgeMs");
    // One way to turn the window off, false: 0 and Infinity are refused rather than read as a window that is none.
    expect(configErrorOf(() => verifyWebhook(app, delivery, { maxAgeMs: 0 }))).toBe("maxAgeMs");
    expect(configErrorOf(() => verifyWebhook(app, delivery, { maxAgeMs: Number.POSITIVE_INFINITY }))).toBe("maxAgeMs");
    expect(configErrorOf(() => verifyWebhook(app, delivery, { maxAgeMs: true as never }))).toBe("maxAgeMs");
    expect(configErrorOf(() => verifyWebhook(app, delivery, { maxAgeMs: null as never }))).toBe("maxAgeMs");
    expect(configErrorOf(() => verifyWebhook(app, delivery, { maxBodyBytes: 0 }))).toBe("maxBodyBytes");
    expect(configErrorOf(() => verifyWebhook(app, delivery, { now: 5 as never }))).toBe("now");
    expect(configErrorOf(() => verifyWebhook(app, delivery, { decryptor: MASTER_KEY_BASE64 as never }))).toBe("decryptor");
  });
});

describe("verifyWebhook: hostile arguments", () => {
  const delivery = signedDelivery(app, webhook([{ name: "channel_occupied", channel: "a" }]));
  const boom = () => {
    throw new Error(`boom ${app.secret}`);
  };
  const configErrorOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (isPusherConfigError(error)) {
        expect(`${error.message}${JSON.stringify(error)}`).not.toContain(app.secret);
        return error.option;
      }
      throw error;
    }
    throw new Error("expected a PusherConfigError");
  };

  it.each([
    ["null", null],
    ["a number", 42],
    ["a string", "{}"],
    ["an object whose getter throws", Object.defineProperty({}, "body", { get: boom })],
    ["a Proxy whose get trap throws", new Proxy({}, { get: boom })],
  ])("verifyWebhook(credentials, %s as the delivery) is an invalid verdict, not a throw", (_, given) => {
    expect(verifyWebhook(app, given as never)).toEqual({
      isValid: false,
      events: [],
      timeMs: undefined,
      validationErrors: [{ code: "invalid_body", message: "the delivery must be an object { body, signature, key? }" }],
    });
  });

  it("verifyWebhook reads the delivery once: a getter cannot show the signature check one body and the parser another", () => {
    const other = JSON.stringify(webhook([{ name: "channel_vacated", channel: "b" }]));
    let reads = 0;
    const shifty = Object.defineProperty({ signature: delivery.signature, key: delivery.key }, "body", {
      get: () => (reads++ === 0 ? delivery.body : other),
    });
    expect(verifyWebhook(app, shifty as never).events).toEqual([{ name: "channel_occupied", channel: "a" }]);
    expect(reads).toBe(1);
  });

  it.each([
    ["null", "options", null],
    ["a number", "options", 7],
    ["a Proxy whose get trap throws", "options", new Proxy({}, { get: boom })],
    ["a now that throws", "now", { maxAgeMs: 1000, now: boom }],
    ["a now that returns NaN", "now", { maxAgeMs: 1000, now: () => Number.NaN }],
    ["a now that returns a BigInt", "now", { maxAgeMs: 1000, now: () => 1n }],
    ["a now that returns a string", "now", { maxAgeMs: 1000, now: () => "1700000000000" }],
  ])("verifyWebhook(credentials, delivery, %s as options) throws a PusherConfigError naming %s", (_, option, options) => {
    expect(configErrorOf(() => verifyWebhook(app, delivery, options as never))).toBe(option);
  });

  it.each([
    ["null", "credentials", null],
    ["a Proxy whose get trap throws", "credentials", new Proxy(app, { get: boom })],
    ["a list whose iteration throws", "credentials", new Proxy([app], { get: boom })],
    ["a pair whose secret getter throws", "credentials", [Object.defineProperty({ key: "k" }, "secret", { get: boom })]],
  ])("verifyWebhook(%s as credentials) throws a PusherConfigError naming %s, never what a getter threw", (_, option, credentials) => {
    expect(configErrorOf(() => verifyWebhook(credentials as never, delivery))).toBe(option);
  });

  it("verifyWebhook(a signed client_event whose data is nested 500,000 levels deep) is invalid_event, not a RangeError", () => {
    const depth = 500_000;
    const body = `{"time_ms":${NOW},"events":[{"name":"client_event","channel":"c","event":"e","socket_id":"1.1","data":${"[".repeat(depth)}${"]".repeat(depth)}}]}`;
    const verdict = verifyWebhook(app, { body, signature: signBody(app.secret, body), key: app.key }, { maxBodyBytes: 2 * depth + 200 });
    expect(verdict.validationErrors).toEqual([
      { code: "invalid_event", message: "events[0].data must be JSON nested shallowly enough to serialize" },
    ]);
  });

  it("verifyWebhook(a body nested 500,000 levels deep) is invalid_body, not a RangeError", () => {
    const body = `${"[".repeat(500_000)}${"]".repeat(500_000)}`;
    const verdict = verifyWebhook(app, { body, signature: signBody(app.secret, body), key: app.key });
    expect(codes(verdict)).toEqual(["invalid_body"]);
  });

  it.each([
    ["undefined", undefined],
    ["a number", 42],
    ["an object", { text: "hi" }],
  ])("verifyWebhook({ decryptor } of the application that returns %s) is invalid with decryption_failed", (_, returned) => {
    const decryptor = () => returned as never;
    const body = webhook([{ name: "client_event", channel: "private-a", event: "client-x", data: "hi", socket_id: "1.1" }]);
    expect(codes(verifyWebhook(app, signedDelivery(app, body), { decryptor }))).toEqual(["decryption_failed"]);
  });
});

describe("isKnownWebhookEvent with what is not an event", () => {
  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a string", "channel_occupied"],
    [
      "a Proxy whose get trap throws",
      new Proxy(
        {},
        {
          get: () => {
            throw new Error("boom");
          },
        },
      ),
    ],
  ])("isKnownWebhookEvent(%s) is false, not a throw", (_, value) => {
    expect(isKnownWebhookEvent(value as never)).toBe(false);
  });
});
