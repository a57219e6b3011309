// Unit tests of the umbrella's own work: binding the configuration, the two constructor forms,
// fromUrl/fromEnv, the trigger overloads, keeping the secret private and re-exporting the shared
// vocabulary. Requests go to an injected fetch that records them; nothing leaves the process.
import { inspect } from "node:util";
import { signChannelAuth } from "@x/signing";
import * as types from "@x/types";
import * as webhooks from "@x/webhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as umbrella from "../src/index.js";
import {
  Pusher,
  isPusherConfigError,
  isPusherValidationError,
  type PusherConfig,
  type PusherConfigError,
  type PusherEnv,
  type PusherOptions,
} from "../src/index.js";
import { Compat } from "./compat/support/both-sdks.js";
import { fixClock } from "./support/fixed-clock.js";
import {
  AUTH_APP,
  BATCH_BODY,
  ENCRYPTED,
  FOO_BAR,
  PRESENCE_FOOBAR_SIGNATURE,
  PRIVATE_FOOBAR_SIGNATURE,
  SIGNED_TRIGGER,
  USER_12345_SIGNATURE,
  USER_1234,
  WEBHOOK_CLIENT_EVENT,
  WEBHOOK_OCCUPIED,
  WEBHOOK_VACATED,
} from "./support/protocol-vectors.js";
import { pathOf, queryOf, recordingFetch, type RecordedRequest } from "./support/recording-fetch.js";

const SECRET = "s3cr3t-do-not-leak";
const pusher = (): Pusher => new Pusher("1", "k", SECRET);

/** Runs `run`, expects a PusherConfigError naming `option`, and checks that no secret shows in it. */
function configError(run: () => unknown, option: string, secrets: readonly string[] = [SECRET]): PusherConfigError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  if (!isPusherConfigError(thrown)) throw new Error(`expected a PusherConfigError, got ${String(thrown)}`);
  expect(thrown.option).toBe(option);
  const shown = [thrown.message, thrown.stack ?? "", JSON.stringify(thrown), inspect(thrown, { showHidden: true })];
  for (const text of shown) for (const secret of secrets) expect(text).not.toContain(secret);
  return thrown;
}

/** The one request a call made. */
function onlyRequest(requests: readonly RecordedRequest[]): RecordedRequest {
  expect(requests).toHaveLength(1);
  return requests[0]!;
}

/** Where a Pusher sends its requests: it triggers once and reports the origin and path used. */
async function targetOf(create: (options: PusherOptions) => Pusher): Promise<{ origin: string; path: string }> {
  const recorder = recordingFetch();
  await create({ fetch: recorder.fetch }).trigger("channel-1", "test_event", "x");
  const url = new URL(onlyRequest(recorder.requests).url);
  return { origin: url.origin, path: url.pathname };
}

describe("new Pusher(...): the two constructor forms", () => {
  it("new Pusher(appId, key, secret, options) and new Pusher({ appId, key, secret, ...options }) send identical requests", async () => {
    fixClock(SIGNED_TRIGGER.timestamp);
    const positional = recordingFetch();
    const object = recordingFetch();
    const byPosition = new Pusher("3", SIGNED_TRIGGER.key, SIGNED_TRIGGER.secret, { cluster: "eu", fetch: positional.fetch });
    const byObject = new Pusher({ appId: "3", key: SIGNED_TRIGGER.key, secret: SIGNED_TRIGGER.secret, cluster: "eu", fetch: object.fetch });
    for (const pusher of [byPosition, byObject]) {
      await pusher.trigger("channel-1", "test_event", { message: "hello world" });
      await pusher.fetchStateForChannels({ filterByPrefix: "presence-" });
    }
    expect(positional.requests).toHaveLength(2);
    expect(object.requests).toEqual(positional.requests);
    expect(byObject.appId).toBe(byPosition.appId);
    expect(byObject.key).toBe(byPosition.key);
  });

  it("new Pusher(...) signs with the credentials it was given (docs/protocol.md §2 V1)", async () => {
    fixClock(SIGNED_TRIGGER.timestamp);
    const recorder = recordingFetch();
    const pusher = new Pusher(SIGNED_TRIGGER.appId, SIGNED_TRIGGER.key, SIGNED_TRIGGER.secret, { fetch: recorder.fetch });
    await pusher.trigger(SIGNED_TRIGGER.channel, SIGNED_TRIGGER.event, SIGNED_TRIGGER.data);
    const request = onlyRequest(recorder.requests);
    expect(pathOf(request)).toBe("/apps/3/events");
    expect(request.body).toBe(SIGNED_TRIGGER.body);
    expect(queryOf(request)).toEqual({
      auth_key: SIGNED_TRIGGER.key,
      auth_timestamp: String(SIGNED_TRIGGER.timestamp),
      auth_version: "1.0",
      body_md5: SIGNED_TRIGGER.bodyMd5,
      auth_signature: SIGNED_TRIGGER.signature,
    });
  });

  it("new Pusher(...) keeps its own copy of the config: changing the object afterwards changes nothing", () => {
    const config: PusherConfig = { appId: "3", key: AUTH_APP.key, secret: AUTH_APP.secret };
    const pusher = new Pusher(config);
    config.secret = "changed-after-construction";
    expect(pusher.authenticate("private-foobar", AUTH_APP.socketId)).toEqual({
      auth: `${AUTH_APP.key}:${PRIVATE_FOOBAR_SIGNATURE}`,
    });
  });

  it("new Pusher(...) throws a PusherConfigError naming a bad option, without the secret", () => {
    configError(() => new Pusher("1", "key", ""), "secret");
    configError(() => new Pusher("1", "", SECRET), "key");
    configError(() => new Pusher("", "key", SECRET), "appId");
    configError(() => new Pusher("1", "key", SECRET, { cluster: "e u" }), "cluster");
    configError(() => new Pusher({ appId: "1", key: "key", secret: SECRET, port: 0 }), "port");
    configError(
      () => new Pusher({ appId: "1", key: "key", secret: SECRET, encryptionMasterKeyBase64: "too-short" }),
      "encryptionMasterKeyBase64",
    );
  });
});

describe("new Pusher(...): where requests go (the .NET PusherServer library's Cluster and HostName)", () => {
  it("with { cluster: 'eu' } requests go to https://api-eu.pusher.com", async () => {
    expect(await targetOf((options) => new Pusher("app-1", "key", SECRET, { ...options, cluster: "eu" }))).toEqual({
      origin: "https://api-eu.pusher.com",
      path: "/apps/app-1/events",
    });
  });

  it("with neither cluster nor host requests go to https://api-mt1.pusher.com", async () => {
    expect((await targetOf((options) => new Pusher("app-1", "key", SECRET, options))).origin).toBe("https://api-mt1.pusher.com");
  });

  it("host overrides cluster, as the .NET PusherServer library documents for HostName", async () => {
    const target = await targetOf((options) => new Pusher("app-1", "key", SECRET, { ...options, cluster: "eu", host: "api.example.test" }));
    expect(target.origin).toBe("https://api.example.test");
  });

  it("with host, port and useTLS: false requests go to http://host:port", async () => {
    const target = await targetOf(
      (options) => new Pusher({ appId: "app-id", key: "key", secret: SECRET, host: "127.0.0.1", port: 6001, useTLS: false, ...options }),
    );
    expect(target).toEqual({ origin: "http://127.0.0.1:6001", path: "/apps/app-id/events" });
  });
});

describe("Pusher.fromUrl(url)", () => {
  it("Pusher.fromUrl('https://KEY:SECRET@HOST/apps/APP_ID') sends signed requests to that host and app", async () => {
    fixClock(SIGNED_TRIGGER.timestamp);
    const recorder = recordingFetch();
    const pusher = Pusher.fromUrl(`https://${SIGNED_TRIGGER.key}:${SIGNED_TRIGGER.secret}@api-eu.pusher.com/apps/3`, {
      fetch: recorder.fetch,
    });
    expect({ appId: pusher.appId, key: pusher.key }).toEqual({ appId: "3", key: SIGNED_TRIGGER.key });
    await pusher.trigger(SIGNED_TRIGGER.channel, SIGNED_TRIGGER.event, SIGNED_TRIGGER.data);
    const request = onlyRequest(recorder.requests);
    expect(new URL(request.url).origin).toBe("https://api-eu.pusher.com");
    expect(pathOf(request)).toBe("/apps/3/events");
    expect(queryOf(request).auth_signature).toBe(SIGNED_TRIGGER.signature);
  });

  it("Pusher.fromUrl('http://…:PORT/…') uses plain HTTP and the port", async () => {
    const target = await targetOf((options) => Pusher.fromUrl(`http://app-key:${SECRET}@127.0.0.1:6001/apps/app-id`, options));
    expect(target).toEqual({ origin: "http://127.0.0.1:6001", path: "/apps/app-id/events" });
  });

  it("Pusher.fromUrl('https://…/PREFIX/apps/APP_ID') keeps the path before /apps/ as the basePath", async () => {
    const target = await targetOf((options) => Pusher.fromUrl(`https://app-key:${SECRET}@example.com/pusher/v1/apps/app-id`, options));
    expect(target).toEqual({ origin: "https://example.com", path: "/pusher/v1/apps/app-id/events" });
  });

  it("Pusher.fromUrl(url) decodes percent-encoded credentials", () => {
    const pusher = Pusher.fromUrl("https://k%40ey:s%2Fcret%3A@api.example.test/apps/my-app/");
    expect({ appId: pusher.appId, key: pusher.key }).toEqual({ appId: "my-app", key: "k@ey" });
    expect(pusher.authenticate("private-foobar", "1.1").auth).toBe(
      signChannelAuth({ key: "k@ey", secret: "s/cret:" }, "1.1", "private-foobar"),
    );
  });

  const shape = ": expected https://KEY:SECRET@HOST[:PORT]/apps/APP_ID";
  it.each([
    ["not a URL", "not a url", "url is not a URL"],
    ["another scheme", `ftp://key:${SECRET}@api.example.test/apps/1`, "url must start with https:// or http://"],
    ["no /apps/APP_ID path", `https://key:${SECRET}@api.example.test/`, "url has no /apps/APP_ID path"],
    ["a path beyond the app", `https://key:${SECRET}@api.example.test/apps/1/events`, "url has no /apps/APP_ID path"],
    ["no credentials", "https://api.example.test/apps/1", "url has no key and secret"],
    ["no secret", "https://key@api.example.test/apps/1", "url has no secret"],
    ["a malformed percent-escape", `https://key:${SECRET}%zz@api.example.test/apps/1`, "url has a malformed %-escape"],
  ])("Pusher.fromUrl(url) with %s throws a PusherConfigError for 'url' that says which part, not echoing the secret", (_, url, words) => {
    expect(configError(() => Pusher.fromUrl(url), "url").message).toBe(words + shape);
  });

  it("Pusher.fromEnv names PUSHER_URL in the same words; the compat forURL shares them", () => {
    const error = configError(() => Pusher.fromEnv({ PUSHER_URL: "https://key@api.example.test/apps/1" }), "PUSHER_URL");
    expect(error.message).toBe(`PUSHER_URL has no secret${shape}`);
    expect(configError(() => Compat.forURL("not a url"), "url").message).toBe(`url is not a URL${shape}`);
    expect(configError(() => Compat.forURL("https://api.example.test/apps/1"), "url").message).toBe(`url has no key and secret${shape}`);
  });
});

describe("a misspelt option", () => {
  it.each([
    [() => new Pusher({ appId: "1", key: "k", secret: SECRET, timout: 5 } as never), "timout", "timeout"],
    [() => new Pusher("1", "k", SECRET, { clustr: "eu" } as never), "clustr", "cluster"],
    [() => Pusher.fromUrl(`https://k:${SECRET}@api.example.test/apps/1`, { useTls: false } as never), "useTls", "useTLS"],
    [() => pusher().createAuthHandler({ onChannelAuthorisation: () => true } as never), "onChannelAuthorisation", "onChannelAuthorization"],
    [() => pusher().createWebhookHandler({ onEvent: () => undefined, maxAge: 1 } as never), "maxAge", "maxAgeMs"],
    [() => pusher().processWebHook("", "{}", undefined, { maxAgeMS: 1 } as never), "maxAgeMS", "maxAgeMs"],
    [() => pusher().createPublisher({ maxDelay: 1 } as never), "maxDelay", "maxDelayMs"],
  ])("%#: a PusherConfigError naming %s and the option meant, %s", (run, option, near) => {
    expect(configError(run, option).message).toBe(`unknown option \`${option}\`: did you mean \`${near}\`?`);
  });

  it("the compat class ignores unknown keys, as the official package does", () => {
    expect(() => new Compat({ appId: "1", key: "k", secret: SECRET, timout: 5 } as never)).not.toThrow();
  });
});

describe("Pusher.fromEnv(env)", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("Pusher.fromEnv({ PUSHER_URL }) reads the connection URL, which wins over the separate variables", async () => {
    const env: PusherEnv = {
      PUSHER_URL: `http://app-key:${SECRET}@127.0.0.1:6001/apps/app-id`,
      PUSHER_APP_ID: "ignored",
      PUSHER_KEY: "ignored",
      PUSHER_SECRET: "ignored",
      PUSHER_CLUSTER: "eu",
    };
    const target = await targetOf((options) => Pusher.fromEnv(env, options));
    expect(target).toEqual({ origin: "http://127.0.0.1:6001", path: "/apps/app-id/events" });
  });

  it("Pusher.fromEnv(env) reads PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET and PUSHER_CLUSTER", async () => {
    fixClock(SIGNED_TRIGGER.timestamp);
    const recorder = recordingFetch();
    const pusher = Pusher.fromEnv(
      { PUSHER_APP_ID: "3", PUSHER_KEY: SIGNED_TRIGGER.key, PUSHER_SECRET: SIGNED_TRIGGER.secret, PUSHER_CLUSTER: "eu" },
      { fetch: recorder.fetch },
    );
    await pusher.trigger(SIGNED_TRIGGER.channel, SIGNED_TRIGGER.event, SIGNED_TRIGGER.data);
    const request = onlyRequest(recorder.requests);
    expect(`${new URL(request.url).origin}${pathOf(request)}`).toBe("https://api-eu.pusher.com/apps/3/events");
    expect(queryOf(request).auth_signature).toBe(SIGNED_TRIGGER.signature);
  });

  it("Pusher.fromEnv(env) reads PUSHER_HOST, PUSHER_PORT and PUSHER_USE_TLS", async () => {
    const env = {
      PUSHER_APP_ID: "app-id",
      PUSHER_KEY: "key",
      PUSHER_SECRET: SECRET,
      PUSHER_HOST: "127.0.0.1",
      PUSHER_PORT: "6001",
      PUSHER_USE_TLS: "false",
    };
    expect(await targetOf((options) => Pusher.fromEnv(env, options))).toEqual({
      origin: "http://127.0.0.1:6001",
      path: "/apps/app-id/events",
    });
  });

  it.each([
    ["true", "https:"],
    ["TRUE", "https:"],
    ["1", "https:"],
    ["yes", "https:"],
    ["false", "http:"],
    ["0", "http:"],
    ["No", "http:"],
    ["", "https:"],
    // Anything but an explicit "off" keeps TLS: a typo must not send requests in the clear.
    ["maybe", "https:"],
    ["flase", "https:"],
  ])("Pusher.fromEnv(env) reads PUSHER_USE_TLS=%j as %s", async (value, protocol) => {
    const env = { PUSHER_APP_ID: "1", PUSHER_KEY: "key", PUSHER_SECRET: SECRET, PUSHER_HOST: "api.example.test", PUSHER_USE_TLS: value };
    expect((await targetOf((options) => Pusher.fromEnv(env, options))).origin).toBe(`${protocol}//api.example.test`);
  });

  it("Pusher.fromEnv(env) binds PUSHER_ENCRYPTION_MASTER_KEY_BASE64 for encrypted channels", () => {
    const pusher = Pusher.fromEnv({
      PUSHER_APP_ID: "1",
      PUSHER_KEY: ENCRYPTED.key,
      PUSHER_SECRET: ENCRYPTED.secret,
      PUSHER_ENCRYPTION_MASTER_KEY_BASE64: ENCRYPTED.masterKeyBase64,
    });
    expect(pusher.authenticate(ENCRYPTED.channel, ENCRYPTED.socketId)).toEqual({
      auth: ENCRYPTED.auth,
      shared_secret: ENCRYPTED.sharedSecret,
    });
  });

  it("Pusher.fromEnv() reads process.env by default", async () => {
    vi.stubEnv("PUSHER_URL", `https://app-key:${SECRET}@api.example.test/apps/from-process-env`);
    expect(await targetOf((options) => Pusher.fromEnv(undefined, options))).toEqual({
      origin: "https://api.example.test",
      path: "/apps/from-process-env/events",
    });
  });

  it("Pusher.fromEnv({}) names the missing variables, and PUSHER_URL as the alternative", () => {
    const error = configError(() => Pusher.fromEnv({}), "PUSHER_APP_ID");
    for (const name of ["PUSHER_URL", "PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET"]) expect(error.message).toContain(name);
  });

  it("Pusher.fromEnv(env) with only PUSHER_KEY missing names PUSHER_KEY and does not echo the secret", () => {
    const error = configError(() => Pusher.fromEnv({ PUSHER_APP_ID: "1", PUSHER_SECRET: SECRET }), "PUSHER_KEY");
    expect(error.message).toContain("PUSHER_KEY");
  });

  it.each([
    // The port is checked by the client, as every port is: the error names the option `port`.
    ["port", { PUSHER_PORT: "80a" }],
    ["port", { PUSHER_PORT: "0" }],
    ["port", { PUSHER_PORT: "70000" }],
    ["PUSHER_URL", { PUSHER_URL: `https://key:${SECRET}@api.example.test/no-app` }],
  ])("Pusher.fromEnv(env) with a bad value throws a PusherConfigError naming %s, without the secret", (option, bad) => {
    configError(() => Pusher.fromEnv({ PUSHER_APP_ID: "1", PUSHER_KEY: "key", PUSHER_SECRET: SECRET, ...bad }), option);
  });
});

describe("pusher.trigger(...): the .NET PusherServer library's Trigger overloads", () => {
  it("trigger(channels[], event, data, { socketId, info }) sends one POST /events with socket_id and info", async () => {
    const recorder = recordingFetch(() => ({
      channels: { "channel-1": { subscription_count: 2 }, "channel-2": { subscription_count: 1 } },
    }));
    const pusher = new Pusher("1", "key", SECRET, { fetch: recorder.fetch });
    const result = await pusher.trigger(
      ["channel-1", "channel-2"],
      "test_event",
      { message: "hello world" },
      {
        socketId: "1234.56",
        info: ["subscription_count"],
      },
    );
    const request = onlyRequest(recorder.requests);
    expect(`${request.method} ${pathOf(request)}`).toBe("POST /apps/1/events");
    expect(JSON.parse(request.body)).toEqual({
      name: "test_event",
      channels: ["channel-1", "channel-2"],
      data: '{"message":"hello world"}',
      socket_id: "1234.56",
      info: "subscription_count",
    });
    expect(result).toEqual({ channels: { "channel-1": { subscription_count: 2 }, "channel-2": { subscription_count: 1 } } });
  });

  it("trigger(events) sends one POST /batch_events with the body of docs/protocol.md §2's batch vector", async () => {
    const recorder = recordingFetch(() => ({ batch: [{ subscription_count: 3 }, {}] }));
    const pusher = new Pusher("1", "key", SECRET, { fetch: recorder.fetch });
    const result = await pusher.trigger(BATCH_BODY.events);
    const request = onlyRequest(recorder.requests);
    expect(`${request.method} ${pathOf(request)}`).toBe("POST /apps/1/batch_events");
    expect(request.body).toBe(BATCH_BODY.body);
    expect(queryOf(request).body_md5).toBe(BATCH_BODY.bodyMd5);
    expect(result).toEqual({ batch: [{ subscription_count: 3 }, {}] });
  });

  it("trigger(events, { signal }) passes the request options to the batch", async () => {
    const recorder = recordingFetch();
    const pusher = new Pusher("1", "key", SECRET, { fetch: recorder.fetch });
    await expect(pusher.trigger(BATCH_BODY.events, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "PusherAbortError" });
    expect(recorder.requests).toEqual([]);
  });

  it("trigger(channel) without an event name is refused as a trigger (invalid_event_name) and sends nothing", async () => {
    const recorder = recordingFetch();
    const pusher = new Pusher("1", "key", SECRET, { fetch: recorder.fetch });
    const call = (pusher.trigger as (...args: unknown[]) => Promise<unknown>)("channel-1");
    await expect(call).rejects.toSatisfy((error) => isPusherValidationError(error) && error.code === "invalid_event_name");
    expect(recorder.requests).toEqual([]);
  });
});

describe("pusher.get / fetchStateForChannels / fetchStateForChannel / fetchUsersFromPresenceChannel (docs/protocol.md §2 V2)", () => {
  const V2 = { appId: "102015", key: "d41a439c438a100756f5", secret: "4bf35003e819bb138249" };
  const SESSION = "presence-session-d41a439c438a100756f5-4bf35003e819bb138249";

  async function signatureOf(timestamp: number, call: (pusher: Pusher) => Promise<unknown>): Promise<string> {
    fixClock(timestamp);
    const recorder = recordingFetch(() => ({ channels: {}, occupied: false, users: [] }));
    await call(new Pusher({ ...V2, fetch: recorder.fetch }));
    const request = onlyRequest(recorder.requests);
    expect(request.method).toBe("GET");
    return queryOf(request).auth_signature!;
  }

  it("get('/channels', params) and fetchStateForChannels(options) sign the same GET /channels", async () => {
    const expected = "4d8a02edcc8a758b0162cd6da690a9a45fb8ae326a276dca1e06a0bc42796c11";
    expect(await signatureOf(1427034994, (pusher) => pusher.get("/channels", { filter_by_prefix: "presence-", info: "user_count" }))).toBe(
      expected,
    );
    expect(
      await signatureOf(1427034994, (pusher) => pusher.fetchStateForChannels({ filterByPrefix: "presence-", info: ["user_count"] })),
    ).toBe(expected);
  });

  it("fetchStateForChannels() without options signs GET /channels", async () => {
    expect(await signatureOf(1427036787, (pusher) => pusher.fetchStateForChannels())).toBe(
      "df89248f87f6e6d028925e0b04d60f316527a865992ace6936afa91281d8bef0",
    );
  });

  it("fetchStateForChannel(name, { info }) signs GET /channels/<name>", async () => {
    const signature = await signatureOf(1427053326, (pusher) =>
      pusher.fetchStateForChannel(`${SESSION}-ROpCFmgFhXY`, { info: ["user_count", "subscription_count"] }),
    );
    expect(signature).toBe("f93ceb31f396aef336226efe512aaf339bd5e39c7c2c04b81cc8681dc16ee785");
  });

  it("fetchUsersFromPresenceChannel(name) signs GET /channels/<name>/users", async () => {
    expect(await signatureOf(1427053709, (pusher) => pusher.fetchUsersFromPresenceChannel(`${SESSION}-nYJLy67qh52`))).toBe(
      "207feaf4e8efeb24e5f148011704251bf90e2059a5f97a3eb52d06178b11feca",
    );
  });
});

describe("pusher.authenticate / authorizeChannel / authenticateUser (docs/protocol.md §5 vectors)", () => {
  const app = new Pusher("1", AUTH_APP.key, AUTH_APP.secret);

  it("authenticate(privateChannel, socketId) returns { auth }, whose JSON is what pusher-js expects", () => {
    const auth = app.authenticate("private-foobar", AUTH_APP.socketId);
    expect(JSON.stringify(auth)).toBe(`{"auth":"${AUTH_APP.key}:${PRIVATE_FOOBAR_SIGNATURE}"}`);
  });

  it("authenticate(presenceChannel, socketId, presenceData) returns { auth, channel_data }", () => {
    expect(app.authenticate("presence-foobar", AUTH_APP.socketId, { user_id: 10, user_info: { name: "Mr. Channels" } })).toEqual({
      auth: `${AUTH_APP.key}:${PRESENCE_FOOBAR_SIGNATURE}`,
      channel_data: '{"user_id":10,"user_info":{"name":"Mr. Channels"}}',
    });
  });

  it("authorizeChannel(socketId, channel, presenceData) takes the official SDK's argument order", () => {
    const fooBar = new Pusher("1", FOO_BAR.key, FOO_BAR.secret);
    expect(fooBar.authorizeChannel("345.23", "private-channel")).toEqual({ auth: `foo:${FOO_BAR.privateChannelSignature}` });
    expect(fooBar.authorizeChannel("345.43245", "presence-channel", { user_id: "fred", user_info: { key: "value" } })).toEqual({
      auth: `foo:${FOO_BAR.presenceChannelSignature}`,
      channel_data: '{"user_id":"fred","user_info":{"key":"value"}}',
    });
  });

  it("authenticate(encryptedChannel, socketId) uses the bound master key: { auth, shared_secret }", () => {
    const withKey = new Pusher("1", ENCRYPTED.key, ENCRYPTED.secret, { encryptionMasterKeyBase64: ENCRYPTED.masterKeyBase64 });
    expect(withKey.authenticate(ENCRYPTED.channel, ENCRYPTED.socketId)).toEqual({
      auth: ENCRYPTED.auth,
      shared_secret: ENCRYPTED.sharedSecret,
    });
    const withoutKey = new Pusher("1", ENCRYPTED.key, ENCRYPTED.secret);
    expect(() => withoutKey.authenticate(ENCRYPTED.channel, ENCRYPTED.socketId)).toThrow(
      expect.objectContaining({ code: "encrypted_channel_misuse" }),
    );
  });

  it("authenticateUser(socketId, userData) returns { auth, user_data }", () => {
    expect(app.authenticateUser(AUTH_APP.socketId, { id: "12345" })).toEqual({
      auth: `${AUTH_APP.key}:${USER_12345_SIGNATURE}`,
      user_data: '{"id":"12345"}',
    });
    const keySecret = new Pusher("1", USER_1234.key, USER_1234.secret);
    expect(JSON.stringify(keySecret.authenticateUser(USER_1234.socketId, { id: "1234" }))).toBe(USER_1234.json);
  });
});

// A vector's webhook arrives when it was sent: the freshness window (on by default) lets it through.
const receivedWhenSent = (body: string) => vi.useFakeTimers({ toFake: ["Date"], now: (JSON.parse(body) as { time_ms: number }).time_ms });

describe("pusher.processWebHook(signature, body, key?) (docs/protocol.md §7 vectors)", () => {
  const vacatedApp = new Pusher("1", WEBHOOK_VACATED.key, WEBHOOK_VACATED.secret);

  it("processWebHook(signature, body, key) accepts a webhook signed with this app's secret", () => {
    receivedWhenSent(WEBHOOK_VACATED.body);
    expect(vacatedApp.processWebHook(WEBHOOK_VACATED.signature, WEBHOOK_VACATED.body, WEBHOOK_VACATED.key)).toEqual({
      isValid: true,
      events: [{ name: "channel_vacated", channel: "test_channel" }],
      timeMs: 1403175510755,
      validationErrors: [],
    });
  });

  it("processWebHook(signature, body) without a key checks the app's secret, as the .NET PusherServer library's two-argument form", () => {
    receivedWhenSent(WEBHOOK_OCCUPIED.body);
    const occupiedApp = new Pusher("1", "some-key", WEBHOOK_OCCUPIED.secret);
    const verdict = occupiedApp.processWebHook(WEBHOOK_OCCUPIED.signature, new TextEncoder().encode(WEBHOOK_OCCUPIED.body));
    expect(verdict.isValid).toBe(true);
    expect(verdict.events).toEqual([{ name: "channel_occupied", channel: "test_channel" }]);
  });

  it("processWebHook(...) lists a client_event with its fields", () => {
    receivedWhenSent(WEBHOOK_CLIENT_EVENT.body);
    const verdict = new Pusher("1", "key", WEBHOOK_CLIENT_EVENT.secret).processWebHook(
      WEBHOOK_CLIENT_EVENT.signature,
      WEBHOOK_CLIENT_EVENT.body,
    );
    expect(verdict.events).toEqual([
      { name: "client_event", channel: "private-my-channel", event: "client-event", data: "Unencrypted", socket_id: "240621.35780774" },
    ]);
  });

  it("processWebHook(...) refuses a tampered body, another app's key and another app's signature", () => {
    receivedWhenSent(WEBHOOK_VACATED.body);
    const tampered = vacatedApp.processWebHook(
      WEBHOOK_VACATED.signature,
      WEBHOOK_VACATED.body.replace("vacated", "occupied"),
      WEBHOOK_VACATED.key,
    );
    expect(tampered).toMatchObject({ isValid: false, events: [], timeMs: undefined });
    expect(tampered.validationErrors.map((problem) => problem.code)).toEqual(["invalid_signature"]);

    const otherKey = vacatedApp.processWebHook(WEBHOOK_VACATED.signature, WEBHOOK_VACATED.body, "another-key");
    expect(otherKey.validationErrors.map((problem) => problem.code)).toEqual(["unknown_key"]);

    const otherSecret = new Pusher("1", WEBHOOK_VACATED.key, "not-tofu").processWebHook(WEBHOOK_VACATED.signature, WEBHOOK_VACATED.body);
    expect(otherSecret.validationErrors.map((problem) => problem.code)).toEqual(["invalid_signature"]);
  });
});

describe("pusher.createAuthHandler / createWebhookHandler: bound to this app's credentials", () => {
  function authRequest(body: string): Request {
    return new Request("http://127.0.0.1/pusher/auth", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
  }

  it("createAuthHandler(...) signs channel authorizations and sign-ins with this app's key and secret", async () => {
    const handler = new Pusher("1", AUTH_APP.key, AUTH_APP.secret).createAuthHandler({
      onChannelAuthorization: () => true,
      onUserAuthentication: () => ({ id: "12345" }),
    });
    const channel = await handler(authRequest(`socket_id=${AUTH_APP.socketId}&channel_name=private-foobar`));
    expect(channel.status).toBe(200);
    expect(await channel.json()).toEqual({ auth: `${AUTH_APP.key}:${PRIVATE_FOOBAR_SIGNATURE}` });
    const user = await handler(authRequest(`socket_id=${AUTH_APP.socketId}`));
    expect(await user.json()).toEqual({ auth: `${AUTH_APP.key}:${USER_12345_SIGNATURE}`, user_data: '{"id":"12345"}' });
  });

  it("createAuthHandler(...) uses this app's master key for encrypted channels", async () => {
    const handler = new Pusher("1", ENCRYPTED.key, ENCRYPTED.secret, {
      encryptionMasterKeyBase64: ENCRYPTED.masterKeyBase64,
    }).createAuthHandler({
      onChannelAuthorization: () => true,
    });
    const response = await handler(authRequest(`socket_id=${ENCRYPTED.socketId}&channel_name=${ENCRYPTED.channel}`));
    expect(await response.json()).toEqual({ auth: ENCRYPTED.auth, shared_secret: ENCRYPTED.sharedSecret });
  });

  function webhookRequest(): Request {
    return new Request("http://127.0.0.1/pusher/webhooks", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-pusher-key": WEBHOOK_VACATED.key,
        "x-pusher-signature": WEBHOOK_VACATED.signature,
      },
      body: WEBHOOK_VACATED.body,
    });
  }

  it("createWebhookHandler(...) accepts a webhook signed for this app and hands over its events", async () => {
    receivedWhenSent(WEBHOOK_VACATED.body);
    const received: unknown[] = [];
    const handler = new Pusher("1", WEBHOOK_VACATED.key, WEBHOOK_VACATED.secret).createWebhookHandler({
      onEvent: (event) => {
        received.push(event);
      },
    });
    expect((await handler(webhookRequest())).status).toBe(200);
    expect(received).toEqual([{ name: "channel_vacated", channel: "test_channel" }]);
  });

  it("createWebhookHandler(...) of an app with another secret refuses the same webhook with 401", async () => {
    const received: unknown[] = [];
    const handler = new Pusher("1", WEBHOOK_VACATED.key, "not-tofu").createWebhookHandler({
      onEvent: (event) => {
        received.push(event);
      },
    });
    expect((await handler(webhookRequest())).status).toBe(401);
    expect(received).toEqual([]);
  });
});

describe("pusher.createPublisher(...): bound to this app", () => {
  it("createPublisher(options).publish(event) sends a POST /batch_events for this app", async () => {
    const recorder = recordingFetch(() => ({ batch: [{ subscription_count: 1 }] }));
    const publisher = new Pusher("app-7", "key", SECRET, { fetch: recorder.fetch }).createPublisher({ maxDelayMs: 0 });
    const attributes = await publisher.publish({ channel: "chat", name: "message", data: "hi", info: ["subscription_count"] });
    await publisher.close();
    const request = onlyRequest(recorder.requests);
    expect(`${request.method} ${pathOf(request)}`).toBe("POST /apps/app-7/batch_events");
    expect(JSON.parse(request.body)).toEqual({ batch: [{ channel: "chat", name: "message", data: "hi", info: "subscription_count" }] });
    expect(attributes).toEqual({ subscription_count: 1 });
  });
});

describe("the secret stays private", () => {
  const MASTER_KEY = ENCRYPTED.masterKeyBase64;
  const pusher = new Pusher({ appId: "1", key: "public-key", secret: SECRET, encryptionMasterKeyBase64: MASTER_KEY });

  it("JSON.stringify(pusher) shows the app id and key only", () => {
    expect(JSON.stringify(pusher)).toBe('{"appId":"1","key":"public-key"}');
  });

  it("String(pusher), util.inspect(pusher) and its own property names show neither the secret nor the master key", () => {
    const shown = [
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- what String() shows is the point
      String(pusher),
      `${pusher as unknown as string}`,
      inspect(pusher, { showHidden: true, depth: Number.POSITIVE_INFINITY, getters: true }),
      JSON.stringify(Object.getOwnPropertyNames(pusher).map((name) => [name, (pusher as unknown as Record<string, unknown>)[name]])),
    ];
    for (const text of shown) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(MASTER_KEY);
    }
  });
});

describe("re-exports: one import is enough", () => {
  const ERRORS_AND_GUARDS = [
    "PusherError",
    "PusherConfigError",
    "PusherValidationError",
    "PusherHttpError",
    "PusherNetworkError",
    "PusherTimeoutError",
    "PusherAbortError",
    "PusherPartialDeliveryError",
    "PusherQueueFullError",
    "PusherResponseError",
    "PusherWebhookError",
    "isPusherError",
    "isPusherConfigError",
    "isPusherValidationError",
    "isPusherHttpError",
    "isPusherNetworkError",
    "isPusherTimeoutError",
    "isPusherAbortError",
    "isPusherPartialDeliveryError",
    "isPusherQueueFullError",
    "isPusherResponseError",
    "isPusherWebhookError",
  ] as const;

  it.each(ERRORS_AND_GUARDS)("%s is the very object @x/types exports", (name) => {
    expect(umbrella[name]).toBeTypeOf("function");
    expect(umbrella[name]).toBe(types[name]);
  });

  it("isKnownWebhookEvent is the very function @x/webhooks exports", () => {
    expect(umbrella.isKnownWebhookEvent).toBe(webhooks.isKnownWebhookEvent);
  });

  it("toNodeHandler, the Node.js adapter of the bound handlers, is the very function @x/types exports", () => {
    expect(umbrella.toNodeHandler).toBeTypeOf("function");
    expect(umbrella.toNodeHandler).toBe(types.toNodeHandler);
  });

  it("an error thrown by a Pusher is an instance of the re-exported class", () => {
    expect(() => new Pusher("1", "key", "")).toThrow(umbrella.PusherConfigError);
    expect(() => new Pusher("1", "key", SECRET).authenticate("public-channel", "1.1")).toThrow(umbrella.PusherValidationError);
  });

  it("exports only the names it means to (the public API, reviewed in one place)", () => {
    const leafFunctions = ["authenticateUser", "authorizeChannel", "createAuthHandler", "createPublisher", "createRestClient"];
    const webhookFunctions = [
      "createMemoryDeliveryStore",
      "createWebhookDecryptor",
      "createWebhookHandler",
      "isKnownWebhookEvent",
      "verifyWebhook",
    ];
    const constants = ["VERSION"];
    expect(Object.keys(umbrella).sort()).toEqual(
      ["Pusher", "toNodeHandler", ...leafFunctions, ...webhookFunctions, ...constants, ...ERRORS_AND_GUARDS].sort(),
    );
  });
});
