import { describe, expect, it } from "vitest";
import { PusherHttpError, PusherNetworkError, PusherTimeoutError, isPusherConfigError } from "../src/index.js";
import { refuseUnknownOptions } from "../src/internal.js";

const KNOWN = ["appId", "key", "secret", "host", "port", "useTLS", "timeout", "retry"] as const;

function refusal(value: unknown, known: readonly string[] = KNOWN, prefix?: string): unknown {
  try {
    refuseUnknownOptions(value, known, prefix);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("refuseUnknownOptions: a misspelt option names the closest known one", () => {
  it.each([
    ["timout", "timeout"],
    ["useTls", "useTLS"],
    ["appID", "appId"],
    ["secrett", "secret"],
    ["time", "timeout"],
    ["hostname", "host"],
  ])("%s: did you mean %s?", (typo, near) => {
    const error = refusal({ appId: "1", [typo]: 5 });
    expect(isPusherConfigError(error)).toBe(true);
    expect(error).toMatchObject({ option: typo, message: `unknown option \`${typo}\`: did you mean \`${near}\`?` });
  });

  it("a key near no option is named alone; a nested object's are named with their prefix", () => {
    expect(refusal({ colour: "red" })).toMatchObject({ option: "colour", message: "unknown option `colour`" });
    expect(refusal({ limt: 1 }, ["limit", "methods"], "retry.")).toMatchObject({
      option: "retry.limt",
      message: "unknown option `retry.limt`: did you mean `retry.limit`?",
    });
  });

  it("a huge unknown key is named by its first 64 characters, and still matched by prefix", () => {
    const huge = `timeout${"x".repeat(1_000_000)}`;
    const error = refusal({ [huge]: 1 });
    const shown = `${huge.slice(0, 64)}…`;
    expect(error).toMatchObject({ option: shown, message: `unknown option \`${shown}\`: did you mean \`timeout\`?` });
  });

  it("known keys, inherited keys, non-objects and unreadable objects pass; no value is read", () => {
    const getter = {
      get timeout(): number {
        throw new Error("read");
      },
    };
    expect(refusal(getter)).toBeUndefined();
    expect(refusal(Object.create({ timout: 1 }) as object)).toBeUndefined();
    expect(refusal(undefined)).toBeUndefined();
    expect(refusal("timout")).toBeUndefined();
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("no");
        },
      },
    );
    expect(refusal(hostile)).toBeUndefined();
  });
});

describe("request errors say what to set", () => {
  const target = (url: string) => ({ method: "GET", url });

  it("TLS to a plain-HTTP server: set useTLS: false (Node, Bun and Deno's words)", () => {
    const causes = [
      Object.assign(new Error("write EPROTO ...:wrong version number"), { code: "EPROTO" }),
      Object.assign(new Error("...:packet length too long"), { code: "ERR_SSL_PACKET_LENGTH_TOO_LONG" }),
      Object.assign(new TypeError("EPROTO: The TLS handshake failed. Does the server speak TLS on this port?"), { code: "EPROTO" }),
      new TypeError("fetch failed", { cause: new Error("client error (Connect): received corrupt message of type InvalidContentType") }),
    ];
    for (const cause of causes) {
      const error = new PusherNetworkError(target("https://127.0.0.1:6001/apps/1/channels"), { cause });
      expect(error.message).toMatch(/: the server at 127\.0\.0\.1:6001 speaks plain HTTP: set useTLS: false$/);
    }
  });

  it("plain HTTP to a TLS server (a reset, or a 400 about the HTTPS port): set useTLS: true", () => {
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    const network = new PusherNetworkError(target("http://localhost:8443/apps/1"), { cause: reset });
    expect(network.message).toMatch(/: the server at localhost:8443 may expect TLS: set useTLS: true$/);
    const details = { status: 400, serverMessage: "The plain HTTP request was sent to HTTPS port", ...target("http://h:443/apps/1") };
    expect(new PusherHttpError(details).message).toMatch(/HTTPS port: the server at h:443 may expect TLS: set useTLS: true$/);
  });

  it("no hint where the scheme fits what happened", () => {
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    expect(new PusherNetworkError(target("https://h/apps/1"), { cause: reset }).message).not.toMatch(/useTLS/);
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(new PusherNetworkError(target("http://h/apps/1"), { cause: refused }).message).not.toMatch(/useTLS/);
  });

  it("a timeout over TLS to a loopback host: it may speak plain HTTP (soketi never answers a TLS handshake)", () => {
    expect(new PusherTimeoutError(target("https://127.0.0.1:6001/apps/1"), 500, { attempts: 3 }).message).toBe(
      "GET https://127.0.0.1:6001/apps/1 timed out after 500 ms (the last of 3 attempts): " +
        "the server at 127.0.0.1:6001 may speak plain HTTP: set useTLS: false",
    );
    expect(new PusherTimeoutError(target("https://[::1]/apps/1"), 500).message).toMatch(/the server at \[::1\] may speak plain HTTP/);
    expect(new PusherTimeoutError(target("https://api-eu.pusher.com/apps/1"), 500).message).not.toMatch(/useTLS/);
    expect(new PusherTimeoutError(target("http://127.0.0.1:6001/apps/1"), 500).message).not.toMatch(/useTLS/);
  });

  it("a compatible server's error in a 2xx names its own code first", () => {
    const error = new PusherHttpError({
      status: 200,
      serverMessage: "The secret authentication failed",
      serverCode: 401,
      ...target("http://h/apps/1/events"),
    });
    expect(error.message).toBe("GET /apps/1/events failed: 401 The secret authentication failed (answered with HTTP 200)");
    expect(error.retryable).toBe(false);
  });

  it("a timeout of a retried call says it was the last of N attempts", () => {
    expect(new PusherTimeoutError(target("https://h/apps/1"), 1500, { attempts: 3 }).message).toBe(
      "GET https://h/apps/1 timed out after 1500 ms (the last of 3 attempts)",
    );
    expect(new PusherTimeoutError(target("https://h/apps/1"), 1500).message).toBe("GET https://h/apps/1 timed out after 1500 ms");
  });
});
