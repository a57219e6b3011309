// A standalone script, bundled and run by hostile-child-process.test.ts in a child process started
// with `node --unhandled-rejections=strict`: it drives createAuthHandler with hundreds of hostile
// requests and callbacks, then prints one JSON line, a summary with each case's expected and
// actual status, and exits 0. Any rejection nobody handles (a callback's, onError's) kills the
// process with a non-zero code, which the test reports; a handler whose promise rejects is
// recorded as "threw".
import { ON_ERRORS, endlessStringStream, runCases, type CaseResult, type HostileCase } from "../../../types/test/support/hostile-driver.js";
import { HOSTILE_FACTORIES, boom, thenThrows } from "../../../types/test/support/hostile-values.js";
import { createAuthHandler } from "../../src/index.js";
import { formRequest, rawRequest, streamedRequest, ENDPOINT } from "../support/auth-requests.js";

const credentials = {
  key: "hostile-key",
  secret: "hostile-secret-0d4e",
  encryptionMasterKeyBase64: "dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=",
};

export interface AuthCaseResult extends CaseResult {
  /** Whether the body holds a signature (`auth`) or an encrypted channel's key (`shared_secret`). */
  signed: boolean;
}

const cases: HostileCase[] = [];

// 1. Decisions: every value below, on each kind of request, answered synchronously, as a Promise
// and as a thenable. Only the explicit allow of each kind is signed.
const cycle = (): unknown => {
  const value: Record<string, unknown> = { user_id: "1", id: "1" };
  value.user_info = { value };
  return value;
};
const decisions: Record<string, () => unknown> = {
  false: () => false,
  null: () => null,
  undefined: () => undefined,
  "0": () => 0,
  "1": () => 1,
  NaN: () => Number.NaN,
  "an empty string": () => "",
  '"true"': () => "true",
  true: () => true,
  "an empty object": () => ({}),
  "an empty array": () => [],
  "[true]": () => [true],
  "an Error": () => new Error("denied"),
  "a Date": () => new Date(0),
  "a Map": () => new Map([["presenceData", { user_id: "1" }]]),
  "a BigInt": () => 1n,
  "a null-prototype object": () => Object.create(null) as unknown,
  "a boxed true": () => new Boolean(true),
  "{ then: undefined }": () => ({ then: undefined }),
  "{ presenceData: undefined }": () => ({ presenceData: undefined }),
  "{ presenceData: null }": () => ({ presenceData: null }),
  "{ presenceData: {} }": () => ({ presenceData: {} }),
  '{ presenceData: { user_id: "" } }': () => ({ presenceData: { user_id: "" } }),
  "{ presenceData: { user_id: NaN } }": () => ({ presenceData: { user_id: Number.NaN } }),
  "{ presenceData: { user_id, user_info: [] } }": () => ({ presenceData: { user_id: "1", user_info: [] } }),
  "{ presenceData: { user_id, user_info: BigInt } }": () => ({ presenceData: { user_id: "1", user_info: { n: 1n } } }),
  "{ presenceData: a cycle }": () => ({ presenceData: cycle() }),
  "{ presenceData: toJSON throws }": () => ({ presenceData: { user_id: "1", toJSON: boom } }),
  "{ presenceData } whose getter throws": () => Object.defineProperty({}, "presenceData", { get: boom }),
  "{ presenceData: valid }": () => ({ presenceData: { user_id: "1", user_info: { name: "Ada" } } }),
  '{ id: "" }': () => ({ id: "" }),
  '{ id: "a b" }': () => ({ id: "a b" }),
  "{ id: 42 }": () => ({ id: 42 }),
  '{ id, watchlist: "7" }': () => ({ id: "1", watchlist: "7" }),
  "{ id, watchlist of 101 }": () => ({ id: "1", watchlist: Array.from({ length: 101 }, (_, index) => String(index)) }),
  "{ id, user_info: BigInt }": () => ({ id: "1", user_info: { n: 1n } }),
  "{ id } whose toJSON throws": () => ({ id: "1", toJSON: boom }),
  "{ id: valid }": () => ({ id: "1", user_info: { name: "Ada" } }),
  ...HOSTILE_FACTORIES,
};
const ALLOWS: Record<string, string> = {
  "private-a": "true",
  "private-encrypted-vault": "true",
  "presence-a": "{ presenceData: valid }",
  "sign-in": "{ id: valid }",
};

for (const [target, allow] of Object.entries(ALLOWS)) {
  const fields: Record<string, string> = target === "sign-in" ? { socket_id: "1.1" } : { socket_id: "1.1", channel_name: target };
  for (const [decisionName, make] of Object.entries(decisions)) {
    for (const delivery of ["sync", "promise", "thenable"] as const) {
      const callback = () => {
        const decision = make();
        if (delivery === "sync") return decision;
        if (delivery === "promise") return Promise.resolve(decision);
        return { then: (resolve: (value: unknown) => void) => resolve(decision) };
      };
      const breaksPromise = delivery !== "sync" && thenThrows(make());
      const onError = () => Promise.reject(new Error("the logger rejects too"));
      const handler = createAuthHandler({
        ...credentials,
        onChannelAuthorization: callback as never,
        onUserAuthentication: callback as never,
        onError,
      });
      cases.push({
        group: decisionName === allow ? "explicit allow (control)" : "decision that is not an explicit allow",
        name: `${target}, ${delivery}: ${decisionName}`,
        expected: decisionName === allow ? 200 : breaksPromise ? 500 : 403,
        run: () => handler(formRequest(fields)),
      });
    }
  }
}

// 2. Callbacks that fail, with every kind of onError.
const failures: Record<string, () => unknown> = {
  "throws an Error": boom,
  "throws undefined": () => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a careless application may throw
    throw undefined;
  },
  "throws a Proxy": () => {
    throw HOSTILE_FACTORIES["a Proxy whose every trap throws"]!();
  },
  rejects: () => Promise.reject(new Error("down")),
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- what a careless application may reject with
  "rejects with a revoked Proxy": () => Promise.reject(HOSTILE_FACTORIES["a revoked Proxy"]!()),
  "returns a thenable whose then throws": () => ({ then: boom }),
  "returns a thenable that rejects": () => ({ then: (_: unknown, reject: (reason: unknown) => void) => reject(new Error("down")) }),
  "resolves after a delay, then rejects": () => new Promise((_, reject) => setTimeout(() => reject(new Error("late")), 5)),
};
for (const [failureName, failing] of Object.entries(failures)) {
  for (const [onErrorName, onError] of Object.entries(ON_ERRORS)) {
    const handler = createAuthHandler({
      ...credentials,
      onChannelAuthorization: failing as never,
      onUserAuthentication: failing as never,
      onError,
    });
    for (const [target, fields] of [
      ["private-a", { socket_id: "1.1", channel_name: "private-a" }],
      ["sign-in", { socket_id: "1.1" }],
    ] as const) {
      cases.push({
        group: "callback that fails",
        name: `${target}: a callback that ${failureName}, ${onErrorName}`,
        expected: 500,
        run: () => handler(formRequest(fields)),
      });
    }
  }
}

// 3. Malformed requests, against an application that allows everything.
const allowAll = createAuthHandler({
  ...credentials,
  onChannelAuthorization: ({ channelName }) => (channelName.startsWith("presence-") ? { presenceData: { user_id: "1" } } : true),
  onUserAuthentication: () => ({ id: "1" }),
  onError: boom,
});
const roomy = createAuthHandler({
  ...credentials,
  onChannelAuthorization: () => true,
  onUserAuthentication: () => ({ id: "1" }),
  maxBodyBytes: 4_000_000,
});
const FORM = "application/x-www-form-urlencoded";
const valid = "socket_id=1.1&channel_name=private-a";
const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const chunks = (total: number) => Array.from({ length: Math.ceil(total / 1024) }, () => new TextEncoder().encode("x".repeat(1024)));
const failingStream = () =>
  new Request(ENDPOINT, {
    method: "POST",
    headers: { "content-type": FORM },
    body: new ReadableStream({ pull: (controller) => controller.error(new Error("connection reset")) }),
    duplex: "half",
  } as RequestInit);
const requests: [string, number, () => Request, ((request: Request) => Promise<Response>)?][] = [
  ["a valid form (control)", 200, () => rawRequest(valid, FORM)],
  ["a body of 1 MiB, declared", 413, () => rawRequest(`${valid}&p=${"x".repeat(1 << 20)}`, FORM)],
  ["a body of 1 MiB, streamed without a length", 413, () => streamedRequest(chunks(1 << 20))],
  ["a body of 9 KiB, streamed without a length", 413, () => streamedRequest(chunks(9 * 1024))],
  [
    "a declared Content-Length of 10 GB",
    413,
    () => new Request(ENDPOINT, { method: "POST", headers: { "content-type": FORM, "content-length": "10000000000" }, body: valid }),
  ],
  ["text/plain", 415, () => rawRequest(valid, "text/plain")],
  ["multipart/form-data", 415, () => rawRequest(valid, "multipart/form-data; boundary=x")],
  ["application/jsonp", 415, () => rawRequest(valid, "application/jsonp")],
  [
    "no content type",
    415,
    () => {
      const request = new Request(ENDPOINT, { method: "POST", body: valid });
      request.headers.delete("content-type");
      return request;
    },
  ],
  ["a content type of 4 KiB", 415, () => rawRequest(valid, `application/${"x".repeat(4096)}`)],
  ["invalid UTF-8 in a form", 400, () => rawRequest(new Uint8Array([0x73, 0x6f, 0x63, 0xff, 0xfe, 0x3d, 0x31]), FORM)],
  ["invalid UTF-8 in JSON", 400, () => rawRequest(new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), "application/json")],
  ["a repeated socket_id", 400, () => rawRequest(`${valid}&socket_id=2.2`, FORM)],
  ["a repeated channel_name", 400, () => rawRequest(`${valid}&channel_name=private-b`, FORM)],
  ["a JSON body nested 500,000 levels deep", 400, () => rawRequest(deep(500_000), "application/json"), roomy],
  ["a JSON socket_id nested 500,000 levels deep", 400, () => rawRequest(`{"socket_id":${deep(500_000)}}`, "application/json"), roomy],
  ["a form of 100,000 fields", 400, () => rawRequest(Array.from({ length: 100_000 }, (_, index) => `f${index}=1`).join("&"), FORM), roomy],
  ["a numeric JSON socket_id", 400, () => rawRequest('{"socket_id":1.1,"channel_name":"private-a"}', "application/json")],
  ["an object JSON channel_name", 400, () => rawRequest('{"socket_id":"1.1","channel_name":{}}', "application/json")],
  ["a null JSON channel_name", 400, () => rawRequest('{"socket_id":"1.1","channel_name":null}', "application/json")],
  ["a JSON array", 400, () => rawRequest("[]", "application/json")],
  ["JSON null", 400, () => rawRequest("null", "application/json")],
  ["invalid JSON", 400, () => rawRequest("{socket_id:", "application/json")],
  ["a __proto__ field", 400, () => rawRequest('{"__proto__":{"socket_id":"1.1"},"channel_name":"private-a"}', "application/json")],
  ["an empty form", 400, () => rawRequest("", FORM)],
  ["a missing body", 400, () => new Request(ENDPOINT, { method: "POST", headers: { "content-type": FORM } })],
  ["a body stream that fails", 400, failingStream],
  [
    "an endless body stream of strings, not bytes",
    413,
    () =>
      new Request(ENDPOINT, {
        method: "POST",
        headers: { "content-type": FORM },
        body: endlessStringStream(),
        duplex: "half",
      } as RequestInit),
  ],
  ["a socket_id with a newline", 400, () => rawRequest("socket_id=1.1%0A&channel_name=private-a", FORM)],
  ["a public channel", 400, () => rawRequest("socket_id=1.1&channel_name=news", FORM)],
  ["a #server-to-user- channel", 400, () => rawRequest("socket_id=1.1&channel_name=%23server-to-user-1", FORM)],
  ["GET", 405, () => new Request(ENDPOINT, { method: "GET" })],
  ["HEAD", 405, () => new Request(ENDPOINT, { method: "HEAD" })],
  ["PUT", 405, () => new Request(ENDPOINT, { method: "PUT", headers: { "content-type": FORM }, body: valid })],
  ["DELETE", 405, () => new Request(ENDPOINT, { method: "DELETE" })],
  ["PATCH", 405, () => new Request(ENDPOINT, { method: "PATCH", headers: { "content-type": FORM }, body: valid })],
  ["OPTIONS", 405, () => new Request(ENDPOINT, { method: "OPTIONS" })],
];
for (const [name, expected, make, handler = allowAll] of requests) {
  cases.push({ group: "malformed request", name, expected, run: () => handler(make()) });
}

await runCases(cases, () => (body) => ({ signed: body.includes('"auth"') || body.includes('"shared_secret"') }));
