import { createHash } from "node:crypto";
import { PusherConfigError, PusherValidationError } from "@x/types";
import { RESERVED_QUERY_PARAMS } from "@x/types/internal";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signRequest, type RequestToSign } from "../src/index.js";
import { hmacSha256Hex, md5Hex } from "../src/internal.js";
import { withPollutedPrototype } from "../../types/test/support/polluted-prototype.js";
import { catchError } from "./support/catch-error.js";
import { V3_CREDENTIALS, V3_ROWS, V3_TIMESTAMP } from "./support/protocol-vectors.js";

const credentials = { key: "app-key", secret: "app-secret" };
const base: RequestToSign = { method: "GET", path: "/apps/1/channels", timestamp: 1_700_000_000 };

function sign(request: Partial<RequestToSign>): string {
  return signRequest(credentials, { ...base, ...request });
}

function validationError(action: () => unknown): PusherValidationError {
  const error = catchError(action);
  expect(error).toBeInstanceOf(PusherValidationError);
  return error as PusherValidationError;
}

describe("signRequest(credentials, request)'s string to sign", () => {
  it("upper-cases the method and joins method, path and query with newlines", () => {
    const query = signRequest(credentials, { method: "post", path: "/apps/3/events", params: { a: 1, b: 2 }, timestamp: 1 });
    const signed = "a=1&auth_key=app-key&auth_timestamp=1&auth_version=1.0&b=2";
    expect(new URLSearchParams(query).get("auth_signature")).toBe(hmacSha256Hex(credentials.secret, `POST\n/apps/3/events\n${signed}`));
  });
});

describe("signRequest(credentials, request)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("signs over the raw query and appends auth_signature last", () => {
    const query = sign({ params: { filter_by_prefix: "presence-" } });
    const signedQuery = "auth_key=app-key&auth_timestamp=1700000000&auth_version=1.0&filter_by_prefix=presence-";
    const signature = hmacSha256Hex(credentials.secret, `GET\n/apps/1/channels\n${signedQuery}`);
    expect(query).toBe(`${signedQuery}&auth_signature=${signature}`);
  });

  it("upper-cases the method before signing", () => {
    expect(sign({ method: "get" })).toBe(sign({ method: "GET" }));
    expect(sign({ method: "get" })).not.toBe(sign({ method: "POST" }));
  });

  it("uses the current time, in whole seconds, when no timestamp is given", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(1_700_000_123_999);
    const query = signRequest(credentials, { method: "GET", path: "/apps/1/channels" });
    expect(new URLSearchParams(query).get("auth_timestamp")).toBe("1700000123");
  });

  it.each(RESERVED_QUERY_PARAMS.flatMap((name) => [name, name.toUpperCase(), name[0]!.toUpperCase() + name.slice(1)]))(
    "rejects the reserved param %s with code reserved_param",
    (name) => {
      const error = validationError(() => sign({ params: { [name]: "x" } }));
      expect(error.code).toBe("reserved_param");
      expect(error.field).toBe("params");
      expect(error.message).toContain(name);
    },
  );

  it("rejects a reserved param even when its value is undefined", () => {
    expect(validationError(() => sign({ params: { auth_signature: undefined } })).code).toBe("reserved_param");
  });

  it("joins array values with commas (signed raw, sent encoded)", () => {
    const query = sign({ params: { info: ["user_count", "subscription_count"] } });
    expect(query).toBe(sign({ params: { info: "user_count,subscription_count" } }));
    expect(query).toContain("&info=user_count%2Csubscription_count&");
    expect(sign({ params: { ids: [1, 2, 3] } })).toContain("&ids=1%2C2%2C3&");
  });

  it("turns numbers and booleans into their string forms", () => {
    expect(sign({ params: { limit: 10, flag: true } })).toBe(sign({ params: { limit: "10", flag: "true" } }));
  });

  it("drops params whose value is undefined", () => {
    const query = sign({ params: { dropped: undefined, kept: "x" } });
    expect(query).toBe(sign({ params: { kept: "x" } }));
    expect(query).not.toContain("dropped");
  });

  it("lower-cases param names", () => {
    expect(sign({ params: { FILTER_BY_PREFIX: "presence-" } })).toBe(sign({ params: { filter_by_prefix: "presence-" } }));
  });

  it("rejects two params whose names differ only by case", () => {
    const error = validationError(() => sign({ params: { Info: "user_count", info: "subscription_count" } }));
    expect(error.code).toBe("invalid_params");
    expect(error.field).toBe("params");
    expect(error.message).toContain('"info"');
  });

  it("treats params named like Object.prototype members as ordinary params", () => {
    const params = JSON.parse('{"__proto__":"a","constructor":"b","tostring":"c"}') as Record<string, string>;
    const decoded = new URLSearchParams(sign({ params }));
    expect(decoded.get("__proto__")).toBe("a");
    expect(decoded.get("constructor")).toBe("b");
    expect(decoded.get("tostring")).toBe("c");
  });

  it("sorts params by name among the auth_* params", () => {
    const query = sign({ params: { zeta: "1", alpha: "2", body: "3" } });
    const names = [...new URLSearchParams(query).keys()];
    expect(names).toEqual(["alpha", "auth_key", "auth_timestamp", "auth_version", "body", "zeta", "auth_signature"]);
  });

  it("percent-encodes keys and values on the wire but signs the raw values", () => {
    const value = "a b&c=d/é+%";
    const query = sign({ params: { q: value } });
    expect(query).toContain(`&q=${encodeURIComponent(value)}&`);
    expect(new URLSearchParams(query).get("q")).toBe(value);
    const signedQuery = `auth_key=app-key&auth_timestamp=1700000000&auth_version=1.0&q=${value}`;
    expect(new URLSearchParams(query).get("auth_signature")).toBe(
      hmacSha256Hex(credentials.secret, `GET\n/apps/1/channels\n${signedQuery}`),
    );
  });

  it("rejects a value holding a lone surrogate, which has no URL encoding", () => {
    const error = validationError(() => sign({ params: { q: "a\uD800b" } }));
    expect(error.code).toBe("invalid_params");
    expect(error.field).toBe("params.q");
  });

  it.each([
    ["an object", { nested: true }],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["a nested array", [["a"]]],
    ["null", null],
  ])("rejects a param value that is %s with code invalid_params", (_kind, value) => {
    const error = validationError(() => sign({ params: { bad: value as never } }));
    expect(error.code).toBe("invalid_params");
    expect(error.field).toBe("params.bad");
  });

  it("adds body_md5 only for a non-empty body", () => {
    expect(sign({ method: "POST" })).not.toContain("body_md5");
    expect(sign({ method: "POST", body: "" })).not.toContain("body_md5");
    expect(sign({ method: "POST", body: "" })).toBe(sign({ method: "POST" }));
    expect(new URLSearchParams(sign({ method: "POST", body: "{}" })).get("body_md5")).toBe(md5Hex("{}"));
  });

  it("hashes the body's UTF-8 bytes", () => {
    const body = '{"data":"żółw 🐢"}';
    const md5 = new URLSearchParams(sign({ method: "POST", body })).get("body_md5");
    expect(md5).toBe(createHash("md5").update(Buffer.from(body, "utf8")).digest("hex"));
  });

  it.each(["apps/1/events", "", "https://api.pusher.com/apps/1/events"])("rejects the path %j, which does not start with /", (path) => {
    const error = validationError(() => sign({ path }));
    expect(error.code).toBe("invalid_params");
    expect(error.field).toBe("path");
    expect(error.message).toContain("must start with");
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])("rejects the timestamp %d", (timestamp) => {
    const error = validationError(() => sign({ timestamp }));
    expect(error.code).toBe("invalid_params");
    expect(error.field).toBe("timestamp");
  });

  it("accepts the timestamp 0", () => {
    expect(new URLSearchParams(sign({ timestamp: 0 })).get("auth_timestamp")).toBe("0");
  });

  it.each([
    ["an empty key", { key: "", secret: "do-not-echo-me" }, "key"],
    ["a missing key", { secret: "do-not-echo-me" }, "key"],
    ["an empty secret", { key: "app-key", secret: "" }, "secret"],
    ["a non-string secret", { key: "app-key", secret: 12345 }, "secret"],
    ["no credentials object", null, "credentials"],
  ])("rejects %s with a PusherConfigError naming %s without echoing the secret", (_case, bad, option) => {
    const error = catchError(() => signRequest(bad as never, base));
    expect(error).toBeInstanceOf(PusherConfigError);
    expect((error as PusherConfigError).option).toBe(option);
    expect((error as PusherConfigError).message).toContain(option);
    expect(JSON.stringify(error)).not.toContain("do-not-echo-me");
    expect((error as PusherConfigError).message).not.toContain("do-not-echo-me");
    expect((error as PusherConfigError).message).not.toContain("12345");
  });

  it("matches the §2 V3 vector for params given in any order", () => {
    const row = V3_ROWS[0]!;
    const reordered = { baz: 123454321, foo: "bar" };
    expect(signRequest(V3_CREDENTIALS, { method: "GET", path: "/event", params: reordered, timestamp: V3_TIMESTAMP })).toBe(
      `${row.signedQuery}&auth_signature=${row.signature}`,
    );
  });
});

describe("signRequest(credentials, request) with a request of the wrong shape", () => {
  it.each([
    ["null", null, "path"],
    ["a string", "GET /apps/1/channels", "path"],
    ["a path that is not a string", { method: "GET", path: 5 }, "path"],
    ["no method", { path: "/apps/1/channels" }, "request"],
    ["a body that is not a string", { method: "POST", path: "/apps/1/events", body: { name: "e" } }, "request"],
    // null is a value, not an absent field: it is refused, never taken for the default.
    ["a null body", { method: "POST", path: "/apps/1/events", body: null }, "request"],
    ["a null timestamp", { method: "GET", path: "/apps/1/channels", timestamp: null }, "timestamp"],
    ["null params", { method: "GET", path: "/apps/1/channels", params: null }, "params"],
    [
      "a request whose getter throws",
      Object.defineProperty({ method: "GET" }, "path", {
        enumerable: true,
        get: () => {
          throw new Error("boom");
        },
      }),
      "path",
    ],
  ])("throws invalid_params for %s, never a TypeError", (_, request, field) => {
    const error = validationError(() => signRequest(credentials, request as unknown as RequestToSign));
    expect(error.code).toBe("invalid_params");
    expect(error.field).toBe(field);
  });

  it("signs no body planted on Object.prototype", async () => {
    const signed = sign({ method: "POST", path: "/apps/1/events" });
    await withPollutedPrototype({ body: '{"planted":true}', params: { planted: "1" } }, () => {
      expect(signRequest(credentials, { method: "POST", path: "/apps/1/events", timestamp: base.timestamp })).toBe(signed);
    });
  });
});
