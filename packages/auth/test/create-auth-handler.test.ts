import { isPusherConfigError, type PresenceData } from "@x/types";
import { describe, expect, it, vi } from "vitest";
import { createAuthHandler, type AuthHandlerOptions } from "../src/index.js";
import { withPollutedPrototype } from "../../types/test/support/polluted-prototype.js";
import { ENDPOINT, formRequest, jsonRequest, rawRequest, streamedRequest } from "./support/auth-requests.js";

// Credentials and expected values from docs/protocol.md §5 (auth vectors).
const docs = { key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" };
const PRIVATE_FOOBAR_AUTH = "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4";
const USER_12345_AUTH = "278d425bdf160c739803:4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba";
const PRESENCE_FOOBAR_AUTH = "278d425bdf160c739803:31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80";
const MR_CHANNELS: PresenceData = { user_id: 10, user_info: { name: "Mr. Channels" } };
const encrypted = { key: "f00d", secret: "tofu", encryptionMasterKeyBase64: "zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=" };

/** A handler that allows everything: presence channels as Mr. Channels, users as 12345. */
function allowingHandler(overrides: Partial<AuthHandlerOptions> = {}) {
  return createAuthHandler({
    ...docs,
    onChannelAuthorization: ({ channelName }) => (channelName.startsWith("presence-") ? { presenceData: MR_CHANNELS } : true),
    onUserAuthentication: () => ({ id: "12345" }),
    ...overrides,
  });
}

async function answer(response: Response): Promise<{ status: number; body: unknown }> {
  return { status: response.status, body: await response.json() };
}

describe("createAuthHandler: channel authorization", () => {
  it("answers a pusher-js form request for a private channel with 200 and the vector's auth", async () => {
    const response = await allowingHandler()(formRequest({ socket_id: "1234.1234", channel_name: "private-foobar" }));
    expect(await answer(response)).toEqual({ status: 200, body: { auth: PRIVATE_FOOBAR_AUTH } });
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers a presence channel with 200, auth and channel_data from the application's presenceData", async () => {
    const response = await allowingHandler()(formRequest({ socket_id: "1234.1234", channel_name: "presence-foobar" }));
    expect(await answer(response)).toEqual({
      status: 200,
      body: { auth: PRESENCE_FOOBAR_AUTH, channel_data: '{"user_id":10,"user_info":{"name":"Mr. Channels"}}' },
    });
  });

  it("answers an encrypted channel with 200, auth and shared_secret", async () => {
    const handler = createAuthHandler({ ...encrypted, onChannelAuthorization: () => true });
    const response = await handler(formRequest({ socket_id: "123.456", channel_name: "private-encrypted-bla" }));
    expect(await answer(response)).toEqual({
      status: 200,
      body: {
        auth: "f00d:43d808e37d261f4e02402a739649ba29a6854cb978efdbc92892cd744c567030",
        shared_secret: "nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ=",
      },
    });
  });

  it("accepts a JSON body and a content type with parameters in any case", async () => {
    const body = { socket_id: "1234.1234", channel_name: "private-foobar" };
    const json = await allowingHandler()(jsonRequest(body, "Application/JSON; charset=utf-8"));
    const form = await allowingHandler()(formRequest(body, { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" }));
    expect(await answer(json)).toEqual({ status: 200, body: { auth: PRIVATE_FOOBAR_AUTH } });
    expect(await answer(form)).toEqual({ status: 200, body: { auth: PRIVATE_FOOBAR_AUTH } });
  });

  it("gives onChannelAuthorization the checked fields, every body field and the original request", async () => {
    const onChannelAuthorization = vi.fn<NonNullable<AuthHandlerOptions["onChannelAuthorization"]>>(() => true);
    const handler = createAuthHandler({ ...docs, onChannelAuthorization });
    const request = formRequest({ socket_id: "1234.1234", channel_name: "private-foobar", room: "7" }, { cookie: "session=abc" });
    await handler(request);
    expect(onChannelAuthorization).toHaveBeenCalledTimes(1);
    const context = onChannelAuthorization.mock.calls[0]![0];
    expect(context).toMatchObject({
      socketId: "1234.1234",
      channelName: "private-foobar",
      params: { socket_id: "1234.1234", channel_name: "private-foobar", room: "7" },
    });
    expect(context.request).toBe(request);
    expect(context.request.headers.get("cookie")).toBe("session=abc");
  });

  it("awaits an asynchronous decision", async () => {
    const handler = createAuthHandler({ ...docs, onChannelAuthorization: () => Promise.resolve(true) });
    const response = await handler(formRequest({ socket_id: "1234.1234", channel_name: "private-foobar" }));
    expect(await answer(response)).toEqual({ status: 200, body: { auth: PRIVATE_FOOBAR_AUTH } });
  });

  it.each([
    ["false", false],
    ["undefined", undefined],
    ["null", null],
    ["a string", "yes"],
    ["an empty object", {}],
    ["an empty array", []],
    ["an Error", new Error("denied")],
    ["1", 1],
  ])("answers 403 with no signature, for private, encrypted and presence channels alike, when the decision is %s", async (_, decision) => {
    const handler = createAuthHandler({ ...encrypted, onChannelAuthorization: () => decision as never });
    for (const channelName of ["private-a", "private-encrypted-vault", "presence-a"]) {
      const response = await handler(formRequest({ socket_id: "1.1", channel_name: channelName }));
      expect(await answer(response)).toEqual({ status: 403, body: { error: "Forbidden" } });
    }
  });

  it.each([
    ["a missing socket_id", { channel_name: "private-foobar" }],
    ["a bad socket_id", { socket_id: "1.1:", channel_name: "private-foobar" }],
    ["a public channel", { socket_id: "1.1", channel_name: "news" }],
    ["an invalid channel name", { socket_id: "1.1", channel_name: "private-a b" }],
    ["an empty channel name", { socket_id: "1.1", channel_name: "" }],
    ["an encrypted channel without a configured master key", { socket_id: "1.1", channel_name: "private-encrypted-x" }],
  ])("answers 400 for %s without asking the application", async (_, fields) => {
    const onChannelAuthorization = vi.fn(() => true);
    const response = await createAuthHandler({ ...docs, onChannelAuthorization })(formRequest(fields));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/^Bad Request: /);
    expect(onChannelAuthorization).not.toHaveBeenCalled();
  });

  it("answers 404 to channel requests when it has no onChannelAuthorization", async () => {
    const handler = createAuthHandler({ ...docs, onUserAuthentication: () => ({ id: "1" }) });
    const response = await handler(formRequest({ socket_id: "1.1", channel_name: "private-foobar" }));
    expect(response.status).toBe(404);
  });
});

describe("createAuthHandler: user authentication", () => {
  it("answers a pusher-js sign-in request (socket_id alone) with 200, auth and user_data", async () => {
    const response = await allowingHandler()(formRequest({ socket_id: "1234.1234" }));
    expect(await answer(response)).toEqual({ status: 200, body: { auth: USER_12345_AUTH, user_data: '{"id":"12345"}' } });
  });

  it("gives onUserAuthentication the socket id, the body fields and the original request", async () => {
    const onUserAuthentication = vi.fn<NonNullable<AuthHandlerOptions["onUserAuthentication"]>>(() => ({ id: "12345" }));
    const request = formRequest({ socket_id: "1234.1234", locale: "fr" });
    await createAuthHandler({ ...docs, onUserAuthentication })(request);
    expect(onUserAuthentication.mock.calls[0]![0]).toEqual({
      socketId: "1234.1234",
      params: { socket_id: "1234.1234", locale: "fr" },
      request,
    });
  });

  it.each([
    ["false", false],
    ["undefined", undefined],
    ["true", true],
    ["an empty object", {}],
    ["an Error", new Error("denied")],
    ["user data with a BigInt", { id: "1", user_info: { n: 1n } }],
  ])("answers 403 when onUserAuthentication returns %s", async (_, decision) => {
    const handler = createAuthHandler({ ...docs, onUserAuthentication: () => decision as never });
    expect((await handler(formRequest({ socket_id: "1.1" }))).status).toBe(403);
  });

  it("answers 400 for a bad socket_id without asking the application", async () => {
    const onUserAuthentication = vi.fn(() => ({ id: "1" }));
    const response = await createAuthHandler({ ...docs, onUserAuthentication })(formRequest({ socket_id: "1.1\n" }));
    expect(response.status).toBe(400);
    expect(onUserAuthentication).not.toHaveBeenCalled();
  });

  it("answers 404 to sign-in requests when it has no onUserAuthentication", async () => {
    const handler = createAuthHandler({ ...docs, onChannelAuthorization: () => true });
    expect((await handler(formRequest({ socket_id: "1.1" }))).status).toBe(404);
  });
});

describe("createAuthHandler: malformed requests", () => {
  const valid = "socket_id=1234.1234&channel_name=private-foobar";

  it.each(["GET", "PUT", "DELETE", "PATCH", "OPTIONS"])("answers %s with 405 and Allow: POST", async (method) => {
    const response = await allowingHandler()(new Request(ENDPOINT, { method }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it.each(["text/plain", "multipart/form-data; boundary=x", "application/jsonp", ""])(
    "answers content type %j with 415",
    async (contentType) => {
      const request = new Request(ENDPOINT, { method: "POST", body: valid, headers: contentType ? { "content-type": contentType } : {} });
      // A string body makes fetch add text/plain; remove it to send no content type at all.
      if (contentType === "") request.headers.delete("content-type");
      expect((await allowingHandler()(request)).status).toBe(415);
    },
  );

  it("answers a body over maxBodyBytes with 413", async () => {
    const body = `${valid}&padding=${"x".repeat(200)}`;
    const handler = allowingHandler({ maxBodyBytes: 100 });
    expect((await handler(rawRequest(body, "application/x-www-form-urlencoded"))).status).toBe(413);
  });

  it("answers a streamed body with no Content-Length that grows past maxBodyBytes with 413", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64));
    const handler = allowingHandler({ maxBodyBytes: 100 });
    expect((await handler(streamedRequest([chunk, chunk]))).status).toBe(413);
  });

  it("answers a body of exactly maxBodyBytes normally", async () => {
    const handler = allowingHandler({ maxBodyBytes: valid.length });
    expect((await handler(rawRequest(valid, "application/x-www-form-urlencoded"))).status).toBe(200);
  });

  it("answers a declared Content-Length over maxBodyBytes with 413 before reading", async () => {
    const request = new Request(ENDPOINT, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": "1000000" },
      body: valid,
    });
    expect((await allowingHandler()(request)).status).toBe(413);
  });

  it("reads the default limit as 8 KiB", async () => {
    const padded = (size: number) => `${valid}&p=${"x".repeat(size - valid.length - 3)}`;
    expect((await allowingHandler()(rawRequest(padded(8192), "application/x-www-form-urlencoded"))).status).toBe(200);
    expect((await allowingHandler()(rawRequest(padded(8193), "application/x-www-form-urlencoded"))).status).toBe(413);
  });

  it.each([
    ["an empty form", "", "application/x-www-form-urlencoded"],
    ["a repeated socket_id", `${valid}&socket_id=1.1`, "application/x-www-form-urlencoded"],
    ["invalid UTF-8", new Uint8Array([0x73, 0x6f, 0xff, 0xfe]), "application/x-www-form-urlencoded"],
    ["invalid JSON", "{socket_id:", "application/json"],
    ["a JSON array", "[]", "application/json"],
    ["JSON null", "null", "application/json"],
    ["a JSON number socket_id", '{"socket_id":1.1,"channel_name":"private-foobar"}', "application/json"],
    ["a JSON object channel_name", '{"socket_id":"1.1","channel_name":{}}', "application/json"],
  ])("answers %s with 400", async (_, body, contentType) => {
    expect((await allowingHandler()(rawRequest(body, contentType))).status).toBe(400);
  });
});

describe("createAuthHandler: application errors", () => {
  it("answers 500 with no detail when a callback throws, and tells onError", async () => {
    const onError = vi.fn();
    const failure = new Error("database password=hunter2 unreachable");
    const handler = createAuthHandler({
      ...docs,
      onChannelAuthorization: () => {
        throw failure;
      },
      onError,
    });
    const request = formRequest({ socket_id: "1.1", channel_name: "private-foobar" });
    const response = await handler(request);
    expect(await answer(response)).toEqual({ status: 500, body: { error: "Internal Server Error" } });
    expect(onError).toHaveBeenCalledWith(failure, request);
  });

  it("answers 500 when an asynchronous callback rejects", async () => {
    const handler = createAuthHandler({ ...docs, onUserAuthentication: () => Promise.reject(new Error("down")) });
    expect((await handler(formRequest({ socket_id: "1.1" }))).status).toBe(500);
  });

  it.each([
    ["true for a presence channel", "presence-room", true, { name: "PusherConfigError", option: "onChannelAuthorization" }],
    [
      "presenceData without user_id",
      "presence-room",
      { presenceData: {} },
      { name: "PusherValidationError", code: "invalid_presence_data" },
    ],
    [
      "presenceData for a private channel",
      "private-room",
      { presenceData: { user_id: "1" } },
      { name: "PusherConfigError", option: "onChannelAuthorization" },
    ],
    [
      "presenceData with a BigInt in user_info",
      "presence-room",
      { presenceData: { user_id: "1", user_info: { n: 1n } } },
      { name: "PusherValidationError", code: "invalid_presence_data" },
    ],
  ])("answers 403 with no signature when the application returns %s, and tells onError why", async (_, channelName, decision, reported) => {
    const onError = vi.fn();
    const handler = createAuthHandler({ ...docs, onChannelAuthorization: () => decision as never, onError });
    const response = await handler(formRequest({ socket_id: "1.1", channel_name: channelName }));
    expect(await answer(response)).toEqual({ status: 403, body: { error: "Forbidden" } });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toMatchObject(reported);
  });

  it("answers 403 when onUserAuthentication returns invalid user data, and tells onError why", async () => {
    const onError = vi.fn();
    const handler = createAuthHandler({ ...docs, onUserAuthentication: () => ({ id: "not valid" }), onError });
    expect(await answer(await handler(formRequest({ socket_id: "1.1" })))).toEqual({ status: 403, body: { error: "Forbidden" } });
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: "invalid_user_id" });
  });

  it("does not tell onError about a plain refusal (false, null, undefined)", async () => {
    const onError = vi.fn();
    for (const decision of [false, null, undefined]) {
      const handler = createAuthHandler({
        ...docs,
        onChannelAuthorization: () => decision as never,
        onUserAuthentication: () => decision as never,
        onError,
      });
      expect((await handler(formRequest({ socket_id: "1.1", channel_name: "presence-room" }))).status).toBe(403);
      expect((await handler(formRequest({ socket_id: "1.1" }))).status).toBe(403);
    }
    expect(onError).not.toHaveBeenCalled();
  });

  it("awaits an asynchronous onError before answering, and answers 500 even when it rejects", async () => {
    const order: string[] = [];
    const handler = createAuthHandler({
      ...docs,
      onChannelAuthorization: () => Promise.reject(new Error("down")),
      onError: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push("logged");
        throw new Error("the logger is down too");
      },
    });
    const response = await handler(formRequest({ socket_id: "1.1", channel_name: "private-a" }));
    order.push(`answered ${response.status}`);
    expect(order).toEqual(["logged", "answered 500"]);
  });

  it("still answers 500 when onError itself throws", async () => {
    const handler = createAuthHandler({
      ...docs,
      onUserAuthentication: () => {
        throw new Error("first");
      },
      onError: () => {
        throw new Error("second");
      },
    });
    expect((await handler(formRequest({ socket_id: "1.1" }))).status).toBe(500);
  });
});

describe("createAuthHandler: options", () => {
  const callback = { onChannelAuthorization: () => true };
  it.each([
    ["no options", undefined, "options"],
    ["an empty key", { ...docs, key: "", ...callback }, "key"],
    ["a missing secret", { key: "k", ...callback }, "secret"],
    [
      "a 31-byte master key",
      { ...docs, encryptionMasterKeyBase64: "dGhpcyBpcyAzMSBieXRlcyAxMjM0NTY3ODkwMTIzNA==", ...callback },
      "encryptionMasterKeyBase64",
    ],
    ["no callback", { ...docs }, "onChannelAuthorization"],
    ["a non-function onChannelAuthorization", { ...docs, onChannelAuthorization: true }, "onChannelAuthorization"],
    ["a non-function onUserAuthentication", { ...docs, ...callback, onUserAuthentication: {} }, "onUserAuthentication"],
    ["a non-function onError", { ...docs, ...callback, onError: "log" }, "onError"],
    ["a zero maxBodyBytes", { ...docs, ...callback, maxBodyBytes: 0 }, "maxBodyBytes"],
    ["a fractional maxBodyBytes", { ...docs, ...callback, maxBodyBytes: 10.5 }, "maxBodyBytes"],
    ["an infinite maxBodyBytes", { ...docs, ...callback, maxBodyBytes: Infinity }, "maxBodyBytes"],
    ["a zero bodyTimeoutMs", { ...docs, ...callback, bodyTimeoutMs: 0 }, "bodyTimeoutMs"],
    ["a bodyTimeoutMs that is a string", { ...docs, ...callback, bodyTimeoutMs: "1000" }, "bodyTimeoutMs"],
    ["null options", null, "options"],
    [
      "options whose getter throws",
      Object.defineProperty({ ...callback }, "key", {
        get: () => {
          throw new Error(docs.secret);
        },
      }),
      "options",
    ],
    [
      "a Proxy as options",
      new Proxy(
        {},
        {
          get: () => {
            throw new Error(docs.secret);
          },
        },
      ),
      "options",
    ],
    [
      "a maxBodyBytes that cannot be turned into a string",
      { ...docs, ...callback, maxBodyBytes: { toString: 0, valueOf: 0 } },
      "maxBodyBytes",
    ],
  ])("createAuthHandler throws a PusherConfigError naming the option for %s", (_, options, option) => {
    let error: unknown;
    try {
      createAuthHandler(options as never);
    } catch (caught) {
      error = caught;
    }
    expect(isPusherConfigError(error) && error.option).toBe(option);
    expect((error as Error).message).not.toContain(docs.secret);
  });
});

describe("createAuthHandler: a polluted Object.prototype", () => {
  it("takes no callback planted there: a handler without onUserAuthentication signs no one in", async () => {
    await withPollutedPrototype({ onUserAuthentication: () => ({ id: "admin" }) }, async () => {
      const handler = createAuthHandler({ ...docs, onChannelAuthorization: () => false });
      const response = await handler(formRequest({ socket_id: "1234.1234" }));
      expect(response.status).toBe(404);
      expect(JSON.stringify(await response.json())).not.toContain("auth");
    });
  });

  it("takes no presenceData planted there: a decision of {} for a presence channel is a refusal", async () => {
    await withPollutedPrototype({ presenceData: { user_id: "admin" } }, async () => {
      const handler = createAuthHandler({ ...docs, onChannelAuthorization: () => ({}) as never });
      const response = await handler(formRequest({ socket_id: "1234.1234", channel_name: "presence-foobar" }));
      expect(await answer(response)).toEqual({ status: 403, body: { error: "Forbidden" } });
    });
  });
});
