import { describe, expect, it, vi } from "vitest";
import * as types from "../src/index.js";
import { positiveIntegerOption, requireOption } from "../src/internal.js";
import {
  PusherAbortError,
  PusherConfigError,
  PusherError,
  PusherHttpError,
  PusherNetworkError,
  PusherPartialDeliveryError,
  PusherQueueFullError,
  PusherResponseError,
  PusherTimeoutError,
  PusherValidationError,
  PusherWebhookError,
  isPusherAbortError,
  isPusherConfigError,
  isPusherError,
  isPusherHttpError,
  isPusherNetworkError,
  isPusherPartialDeliveryError,
  isPusherQueueFullError,
  isPusherResponseError,
  isPusherTimeoutError,
  isPusherValidationError,
  isPusherWebhookError,
} from "../src/index.js";

const target = { method: "GET", url: "https://api.pusher.com/apps/1/channels" };

/** One instance of every error class, with the name, code and guard it must have. */
function everyError(module: typeof types) {
  return [
    { error: new module.PusherError("http_error", "base"), name: "PusherError", code: "http_error", guard: "isPusherError" },
    {
      error: new module.PusherConfigError("cluster", "bad"),
      name: "PusherConfigError",
      code: "invalid_config",
      guard: "isPusherConfigError",
    },
    {
      error: new module.PusherValidationError("invalid_socket_id", "socketId", "bad"),
      name: "PusherValidationError",
      code: "invalid_socket_id",
      guard: "isPusherValidationError",
    },
    {
      error: new module.PusherHttpError({ status: 500, serverMessage: "", method: "GET", url: target.url }),
      name: "PusherHttpError",
      code: "http_error",
      guard: "isPusherHttpError",
    },
    {
      error: new module.PusherNetworkError(target, { cause: new Error("ECONNREFUSED") }),
      name: "PusherNetworkError",
      code: "network_error",
      guard: "isPusherNetworkError",
    },
    { error: new module.PusherTimeoutError(target, 1000), name: "PusherTimeoutError", code: "timeout", guard: "isPusherTimeoutError" },
    { error: new module.PusherAbortError(target), name: "PusherAbortError", code: "aborted", guard: "isPusherAbortError" },
    {
      error: new module.PusherWebhookError(["bad signature"]),
      name: "PusherWebhookError",
      code: "invalid_webhook",
      guard: "isPusherWebhookError",
    },
    {
      error: new module.PusherPartialDeliveryError(["a"], ["b"], { cause: new Error("boom") }),
      name: "PusherPartialDeliveryError",
      code: "partial_delivery",
      guard: "isPusherPartialDeliveryError",
    },
    {
      error: new module.PusherResponseError({ code: "invalid_response", status: 200, method: "GET", url: target.url, problem: "HTML" }),
      name: "PusherResponseError",
      code: "invalid_response",
      guard: "isPusherResponseError",
    },
    {
      error: new module.PusherQueueFullError("full", 0),
      name: "PusherQueueFullError",
      code: "queue_full",
      guard: "isPusherQueueFullError",
    },
  ] as const;
}

const GUARDS = [
  "isPusherConfigError",
  "isPusherValidationError",
  "isPusherHttpError",
  "isPusherNetworkError",
  "isPusherTimeoutError",
  "isPusherAbortError",
  "isPusherWebhookError",
  "isPusherPartialDeliveryError",
  "isPusherResponseError",
  "isPusherQueueFullError",
] as const;

describe("the error classes", () => {
  it.each(everyError(types))("$name has its literal name, the code $code, and is a PusherError and an Error", ({ error, name, code }) => {
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(error).toBeInstanceOf(PusherError);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toMatch(new RegExp(`^${name}: `));
  });

  it.each(everyError(types))("$name is recognised by isPusherError and by $guard only", ({ error, guard }) => {
    expect(isPusherError(error)).toBe(true);
    for (const other of GUARDS) expect(types[other](error)).toBe(other === guard);
  });

  it("keeps the marker out of JSON and of the own keys", () => {
    const error = new PusherConfigError("cluster", "bad");
    expect(Object.getOwnPropertySymbols(error)).toEqual([]);
    expect(JSON.stringify(error)).toBe('{"name":"PusherConfigError","code":"invalid_config","option":"cluster"}');
  });

  it.each([
    ["a plain Error", new Error("x")],
    ["an Error named like ours", Object.assign(new Error("x"), { name: "PusherHttpError", code: "http_error" })],
    ["a plain object named like ours", { name: "PusherHttpError", code: "http_error" }],
    ["null", null],
    ["undefined", undefined],
    ["a string", "PusherError"],
    ["an object whose marker is not true", { [Symbol.for("@x/types.PusherError")]: "yes" }],
  ])("the guards reject %s", (_kind, value) => {
    expect(isPusherError(value)).toBe(false);
    for (const guard of GUARDS) expect(types[guard](value)).toBe(false);
  });
});

describe("errors from another copy of @x/types", () => {
  // A second evaluation of the module (what two installed copies amount to): its classes are
  // distinct objects, so `instanceof` fails across copies, while the guards still work because
  // the marker is a registry-wide Symbol.for.
  it("are recognised by the guards of this copy, though instanceof fails", async () => {
    vi.resetModules();
    const otherCopy = await import("../src/index.js");
    expect(otherCopy.PusherHttpError).not.toBe(PusherHttpError);

    for (const { error, guard } of everyError(otherCopy)) {
      expect(error).not.toBeInstanceOf(PusherError);
      expect(isPusherError(error)).toBe(true);
      expect(types[guard](error)).toBe(true);
    }
    for (const { error, guard } of everyError(types)) {
      expect(otherCopy.isPusherError(error)).toBe(true);
      expect(otherCopy[guard](error)).toBe(true);
    }
  });

  it("a hand-built class carrying the Symbol.for marker is recognised too (the guard is structural)", () => {
    class ForeignHttpError extends Error {
      override readonly name = "PusherHttpError";
      get [Symbol.for("@x/types.PusherError")](): true {
        return true;
      }
    }
    const foreign = new ForeignHttpError("from elsewhere");
    expect(isPusherError(foreign)).toBe(true);
    expect(isPusherHttpError(foreign)).toBe(true);
    expect(isPusherNetworkError(foreign)).toBe(false);
  });
});

describe("PusherError", () => {
  it("keeps the cause it is given", () => {
    const cause = new Error("root");
    expect(new PusherError("network_error", "x", { cause }).cause).toBe(cause);
  });
});

describe("PusherConfigError and PusherValidationError", () => {
  it("carry the option and the field", () => {
    const config = new PusherConfigError("host", "host must not contain a scheme");
    expect([config.option, config.message]).toEqual(["host", "host must not contain a scheme"]);
    expect(isPusherConfigError(config)).toBe(true);
    const validation = new PusherValidationError("invalid_channel_name", "channels[3]", "bad");
    expect([validation.code, validation.field]).toEqual(["invalid_channel_name", "channels[3]"]);
    expect(isPusherValidationError(validation)).toBe(true);
  });
});

describe("PusherHttpError", () => {
  const signedUrl =
    "https://app-key:app-secret@api-eu.pusher.com/apps/1/events?auth_key=app-key&auth_timestamp=1700000000" +
    "&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f&auth_signature=da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c";
  const secrets = [
    "app-secret",
    "ec365a775a4cd0599faeb73354201b6f",
    "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c",
    "app-key",
  ];

  it("redacts auth_key, auth_signature, body_md5 and the userinfo from url, message and JSON", () => {
    const error = new PusherHttpError({ status: 401, serverMessage: "Invalid signature", method: "POST", url: signedUrl });
    expect(error.url).toBe(
      "https://api-eu.pusher.com/apps/1/events?auth_key=REDACTED&auth_timestamp=1700000000" +
        "&auth_version=1.0&body_md5=REDACTED&auth_signature=REDACTED",
    );
    for (const shown of [error.url, error.message, JSON.stringify(error), String(error)]) {
      for (const secret of secrets) expect(shown).not.toContain(secret);
    }
  });

  it("says the method, the path, the status and the server's message", () => {
    const error = new PusherHttpError({ status: 413, serverMessage: "  Payload too large  ", method: "POST", url: signedUrl });
    expect(error.message).toBe("POST /apps/1/events failed with HTTP 413: Payload too large");
    expect([error.status, error.serverMessage, error.method]).toEqual([413, "Payload too large", "POST"]);
  });

  it("leaves the server's part out of the message when there is none", () => {
    const error = new PusherHttpError({ status: 404, serverMessage: " ", method: "GET", url: "http://127.0.0.1:6001/apps/1/channels/x" });
    expect(error.message).toBe("GET /apps/1/channels/x failed with HTTP 404");
    expect(error.serverMessage).toBe("");
  });

  it("cuts the server's message at 500 characters", () => {
    const error = new PusherHttpError({ status: 400, serverMessage: "x".repeat(2000), method: "GET", url: "/apps/1/channels" });
    expect(error.serverMessage).toHaveLength(500);
  });

  it("is retryable exactly for 408, 429 and 5xx", () => {
    for (let status = 100; status < 600; status++) {
      const error = new PusherHttpError({ status, serverMessage: "", method: "GET", url: "/x" });
      expect(error.retryable, `status ${status}`).toBe(status === 408 || status === 429 || status >= 500);
    }
  });
});

describe("PusherNetworkError, PusherTimeoutError and PusherAbortError", () => {
  const url = "https://k:s3cr3t@api.pusher.com/apps/1/channels?auth_key=k&auth_signature=abc123";
  const redacted = "https://api.pusher.com/apps/1/channels?auth_key=REDACTED&auth_signature=REDACTED";

  it("redact the URL and keep the cause", () => {
    const cause = new Error("ECONNRESET");
    const errors = [
      new PusherNetworkError({ method: "GET", url }, { cause }),
      new PusherTimeoutError({ method: "GET", url }, 2500, { cause }),
      new PusherAbortError({ method: "GET", url }, { cause }),
    ];
    for (const error of errors) {
      expect(error.url).toBe(redacted);
      expect(error.method).toBe("GET");
      expect(error.cause).toBe(cause);
      expect(`${error.message}${JSON.stringify(error)}`).not.toMatch(/s3cr3t|abc123/);
    }
    expect(errors.map((error) => error.message)).toEqual([
      `GET ${redacted} failed before any response`,
      `GET ${redacted} timed out after 2500 ms`,
      `GET ${redacted} was aborted`,
    ]);
    expect((errors[1] as PusherTimeoutError).timeoutMs).toBe(2500);
    expect(isPusherTimeoutError(errors[1])).toBe(true);
    expect(isPusherAbortError(errors[2])).toBe(true);
  });
});

describe("PusherWebhookError", () => {
  it("lists every reason", () => {
    const error = new PusherWebhookError(["unknown key", "stale time_ms"]);
    expect(error.reasons).toEqual(["unknown key", "stale time_ms"]);
    expect(error.message).toBe("invalid webhook: unknown key; stale time_ms");
    expect(isPusherWebhookError(error)).toBe(true);
  });
});

describe("PusherPartialDeliveryError", () => {
  it("lists what was delivered and what was not, with the failure's message", () => {
    const cause = new Error("HTTP 500");
    const error = new PusherPartialDeliveryError(["a", "b"], ["c", "d", "e"], { cause });
    expect(error.delivered).toEqual(["a", "b"]);
    expect(error.undelivered).toEqual(["c", "d", "e"]);
    expect(error.cause).toBe(cause);
    expect(error.message).toBe("delivered 2 of 5; the request for the rest failed: HTTP 500");
    expect(isPusherPartialDeliveryError(error)).toBe(true);
  });

  it.each([
    ["a string", "boom"],
    ["null", null],
    ["an object without a message", { status: 500 }],
  ])("gives no reason when the cause is %s", (_kind, cause) => {
    const error = new PusherPartialDeliveryError([0], [1], { cause });
    expect(error.message).toBe("delivered 1 of 2; the request for the rest failed");
  });
});

describe("PusherResponseError", () => {
  const url = "https://k:s3cr3t@api.pusher.com/apps/1/events?auth_key=k&auth_signature=abc123&body_md5=f00";

  it.each(["invalid_response", "response_too_large", "redirect_refused"] as const)(
    "%s: says the method, the path, the status and the problem; redacts the URL",
    (code) => {
      const error = new PusherResponseError({ code, status: 302, method: "POST", url, problem: "a redirect was refused" });
      expect(error.code).toBe(code);
      expect(error.message).toBe("POST /apps/1/events got HTTP 302: a redirect was refused");
      expect(error).toMatchObject({ status: 302, method: "POST" });
      expect(error.url).toBe("https://api.pusher.com/apps/1/events?auth_key=REDACTED&auth_signature=REDACTED&body_md5=REDACTED");
      expect(`${error.message}${JSON.stringify(error)}`).not.toMatch(/s3cr3t|abc123|f00/);
      expect(isPusherResponseError(error)).toBe(true);
    },
  );
});

describe("PusherQueueFullError", () => {
  it("keeps how long the event waited", () => {
    const error = new PusherQueueFullError("the event was not published: it waited 12 ms", 12);
    expect(error).toMatchObject({ code: "queue_full", waitedMs: 12 });
    expect(isPusherQueueFullError(error)).toBe(true);
  });
});

describe("PusherNetworkError.systemCode and PusherHttpError.serverCode", () => {
  it("systemCode is the first code along the cause chain, up to five levels down", () => {
    const deep = { cause: { cause: { cause: { cause: { code: "ECONNRESET" } } } } };
    const tooDeep = { cause: deep };
    expect(new PusherNetworkError(target, { cause: deep }).systemCode).toBe("ECONNRESET");
    expect(new PusherNetworkError(target, { cause: tooDeep }).systemCode).toBeUndefined();
    expect(new PusherNetworkError(target, { cause: { code: 42 } }).systemCode).toBeUndefined();
    expect(new PusherNetworkError(target, { cause: null }).systemCode).toBeUndefined();
    expect(new PusherNetworkError(target, { cause: { code: "ETIMEDOUT" } }).message).toBe(
      "GET https://api.pusher.com/apps/1/channels failed before any response (ETIMEDOUT)",
    );
  });

  it("responseStatus says the answer had begun, and changes the message accordingly", () => {
    const cut = new PusherNetworkError(target, { cause: { code: "ECONNRESET" }, responseStatus: 200 });
    expect(cut.responseStatus).toBe(200);
    expect(cut.message).toBe(
      "GET https://api.pusher.com/apps/1/channels lost its HTTP 200 answer midway: the server may have acted on it (ECONNRESET)",
    );
    expect(new PusherNetworkError(target, { cause: null }).responseStatus).toBeUndefined();
  });

  it("serverCode is kept, and decides retryable when the status is a 2xx", () => {
    const inBody = new PusherHttpError({ status: 200, serverMessage: "x", method: "POST", url: target.url, serverCode: 503 });
    expect(inBody).toMatchObject({ status: 200, serverCode: 503, retryable: true });
    const refused = new PusherHttpError({ status: 200, serverMessage: "x", method: "POST", url: target.url, serverCode: 401 });
    expect(refused).toMatchObject({ serverCode: 401, retryable: false });
    expect(new PusherHttpError({ status: 500, serverMessage: "", method: "GET", url: target.url }).serverCode).toBeUndefined();
    // A code that is no HTTP status, or one given with an error status, leaves the status in charge.
    expect(new PusherHttpError({ status: 403, serverMessage: "", method: "GET", url: target.url, serverCode: 4291 }).retryable).toBe(false);
    expect(new PusherHttpError({ status: 200, serverMessage: "", method: "GET", url: target.url, serverCode: 4001 }).retryable).toBe(false);
  });

  it("a retryable serverCode counts only with a status below 300; a retryable status counts whatever the serverCode", () => {
    const retryable = (status: number, serverCode?: number) =>
      new PusherHttpError({ status, serverMessage: "", method: "POST", url: target.url, serverCode }).retryable;
    expect([retryable(200, 408), retryable(200, 429), retryable(204, 599), retryable(101, 500)]).toEqual([true, true, true, true]);
    expect([retryable(200, 600), retryable(200, 499), retryable(200, 0), retryable(200, Number.NaN)]).toEqual([false, false, false, false]);
    // A redirect or a client error is not made retryable by its body, nor a server error less so.
    expect([retryable(302, 503), retryable(404, 503), retryable(503, 401), retryable(429, 200)]).toEqual([false, false, true, true]);
  });
});

describe("requireOption(valid, option, expectation)", () => {
  it("returns when the option is valid", () => {
    expect(() => requireOption(true, "useTLS", "a boolean")).not.toThrow();
  });

  it("throws a PusherConfigError naming the option, whose message says what is expected", () => {
    expect(() => requireOption(false, "useTLS", "a boolean")).toThrow(
      expect.objectContaining({ name: "PusherConfigError", code: "invalid_config", option: "useTLS", message: "useTLS must be a boolean" }),
    );
  });
});

describe("positiveIntegerOption(value, option)", () => {
  it("returns a positive safe integer, and refuses anything else with a PusherConfigError naming the option", () => {
    expect(positiveIntegerOption(10_000, "bodyTimeoutMs")).toBe(10_000);
    for (const value of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, Infinity, "1000", undefined]) {
      expect(() => positiveIntegerOption(value, "bodyTimeoutMs")).toThrow(
        expect.objectContaining({
          name: "PusherConfigError",
          option: "bodyTimeoutMs",
          message: "bodyTimeoutMs must be a positive integer",
        }),
      );
    }
  });
});
