// A standalone script, bundled and run by hostile-child-process.test.ts in a child process started
// with `node --unhandled-rejections=strict`: it drives createWebhookHandler with hundreds of
// hostile requests and callbacks, then prints one JSON line, a summary with each case's expected
// and actual status, and exits 0. Any rejection nobody handles (a callback's, onError's) kills
// the process with a non-zero code, which the test reports; a handler whose promise rejects is
// recorded as "threw".
import { ON_ERRORS, endlessStringStream, runCases, type CaseResult, type HostileCase } from "../../../types/test/support/hostile-driver.js";
import { HOSTILE_FACTORIES, boom } from "../../../types/test/support/hostile-values.js";
import { createWebhookHandler, type WebhookHandlerOptions } from "../../src/index.js";
import { signBody } from "../support/webhook-fixtures.js";

const app = { key: "hostile-key", secret: "hostile-webhook-secret-8a21" };
const URL_ = "http://127.0.0.1/pusher/webhooks";
const NOW = 1_700_000_000_000;
const JSON_TYPE = "application/json";

export interface WebhookCaseResult extends CaseResult {
  /** How many events reached the callbacks. */
  delivered: number;
}

const hostileThenable = HOSTILE_FACTORIES["a Proxy whose every trap throws"]!;
const revoked = HOSTILE_FACTORIES["a revoked Proxy"]!;

const body = JSON.stringify({
  time_ms: NOW,
  events: [
    { name: "channel_occupied", channel: "presence-room" },
    { name: "member_added", channel: "presence-room", user_id: "ada" },
  ],
});

function signed(text: string | Uint8Array, headers: Record<string, string> = {}, method = "POST"): Request {
  return new Request(URL_, {
    method,
    headers: { "content-type": JSON_TYPE, "x-pusher-key": app.key, "x-pusher-signature": signBody(app.secret, text), ...headers },
    body: method === "GET" || method === "HEAD" ? undefined : (text as BodyInit),
  });
}

let delivered = 0;
const cases: HostileCase[] = [];

// 1. Callbacks that fail, in every way, with every kind of onError: always 500, never a crash.
const failures: Record<string, Partial<WebhookHandlerOptions>> = {
  "onEvent throws": { onEvent: boom },
  "onEvent throws undefined": {
    onEvent: () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a careless application may throw
      throw undefined;
    },
  },
  "onEvent throws a revoked Proxy": {
    onEvent: () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a careless application may throw
      throw revoked();
    },
  },
  "onEvent rejects": { onEvent: () => Promise.reject(new Error("down")) },
  "onEvent rejects later": { onEvent: () => new Promise((_, reject) => setTimeout(() => reject(new Error("late")), 5)) },
  "onEvent returns a value whose then throws": { onEvent: () => hostileThenable() as never },
  "onEvent returns a thenable that rejects": {
    onEvent: () => ({ then: (_: unknown, reject: (reason: unknown) => void) => reject(new Error("down")) }) as never,
  },
  "onEvents throws": { onEvents: boom },
  "onEvents rejects": { onEvents: () => Promise.reject(new Error("down")) },
  "onEvents rejects, onEvent never called": { onEvents: () => Promise.reject(new Error("down")), onEvent: () => void delivered++ },
};
for (const [failureName, callbacks] of Object.entries(failures)) {
  for (const [onErrorName, onError] of Object.entries(ON_ERRORS)) {
    const handler = createWebhookHandler({ credentials: app, now: () => NOW, ...callbacks, onError });
    cases.push({ group: "callback that fails", name: `${failureName}, ${onErrorName}`, expected: 500, run: () => handler(signed(body)) });
  }
}

// 2. Callbacks that resolve, whatever they return: 200.
for (const [name, returned] of Object.entries({
  undefined: undefined,
  "a number": 42,
  "an object": { ok: false },
  "a promise of false": Promise.resolve(false),
  "{ then: undefined }": { then: undefined },
})) {
  const answer = () => {
    delivered++;
    return returned as never;
  };
  const handler = createWebhookHandler({ credentials: app, now: () => NOW, onEvent: answer, onEvents: answer, onError: boom });
  cases.push({ group: "callback that resolves", name: `callbacks return ${name}`, expected: 200, run: () => handler(signed(body)) });
}

// 3. Hostile requests, against a handler whose callbacks count what reaches them.
const counting = createWebhookHandler({
  credentials: app,
  maxBodyBytes: 4_000_000,
  maxAgeMs: 600_000,
  now: () => NOW,
  onEvents: (events) => void (delivered += events.length),
  onError: boom,
});
const strict = createWebhookHandler({ credentials: app, onEvent: () => void delivered++ });
const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const event = (fields: Record<string, unknown>) => JSON.stringify({ time_ms: NOW, events: [fields] });
const stream = (chunks: Uint8Array[], headers: Record<string, string>, error = false) =>
  new Request(URL_, {
    method: "POST",
    headers: { "content-type": JSON_TYPE, ...headers },
    body: new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        if (error) controller.error(new Error("connection reset"));
        else controller.close();
      },
    }),
    duplex: "half",
  } as RequestInit);
const megabyte = () => Array.from({ length: 1024 }, () => new Uint8Array(1024).fill(0x20));
const invalidUtf8 = new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]);
const deepData = event({ name: "client_event", channel: "c", event: "e", socket_id: "1.1", data: "DEEP" }).replace('"DEEP"', deep(500_000));
const requests: [string, number, () => Request, ((request: Request) => Promise<Response>)?][] = [
  ["a valid webhook (control)", 200, () => signed(body)],
  ["a body of 2 MiB, declared", 413, () => signed(" ".repeat(2 << 20)), strict],
  ["a body of 2 MiB, streamed without a length", 413, () => stream([...megabyte(), ...megabyte()], {}), strict],
  ["a declared Content-Length of 10 GB", 413, () => signed(body, { "content-length": "10000000000" })],
  ["text/plain", 415, () => signed(body, { "content-type": "text/plain" })],
  ["application/x-www-form-urlencoded", 415, () => signed(body, { "content-type": "application/x-www-form-urlencoded" })],
  ["application/jsonp", 415, () => signed(body, { "content-type": "application/jsonp" })],
  ["a content type of 4 KiB", 415, () => signed(body, { "content-type": `application/${"x".repeat(4096)}` })],
  ["GET", 405, () => signed(body, {}, "GET")],
  ["HEAD", 405, () => signed(body, {}, "HEAD")],
  ["PUT", 405, () => signed(body, {}, "PUT")],
  ["DELETE", 405, () => signed(body, {}, "DELETE")],
  ["PATCH", 405, () => signed(body, {}, "PATCH")],
  ["a missing body", 401, () => new Request(URL_, { method: "POST", headers: { "content-type": JSON_TYPE, "x-pusher-key": app.key } })],
  [
    "a missing body, signed as empty",
    400,
    () =>
      new Request(URL_, {
        method: "POST",
        headers: { "content-type": JSON_TYPE, "x-pusher-key": app.key, "x-pusher-signature": signBody(app.secret, "") },
      }),
  ],
  ["a body stream that fails", 400, () => stream([new TextEncoder().encode("{")], {}, true)],
  [
    "an endless body stream of strings, not bytes",
    413,
    () =>
      new Request(URL_, {
        method: "POST",
        headers: { "content-type": JSON_TYPE },
        body: endlessStringStream(),
        duplex: "half",
      } as RequestInit),
  ],
  ["a wrong signature", 401, () => signed(body, { "x-pusher-signature": signBody("not-the-secret", body) })],
  ["a signature of 1 MiB", 401, () => signed(body, { "x-pusher-signature": "a".repeat(1 << 20) })],
  ["an unknown key", 401, () => signed(body, { "x-pusher-key": "intruder" })],
  ["no signature", 401, () => new Request(URL_, { method: "POST", headers: { "content-type": JSON_TYPE }, body })],
  ["a stale webhook", 401, () => signed(body.replace(String(NOW), String(NOW - 3_600_000)))],
  ["invalid UTF-8, signed", 400, () => signed(invalidUtf8)],
  ["invalid UTF-8, unsigned", 401, () => signed(invalidUtf8, { "x-pusher-signature": "00" })],
  ["a body nested 500,000 levels deep, signed", 400, () => signed(deep(500_000))],
  ["a body nested 500,000 levels deep, unsigned", 401, () => signed(deep(500_000), { "x-pusher-signature": "00" })],
  ["client_event data nested 500,000 levels deep, signed", 400, () => signed(deepData)],
  ["client_event data nested 500,000 levels deep, unsigned", 401, () => signed(deepData, { "x-pusher-signature": "00" })],
  ["time_ms as a string", 400, () => signed('{"time_ms":"1700000000000","events":[]}')],
  ["events as an object", 400, () => signed(`{"time_ms":${NOW},"events":{}}`)],
  ["an event that is a number", 400, () => signed(`{"time_ms":${NOW},"events":[1]}`)],
  ["a numeric event name", 400, () => signed(event({ name: 7, channel: "c" }))],
  ["a numeric channel", 400, () => signed(event({ name: "channel_occupied", channel: 7 }))],
  ["an object user_id", 400, () => signed(event({ name: "member_added", channel: "c", user_id: {} }))],
  ["a negative subscription_count", 400, () => signed(event({ name: "subscription_count", channel: "c", subscription_count: -1 }))],
  ["a __proto__ event", 400, () => signed(`{"time_ms":${NOW},"events":[{"__proto__":{"name":"channel_occupied","channel":"c"}}]}`)],
  ["JSON null", 400, () => signed("null")],
  ["a JSON array", 400, () => signed("[]")],
  ["invalid JSON", 400, () => signed("{not json")],
  ["an empty body, signed", 400, () => signed("")],
  [
    "100,000 events of an unknown kind",
    200,
    () => signed(JSON.stringify({ time_ms: NOW, events: Array.from({ length: 100_000 }, () => ({ name: "new_kind" })) })),
  ],
];
for (const [name, expected, make, handler = counting] of requests) {
  cases.push({ group: "hostile request", name, expected, run: () => handler(make()) });
}

// 4. A valid webhook tampered with: each of 150 bytes replaced, and 50 truncations, all under
// the original signature. Every one is a 401, and no event reaches the callbacks.
const original = new TextEncoder().encode(body);
const originalSignature = signBody(app.secret, original);
for (let index = 0; index < 200; index++) {
  const at = Math.floor((index * original.length) / 200);
  const tampered =
    index < 150 ? original.map((byte, position) => (position === at ? byte ^ (1 + (index % 127)) : byte)) : original.slice(0, at);
  cases.push({
    group: "tampered webhook under the original signature",
    name: index < 150 ? `byte ${at} changed` : `truncated to ${at} bytes`,
    expected: 401,
    run: () => counting(signed(tampered, { "x-pusher-signature": originalSignature })),
  });
}

await runCases(cases, () => {
  const before = delivered;
  return () => ({ delivered: delivered - before });
});
