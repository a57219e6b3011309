// What `@x/server/compat` adds to, or changes in, the official package's behaviour: its
// errors (typed causes, no secret anywhere), a configuration the REST client cannot use (which
// fails the first request, as the official package does), the Response it resolves with, and
// each deliberate difference of docs/migrating-from-pusher.md, checked against the official
// package where it behaves otherwise.
import { inspect } from "node:util";
import { isPusherConfigError, isPusherHttpError, isPusherNetworkError, isPusherResponseError, isPusherValidationError } from "@x/types";
import { describe, expect, it, vi } from "vitest";
import { Compat, Official, asOptions } from "./support/both-sdks.js";
import { startRecordingServer, useRecordingServer } from "./support/recording-server.js";

const server = useRecordingServer();
const SECRET = "7ad3773142a6692b25b8";

function local(Pusher: typeof Compat = Compat, options: object = {}): Compat {
  return new Pusher(
    asOptions({ appId: "app-id", key: "app-key", secret: SECRET, host: "127.0.0.1", port: String(server.port), ...options }),
  );
}

async function rejection(promise: Promise<unknown>): Promise<Compat.RequestError> {
  try {
    await promise;
  } catch (error) {
    return error as Compat.RequestError;
  }
  throw new Error("the call resolved");
}

function signatureOf(url: string): string {
  return new URL(url, "http://127.0.0.1").searchParams.get("auth_signature") ?? "";
}

/** Every way an error may be shown: its message, its fields, its JSON, a log of it, its cause. */
function everythingShown(error: unknown): string {
  return [String(error), JSON.stringify(error), inspect(error, { depth: 5, showHidden: true })].join("\n");
}

describe("errors of HTTP calls", () => {
  it("a 401 whose body quotes the signature: the RequestError shows neither the signature nor the secret", async () => {
    server.answer((request) => ({ status: 401, body: `Invalid signature: you sent ${signatureOf(request.url)}` }));
    const error = await rejection(local().trigger("chat", "message", "hi"));
    const signature = signatureOf(server.requests[0]!.url);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(error).toBeInstanceOf(Compat.RequestError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "PusherRequestError", message: "Unexpected status code 401", status: 401, error: undefined });
    expect(error.body).toBe("Invalid signature: you sent REDACTED");
    expect(isPusherHttpError(error.cause)).toBe(true);
    const shown = everythingShown(error);
    expect(shown).not.toContain(signature);
    expect(shown).not.toContain(SECRET);
    expect(shown).toContain("auth_signature=REDACTED");
  });

  it("the official package's RequestError of the same call shows the signature (the defect fixed here)", async () => {
    server.answer({ status: 401, body: "Invalid signature" });
    const error = await rejection(local(Official).trigger("chat", "message", "hi"));
    expect(error.url).toContain(signatureOf(server.requests[0]!.url));
  });

  it("a refused connection: RequestError 'Request failed with an error', error and cause the PusherNetworkError", async () => {
    const closed = await startRecordingServer();
    const port = closed.port;
    await closed.stop();
    const error = await rejection(local(Compat, { port: String(port) }).trigger("chat", "message", "hi"));
    expect(error).toMatchObject({
      message: expect.stringMatching(/^Request failed with an error: /) as unknown,
      status: undefined,
      body: undefined,
    });
    expect(isPusherNetworkError(error.error)).toBe(true);
    expect(error.cause).toBe(error.error);
    expect(error.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/apps/app-id/events\\?auth_key=REDACTED&`));
    const shown = everythingShown(error);
    expect(shown).not.toMatch(/auth_signature=[0-9a-f]{64}/);
    expect(shown).not.toContain(SECRET);
  });

  it("a connection closed without an answer rejects the same way", async () => {
    server.answer({ destroy: true });
    const error = await rejection(local().post({ path: "/events", body: "{}" }));
    expect(error.message).toBe(`Request failed with an error: ${(error.cause as Error).message}`);
    expect(isPusherNetworkError(error.cause)).toBe(true);
  });

  it("a 200 with an error in its body (one compatible server's way of failing) rejects, with that status", async () => {
    server.answer({ body: '{"error":"The app does not exist","code":404}' });
    const error = await rejection(local().trigger("chat", "message", "hi"));
    expect(error).toMatchObject({ status: 200, body: "The app does not exist" });
    expect(error.message).toMatch(/^Request failed with an error: POST \S+ failed: 404 The app does not exist \(answered with HTTP 200\)$/);
    expect(isPusherHttpError(error.cause)).toBe(true);
  });

  it("a redirect is not followed: the signed request never goes elsewhere", async () => {
    server.answer({ status: 307, headers: { location: "http://127.0.0.1:1/elsewhere" }, body: "" });
    const error = await rejection(local().trigger("chat", "message", "hi"));
    expect(error).toMatchObject({ message: expect.stringMatching(/^Request failed with an error: /) as unknown, status: 307 });
    expect(isPusherResponseError(error.cause)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it("the RequestError constructor redacts a signed URL given to it", () => {
    const error = new Compat.RequestError(
      "m",
      "https://h/apps/1/events?auth_key=k&auth_timestamp=1&auth_signature=abc",
      new Error("cause"),
      500,
      "b",
    );
    expect(error.url).toBe("https://h/apps/1/events?auth_key=REDACTED&auth_timestamp=1&auth_signature=REDACTED");
  });
});

describe("a configuration the REST client cannot send with fails the first request, as there", () => {
  it("an empty secret: authorizeChannel signs (as the official package does), requests reject with the config error as cause", async () => {
    const pusher = local(Compat, { secret: "" });
    expect(pusher.authorizeChannel("1.1", "private-x")).toEqual(local(Official, { secret: "" }).authorizeChannel("1.1", "private-x"));
    const error = await rejection(pusher.trigger("chat", "message", "hi"));
    expect(error.message).toBe(`Request failed with an error: ${(error.cause as Error).message}`);
    expect(isPusherConfigError(error.cause)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it("an unknown scheme from forURL: the request rejects; signing still works", async () => {
    const pusher = Compat.forURL(`ftp://app-key:${SECRET}@127.0.0.1:${server.port}/apps/1`);
    expect(pusher.authorizeChannel("1.1", "private-x").auth).toMatch(/^app-key:/);
    const error = await rejection(pusher.get({ path: "/channels" }));
    expect((error.cause as { option: string }).option).toBe("scheme");
    expect(error.url).toBe(`ftp://127.0.0.1:${server.port}/apps/1/channels`);
  });

  it("a secret that is not a string throws at once, where node:crypto throws in the official package", () => {
    const pusher = local(Compat, { secret: undefined });
    expect(() => pusher.trigger("chat", "message", "hi")).toThrow(/secret must be a string/);
    expect(() => pusher.authorizeChannel("1.1", "private-x")).toThrow(/secret must be a string/);
    const official = local(Official, { secret: undefined });
    expect(() => official.trigger("chat", "message", "hi")).toThrow();
  });

  it("a path the REST client refuses (no leading slash) rejects, as the signed request fails there", async () => {
    const error = await rejection(local().get({ path: "channels" }));
    expect(isPusherValidationError(error.cause)).toBe(true);
  });
});

describe("the configurations the official package takes", () => {
  it("a numeric appId, a numeric port, a string port, and `host:port` reach the same server", async () => {
    const base = { key: "app-key", secret: SECRET, useTLS: false };
    for (const options of [
      { ...base, appId: 42, host: "127.0.0.1", port: server.port },
      { ...base, appId: "42", host: "127.0.0.1", port: String(server.port) },
      { ...base, appId: 42, host: `127.0.0.1:${server.port}` },
    ]) {
      const response = await new Compat(asOptions(options)).trigger("chat", "message", "hi");
      expect(response.status).toBe(200);
    }
    expect(server.requests.map((request) => request.path)).toEqual(["/apps/42/events", "/apps/42/events", "/apps/42/events"]);
  });

  it("`new Pusher.forURL(url)` works too, as it does there", () => {
    // Detached on purpose: the official forURL is a plain function, which `new` can call.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const Constructible = Compat.forURL as unknown as new (url: string) => Compat;
    expect(new Constructible(`http://app-key:${SECRET}@127.0.0.1/apps/1`)).toBeInstanceOf(Compat);
  });

  it("forURL: an app id that is not a number stays as it is (the official package makes it NaN)", async () => {
    const url = `http://app-key:${SECRET}@127.0.0.1:${server.port}/apps/app-id`;
    await Compat.forURL(url).trigger("chat", "message", "hi");
    await Official.forURL(url).trigger("chat", "message", "hi");
    expect(server.requests.map((request) => request.path)).toEqual(["/apps/app-id/events", "/apps/NaN/events"]);
  });

  it("forURL: the secret is read whole, percent-escapes decoded", () => {
    const pusher = Compat.forURL("https://app-key:se%3Acr%40et@api-eu.pusher.com/apps/1");
    expect(pusher.authorizeChannel("1.1", "private-x")).toEqual(
      new Compat({ appId: "1", key: "app-key", secret: "se:cr@et", cluster: "eu" }).authorizeChannel("1.1", "private-x"),
    );
  });

  it("forURL: bad URLs throw a config error that does not echo the URL", () => {
    for (const url of ["not a url", "https://api.pusher.com/apps/1", `https://key:${SECRET}%@api.pusher.com/apps/1`]) {
      let thrown: unknown;
      try {
        Compat.forURL(url);
      } catch (error) {
        thrown = error;
      }
      expect(isPusherConfigError(thrown)).toBe(true);
      expect(everythingShown(thrown)).not.toContain(SECRET);
    }
  });

  it("the master key's messages never echo it", () => {
    const key = Buffer.from("0123456789012345678901234567890").toString("base64");
    let thrown: unknown;
    try {
      local(Compat, { encryptionMasterKeyBase64: key });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toMatch(/31 bytes/);
    expect(everythingShown(thrown)).not.toContain(key);
  });
});

describe("the Response of a call", () => {
  it("has the status, the body byte for byte through text() and json(), ok and a content type", async () => {
    server.answer({ body: '{"channels":{"presence-room":{"user_count":2}},  "unicode":"ł€"}' });
    const response = await local().get({ path: "/channels", params: { filter_by_prefix: "presence-", info: "user_count" } });
    expect(response).toBeInstanceOf(Response);
    expect(response).toMatchObject({ status: 200, statusText: "OK", ok: true, redirected: false, url: "" });
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.clone().text()).toBe('{"channels":{"presence-room":{"user_count":2}},  "unicode":"ł€"}');
    expect(await response.json()).toEqual({ channels: { "presence-room": { user_count: 2 } }, unicode: "ł€" });
  });

  it("a 204 resolves with an empty body", async () => {
    server.answer({ status: 204, body: "" });
    const response = await local().terminateUserConnections("42");
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
  });
});

describe("differences of behaviour, against the official package", () => {
  it("post: a string body is sent as it is; the official package sends it JSON-encoded again (a JSON string)", async () => {
    const body = '{"name":"e","channels":["a"],"data":"x"}';
    await local().post({ path: "/events", body });
    await local(Official).post({ path: "/events", body });
    expect(server.requests.map((request) => request.body)).toEqual([body, JSON.stringify(body)]);
  });

  it("triggerBatch leaves the caller's events as they are; the official package rewrites their data", async () => {
    const ours = [{ channel: "a", name: "e", data: { n: 1 } }];
    const theirs = [{ channel: "a", name: "e", data: { n: 1 } }];
    await local().triggerBatch(ours);
    await local(Official).triggerBatch(theirs);
    expect(ours[0]!.data).toEqual({ n: 1 });
    expect(theirs[0]!.data).toBe('{"n":1}');
    expect(server.requests[0]!.body).toBe(server.requests[1]!.body);
  });

  it("GETs are retried after a 503; the official package retries nothing", async () => {
    let calls = 0;
    server.answer(() => (++calls === 1 ? { status: 503, body: "busy" } : { body: '{"channels":{}}' }));
    expect((await local().get({ path: "/channels" })).status).toBe(200);
    expect(calls).toBe(2);
    calls = 0;
    const error = await rejection(local(Official).get({ path: "/channels" }));
    expect(error.status).toBe(503);
  });

  it("a webhook without a signature header is invalid; the official isValid() throws a TypeError", () => {
    const request = { headers: { "content-type": "application/json", "x-pusher-key": "app-key" }, rawBody: "{}" };
    expect(local().webhook(request).isValid()).toBe(false);
    expect(() => local(Official).webhook(request).isValid()).toThrow(TypeError);
  });

  it("no secret shows in JSON.stringify or a log of a Pusher, a Token or a WebHook; the official objects show it", () => {
    const request = { headers: { "content-type": "application/json" }, rawBody: "{}" };
    for (const value of [local(), new Compat.Token("k", SECRET), local().webhook(request)]) {
      expect(JSON.stringify(value) ?? "").not.toContain(SECRET);
      expect(inspect(value, { depth: 5 })).not.toContain(SECRET);
    }
    expect(new Compat.Token("k", SECRET).secret).toBe(SECRET);
    expect(JSON.stringify(local(Official))).toContain(SECRET);
    expect(JSON.stringify(local(Official).webhook(request))).toContain(SECRET);
  });

  it("pusher.config holds the secret and the master key as the official config does, but neither shows in a log of it", () => {
    const masterKey = "01234567890123456789012345678901";
    const pusher = local(Compat, { encryptionMasterKey: masterKey });
    expect(pusher.config.token.secret).toBe(SECRET);
    expect(Buffer.from(pusher.config.encryptionMasterKey!).toString()).toBe(masterKey);
    for (const value of [pusher, pusher.config, pusher.webhook({ headers: {}, rawBody: "" })]) {
      for (const shown of [JSON.stringify(value), inspect(value, { depth: 5 }), String(Object.keys(value))]) {
        expect(shown).not.toContain(SECRET);
        expect(shown).not.toContain(masterKey);
      }
    }
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(inspect(local(Official, { encryptionMasterKey: masterKey }).config, { depth: 5 })).toContain(SECRET);
    warn.mockRestore();
  });

  it("pusher.config and its token are read-only: an assignment throws and changes nothing; the official config is writable", () => {
    const pusher = local();
    expect(() => {
      (pusher.config as { host: string }).host = "elsewhere.example";
    }).toThrow(TypeError);
    expect(() => {
      (pusher.config.token as { key: string }).key = "other";
    }).toThrow(TypeError);
    expect(pusher.config).toMatchObject({ host: "127.0.0.1", token: { key: "app-key" } });
    const official = local(Official);
    (official.config as { host: string }).host = "elsewhere.example";
    expect(official.config.host).toBe("elsewhere.example");
  });

  it("the deprecated encrypted and encryptionMasterKey options work and print nothing; the official package warns", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const options = { encrypted: false, encryptionMasterKey: "01234567890123456789012345678901" };
      const ours = local(Compat, options).channelSharedSecret("private-encrypted-x");
      expect(warn).not.toHaveBeenCalled();
      const theirs = local(Official, options).channelSharedSecret("private-encrypted-x");
      expect(warn).toHaveBeenCalledTimes(2);
      expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
    } finally {
      warn.mockRestore();
    }
  });

  it("channelSharedSecret gives a Buffer on Node, as there", () => {
    const masterKey = Buffer.from("01234567890123456789012345678901").toString("base64");
    const secret = local(Compat, { encryptionMasterKeyBase64: masterKey }).channelSharedSecret("private-encrypted-x");
    expect(Buffer.isBuffer(secret)).toBe(true);
    expect(Buffer.from(secret).toString("base64")).toBe(
      Buffer.from(local(Official, { encryptionMasterKeyBase64: masterKey }).channelSharedSecret("private-encrypted-x")).toString("base64"),
    );
  });

  it("a webhook body given as a Buffer or a Uint8Array is verified over its bytes", () => {
    const body = '{"time_ms":1403175510755,"events":[{"channel":"test_channel","name":"channel_vacated"}]}';
    const headers = {
      "content-type": "application/json",
      "x-pusher-key": "123456789",
      "x-pusher-signature": "c17257e92037cd7de407ebc1ed174ceb7b2e518db127f44411b9ffc4f5b28cc5",
    };
    const pusher = new Compat({ appId: "1", key: "123456789", secret: "tofu", cluster: "eu" });
    for (const rawBody of [body, Buffer.from(body), new TextEncoder().encode(body)]) {
      const webhook = pusher.webhook({ headers, rawBody: rawBody as string });
      expect(webhook.isValid()).toBe(true);
      expect(webhook.getTime()).toEqual(new Date(1403175510755));
    }
  });
});

/** What `run` threw at once (a call that returns, or returns a Promise, fails the test). */
function thrownBy(run: () => unknown): unknown {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    return error;
  }
  if (result instanceof Promise) result.catch(() => undefined);
  throw new Error("nothing was thrown at once");
}

describe("hostile input: a typed error at once, where the official package throws a TypeError or worse", () => {
  const MASTER_KEY = Buffer.from("01234567890123456789012345678901").toString("base64");
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  const throwingToJson = {
    toJSON(): never {
      throw new Error(`toJSON saw ${SECRET}`);
    },
  };

  it("options that are not an object: a PusherConfigError naming them (the official package: TypeError)", () => {
    for (const options of [null, undefined, "app-key:secret", 42]) {
      const thrown = thrownBy(() => new Compat(options as never));
      expect(isPusherConfigError(thrown)).toBe(true);
      expect((thrown as { option: string }).option).toBe("options");
    }
    expect(() => new Official(null as never)).toThrow(TypeError);
  });

  it.each([
    ["a BigInt", { count: 10n }],
    ["a cycle", cycle],
    ["a toJSON that throws", throwingToJson],
  ])("data with %s: every call that serialises it throws a PusherValidationError, nothing is sent", (_what, data) => {
    const pusher = local(Compat, { encryptionMasterKeyBase64: MASTER_KEY });
    const official = local(Official, { encryptionMasterKeyBase64: MASTER_KEY });
    const calls: [string, (p: Compat) => unknown, string][] = [
      ["trigger", (p) => p.trigger("chat", "message", data), "invalid_params"],
      ["trigger to an encrypted channel", (p) => p.trigger("private-encrypted-chat", "message", data), "invalid_params"],
      ["triggerBatch", (p) => p.triggerBatch([{ channel: "chat", name: "message", data }]), "invalid_params"],
      [
        "triggerBatch to an encrypted channel",
        (p) => p.triggerBatch([{ channel: "private-encrypted-chat", name: "message", data }]),
        "invalid_params",
      ],
      ["sendToUser", (p) => p.sendToUser("42", "message", data), "invalid_params"],
      ["post", (p) => p.post({ path: "/events", body: data as never }), "invalid_params"],
      ["authorizeChannel", (p) => p.authorizeChannel("1.1", "presence-room", { user_id: "42", user_info: data }), "invalid_presence_data"],
      ["authenticateUser", (p) => p.authenticateUser("1.1", { id: "42", info: data }), "invalid_user_data"],
    ];
    for (const [name, call, code] of calls) {
      const thrown = thrownBy(() => call(pusher));
      expect(isPusherValidationError(thrown), name).toBe(true);
      expect(thrown, name).toMatchObject({ code, message: expect.stringMatching(/cannot be serialized as JSON/) as unknown });
      expect(everythingShown(thrown)).not.toContain(SECRET);
      // The official package refuses each of them too, at the same moment.
      expect(() => call(official), name).toThrow();
    }
    expect(server.requests).toHaveLength(0);
  });

  it("a Symbol or an object without a prototype as a channel, socket id or user id: a PusherValidationError that shows its type", () => {
    expect(thrownBy(() => local().authenticateUser("1.1", Symbol("user") as never))).toMatchObject({
      code: "invalid_user_data",
      message: "Invalid user data: 'symbol'",
    });
    const pusher = local();
    for (const value of [Symbol("channel"), Object.create(null) as object]) {
      const calls: [(p: Compat) => unknown, string][] = [
        [(p) => p.trigger(value as never, "message", "hi"), "invalid_channel_name"],
        [(p) => p.authorizeChannel(value as never, "private-chat"), "invalid_socket_id"],
        [(p) => p.authorizeChannel("1.1", value as never), "invalid_channel_name"],
        [(p) => p.sendToUser(value as never, "message", "hi"), "invalid_user_id"],
        [(p) => p.terminateUserConnections(value as never), "invalid_user_id"],
      ];
      for (const [call, code] of calls) {
        const thrown = thrownBy(() => call(pusher));
        expect(isPusherValidationError(thrown)).toBe(true);
        expect(thrown).toMatchObject({ code, message: expect.stringMatching(/'(symbol|object)'$/) as unknown });
        expect(() => call(local(Official))).toThrow(TypeError);
      }
    }
    expect(server.requests).toHaveLength(0);
  });

  it("huge strings: a channel, event, socket id or user id of 8 MB is refused at once with the official message", () => {
    const huge = "a".repeat(8 * 1024 * 1024);
    const pusher = local();
    expect(thrownBy(() => pusher.trigger(huge, "message", "hi"))).toMatchObject({
      code: "invalid_channel_name",
      message: `Channel name too long: '${huge}'`,
    });
    expect(thrownBy(() => pusher.trigger("chat", huge, "hi"))).toMatchObject({
      code: "invalid_event_name",
      message: `Too long event name: '${huge}'`,
    });
    expect(thrownBy(() => pusher.authorizeChannel(`${huge}.1`, "private-chat"))).toMatchObject({ code: "invalid_socket_id" });
    expect(thrownBy(() => pusher.authorizeChannel("1.1", `private-${huge}`))).toMatchObject({ code: "invalid_channel_name" });
    expect(thrownBy(() => pusher.sendToUser("42", huge, "hi"))).toMatchObject({ code: "invalid_event_name" });
    expect(server.requests).toHaveLength(0);
  });

  it("triggerBatch of something that is not an array of events: a PusherValidationError naming it", () => {
    const pusher = local();
    for (const [events, field] of [
      [null, "events"],
      [undefined, "events"],
      ["chat", "events"],
      [[null], "events[0]"],
      [[{ channel: "chat", name: "e", data: 1 }, "chat"], "events[1]"],
      [[{ name: "e", data: 1 }], "events[0]"],
    ] as const) {
      const thrown = thrownBy(() => pusher.triggerBatch(events as never));
      expect(thrown).toMatchObject({ name: "PusherValidationError", code: "invalid_params", field });
      expect(() => local(Official).triggerBatch(events as never)).toThrow(TypeError);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("createSignedQueryString without options or with a method that is not a string: a PusherValidationError", () => {
    const pusher = local();
    expect(thrownBy(() => pusher.createSignedQueryString(null as never))).toMatchObject({ code: "invalid_params", field: "options" });
    expect(thrownBy(() => pusher.createSignedQueryString({ method: 1, path: "/apps/1/channels" } as never))).toMatchObject({
      code: "invalid_params",
      field: "method",
    });
    expect(() => local(Official).createSignedQueryString(null as never)).toThrow(TypeError);
    expect(() => local(Official).createSignedQueryString({ method: 1, path: "/apps/1/channels" } as never)).toThrow(TypeError);
  });
});

describe("a Buffer where the declared type is a string", () => {
  it("createSignedQueryString's body and channelSharedSecret's channel: strings only, where the official package takes a Buffer too", () => {
    const masterKey = Buffer.from("01234567890123456789012345678901").toString("base64");
    const body = Buffer.from('{"name":"e"}');
    expect(thrownBy(() => local().createSignedQueryString({ method: "POST", path: "/apps/1/events", body: body as never }))).toMatchObject({
      code: "invalid_params",
      field: "body",
    });
    expect(local(Official).createSignedQueryString({ method: "POST", path: "/apps/1/events", body: body as never })).toMatch(/body_md5=/);
    const channel = Buffer.from("private-encrypted-x");
    expect(thrownBy(() => local(Compat, { encryptionMasterKeyBase64: masterKey }).channelSharedSecret(channel as never))).toMatchObject({
      code: "invalid_channel_name",
    });
    expect(local(Official, { encryptionMasterKeyBase64: masterKey }).channelSharedSecret(channel as never)).toHaveLength(32);
  });
});

describe("hostile webhooks: an invalid verdict, never a crash", () => {
  const valid = '{"time_ms":1403175510755,"events":[{"channel":"test_channel","name":"channel_vacated"}]}';
  const pusher = () => new Compat({ appId: "1", key: "123456789", secret: "tofu", cluster: "eu" });
  const official = () => new Official({ appId: "1", key: "123456789", secret: "tofu", cluster: "eu" });
  const signature = new Compat.Token("123456789", "tofu").sign(valid);
  const json = { "content-type": "application/json", "x-pusher-key": "123456789" };

  it("a request without headers: a PusherValidationError at once (the official package: TypeError)", () => {
    for (const request of [null, undefined, {}, { headers: null, rawBody: valid }]) {
      const thrown = thrownBy(() => pusher().webhook(request as never));
      expect(thrown).toMatchObject({ name: "PusherValidationError", code: "invalid_params", field: "request" });
      expect(() => official().webhook(request as never)).toThrow(TypeError);
    }
  });

  it("garbage headers (a signature given twice, an object, a number; a key or content type of the wrong kind) are invalid", () => {
    const garbage: Record<string, unknown>[] = [
      { ...json, "x-pusher-signature": [signature, signature] },
      { ...json, "x-pusher-signature": { length: 64 } },
      { ...json, "x-pusher-signature": 42 },
      { ...json, "x-pusher-signature": "z".repeat(1_000_000) },
      { ...json, "x-pusher-key": ["other-key"], "x-pusher-signature": signature },
      { ...json, "x-pusher-key": { toString: () => "other-key" }, "x-pusher-signature": signature },
      { ...json, "content-type": ["application/json"], "x-pusher-signature": signature },
      { "x-pusher-signature": signature, "x-pusher-key": "123456789" },
    ];
    for (const headers of garbage) {
      const webhook = pusher().webhook({ headers, rawBody: valid });
      expect(webhook.isValid()).toBe(false);
    }
  });

  it("a body that is not text or bytes (what a body parser made of it) is not a valid body, where the official isValid() throws", () => {
    for (const rawBody of [42, null, true, { time_ms: 1, events: [] }, ["a"], undefined]) {
      const webhook = pusher().webhook({ headers: { ...json, "x-pusher-signature": signature }, rawBody: rawBody as never });
      expect(webhook.isBodyValid()).toBe(false);
      expect(webhook.isValid()).toBe(false);
      expect(() => webhook.getEvents()).toThrow(Compat.WebHookError);
    }
    for (const rawBody of [42, null]) {
      expect(() =>
        official()
          .webhook({ headers: { ...json, "x-pusher-signature": signature }, rawBody: rawBody as never })
          .isValid(),
      ).toThrow(TypeError);
    }
  });

  it("a huge garbage body with a forged signature is invalid, and its WebHookError holds no signature", () => {
    const body = `{"events":"${"x".repeat(8 * 1024 * 1024)}"}`;
    const webhook = pusher().webhook({ headers: { ...json, "x-pusher-signature": "f".repeat(64) }, rawBody: body });
    expect(webhook.isBodyValid()).toBe(true);
    expect(webhook.isValid()).toBe(false);
    const garbled = pusher().webhook({ headers: { ...json, "x-pusher-signature": signature }, rawBody: `${body}}` });
    const thrown = thrownBy(() => garbled.getData());
    expect(thrown).toBeInstanceOf(Compat.WebHookError);
    expect((thrown as Compat.WebHookError).signature).toBe("REDACTED");
  });

  it("a webhook sent in 2014 and the same delivery again are valid each time, as in the official package (no window, no memory)", () => {
    const request = { headers: { ...json, "x-pusher-signature": signature }, rawBody: valid };
    for (let delivery = 0; delivery < 2; delivery++) {
      expect(pusher().webhook(request).isValid()).toBe(true);
      expect(official().webhook(request).isValid()).toBe(true);
    }
    const same = pusher();
    expect([same.webhook(request).isValid(), same.webhook(request).isValid()]).toEqual([true, true]);
  });

  it("a Buffer body that starts with a byte order mark is not JSON, as in the official package", () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid)]);
    const headers = { ...json, "x-pusher-signature": new Compat.Token("123456789", "tofu").sign(body) };
    expect(
      pusher()
        .webhook({ headers, rawBody: body as never })
        .isValid(),
    ).toBe(false);
    expect(
      official()
        .webhook({ headers, rawBody: body as never })
        .isValid(),
    ).toBe(false);
  });
});
