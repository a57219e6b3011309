// Delegation, not duplication: for every method, the umbrella gives exactly what the leaf
// function of @x/rest, @x/auth or @x/webhooks gives for the same inputs — the same requests byte
// for byte (with a fixed clock), the same results, the same errors. Whatever those functions do
// is tested in their own packages; here only the binding is.
import { authenticateUser, authorizeChannel, createAuthHandler } from "@x/auth";
import { createPublisher, createRestClient, type RestClient } from "@x/rest";
import { decodeMasterKey, encryptPayload } from "@x/signing";
import { hmacSha256Hex } from "@x/signing/internal";
import { createWebhookDecryptor, createWebhookHandler, verifyWebhook } from "@x/webhooks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Pusher, type PusherConfig, type WebhookEvent } from "../src/index.js";
import { fixClock } from "./support/fixed-clock.js";
import { ENCRYPTED, WEBHOOK_VACATED } from "./support/protocol-vectors.js";
import { pathOf, recordingFetch, type RecordedRequest } from "./support/recording-fetch.js";

const CONFIG: PusherConfig = {
  appId: "app-7",
  key: ENCRYPTED.key,
  secret: ENCRYPTED.secret,
  cluster: "eu",
  encryptionMasterKeyBase64: ENCRYPTED.masterKeyBase64,
};
const CREDENTIALS = { key: CONFIG.key, secret: CONFIG.secret, encryptionMasterKeyBase64: ENCRYPTED.masterKeyBase64 };

/** What a server answers, by path, so that every result has something to carry. */
function answer(request: RecordedRequest): unknown {
  const path = pathOf(request);
  if (path.endsWith("/batch_events")) return { batch: [{ subscription_count: 1 }, {}] };
  if (path.endsWith("/events")) return { channels: { "channel-1": { subscription_count: 2 } } };
  if (path.endsWith("/users")) return { users: [{ id: "1" }, { id: "2" }] };
  if (path.endsWith("/channels")) return { channels: { "presence-room": { user_count: 2 } } };
  if (path.includes("/channels/")) return { occupied: true, subscription_count: 3 };
  return {};
}

/** An umbrella and a leaf client on the same config, each with its own recording fetch. */
function twins() {
  const umbrellaFetch = recordingFetch(answer);
  const leafFetch = recordingFetch(answer);
  return {
    pusher: new Pusher({ ...CONFIG, fetch: umbrellaFetch.fetch }),
    client: createRestClient({ ...CONFIG, fetch: leafFetch.fetch }),
    umbrellaRequests: umbrellaFetch.requests,
    leafRequests: leafFetch.requests,
  };
}

interface RestCase {
  call: string;
  umbrella: (pusher: Pusher) => Promise<unknown>;
  leaf: (client: RestClient) => Promise<unknown>;
}

const EVENTS = [
  { channel: "channel-1", name: "test_event", data: "hello world" },
  { channel: "channel-1", name: "test_event", data: "my name is bob", socketId: "1234.56", info: ["subscription_count" as const] },
];

const REST_CASES: RestCase[] = [
  {
    call: "trigger(channel, event, data)",
    umbrella: (pusher) => pusher.trigger("channel-1", "test_event", { message: "hello world" }),
    leaf: (client) => client.trigger("channel-1", "test_event", { message: "hello world" }),
  },
  {
    call: "trigger(channels, event, data, { socketId, info })",
    umbrella: (pusher) =>
      pusher.trigger(["channel-1", "channel-2"], "test_event", "x", { socketId: "1234.56", info: ["subscription_count"] }),
    leaf: (client) => client.trigger(["channel-1", "channel-2"], "test_event", "x", { socketId: "1234.56", info: ["subscription_count"] }),
  },
  {
    call: "trigger(events) as triggerBatch(events)",
    umbrella: (pusher) => pusher.trigger(EVENTS),
    leaf: (client) => client.triggerBatch(EVENTS),
  },
  {
    call: "get(resource, params)",
    umbrella: (pusher) => pusher.get("/channels", { filter_by_prefix: "presence-", info: ["user_count"] }),
    leaf: (client) => client.get("/channels", { filter_by_prefix: "presence-", info: ["user_count"] }),
  },
  {
    call: "post(resource, body, params)",
    umbrella: (pusher) => pusher.post("/events", { name: "e", channels: ["a"], data: "{}" }, { extra: "1" }),
    leaf: (client) => client.post("/events", { name: "e", channels: ["a"], data: "{}" }, { extra: "1" }),
  },
  {
    call: "fetchStateForChannels(options) as channels(options)",
    umbrella: (pusher) => pusher.fetchStateForChannels({ filterByPrefix: "presence-", info: ["user_count"] }),
    leaf: (client) => client.channels({ filterByPrefix: "presence-", info: ["user_count"] }),
  },
  {
    call: "fetchStateForChannel(name, options) as channel(name, options)",
    umbrella: (pusher) => pusher.fetchStateForChannel("my_channel", { info: ["subscription_count"] }),
    leaf: (client) => client.channel("my_channel", { info: ["subscription_count"] }),
  },
  {
    call: "fetchUsersFromPresenceChannel(name) as users(name)",
    umbrella: (pusher) => pusher.fetchUsersFromPresenceChannel("presence-room"),
    leaf: (client) => client.users("presence-room"),
  },
  {
    call: "sendToUser(userId, event, data)",
    umbrella: (pusher) => pusher.sendToUser("user-42", "notification", { text: "hi" }),
    leaf: (client) => client.sendToUser("user-42", "notification", { text: "hi" }),
  },
  {
    call: "terminateUserConnections(userId)",
    umbrella: (pusher) => pusher.terminateUserConnections("user-42"),
    leaf: (client) => client.terminateUserConnections("user-42"),
  },
  {
    call: "createPublisher(options).publish(event)",
    umbrella: async (pusher) => {
      const publisher = pusher.createPublisher({ maxDelayMs: 0 });
      const attributes = await publisher.publish(EVENTS[1]!);
      await publisher.close();
      return attributes;
    },
    leaf: async (client) => {
      const publisher = createPublisher(client, { maxDelayMs: 0 });
      const attributes = await publisher.publish(EVENTS[1]!);
      await publisher.close();
      return attributes;
    },
  },
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe("REST calls: the umbrella sends what @x/rest sends", () => {
  it.each(REST_CASES.map((restCase) => [restCase.call, restCase] as const))(
    "pusher.%s sends byte-identical requests and resolves with the same result",
    async (_, { umbrella, leaf }) => {
      fixClock(1_700_000_000);
      const { pusher, client, umbrellaRequests, leafRequests } = twins();
      const umbrellaResult = await umbrella(pusher);
      const leafResult = await leaf(client);
      expect(leafRequests.length).toBeGreaterThan(0);
      expect(umbrellaRequests).toEqual(leafRequests);
      expect(umbrellaResult).toEqual(leafResult);
    },
  );

  it("pusher.trigger(encryptedChannel, ...) sends what @x/rest sends with the same nonce", async () => {
    fixClock(1_700_000_000);
    // The nonce is the one random part of an encrypted trigger (docs/protocol.md §6): fix it.
    vi.spyOn(crypto, "getRandomValues").mockImplementation((array) => {
      if (array instanceof Uint8Array) array.fill(7);
      return array;
    });
    const { pusher, client, umbrellaRequests, leafRequests } = twins();
    await pusher.trigger(ENCRYPTED.channel, "secret_event", { text: "hi" });
    await client.trigger(ENCRYPTED.channel, "secret_event", { text: "hi" });
    expect(leafRequests).toHaveLength(1);
    expect(umbrellaRequests).toEqual(leafRequests);
  });

  it.each([
    ["trigger with a bad channel name", (target: Pusher | RestClient) => target.trigger("bad channel!", "e", "x")],
    ["trigger with a bad socket id", (target: Pusher | RestClient) => target.trigger("ok", "e", "x", { socketId: "1.1:" })],
    ["get with a reserved param", (target: Pusher | RestClient) => target.get("/channels", { auth_key: "x" })],
    ["sendToUser with a bad user id", (target: Pusher | RestClient) => target.sendToUser("", "e", "x")],
  ])("%s: the umbrella rejects with the same error as @x/rest and sends nothing", async (_, call) => {
    const { pusher, client, umbrellaRequests, leafRequests } = twins();
    const umbrellaError: unknown = await call(pusher).catch((error: unknown) => error);
    const leafError: unknown = await call(client).catch((error: unknown) => error);
    expect(leafError).toBeInstanceOf(Error);
    expect(umbrellaError).toEqual(leafError);
    expect(umbrellaError).toMatchObject({ name: (leafError as Error).name, code: (leafError as { code: string }).code });
    expect([...umbrellaRequests, ...leafRequests]).toEqual([]);
  });
});

describe("signing: the umbrella returns what @x/auth returns", () => {
  const pusher = new Pusher(CONFIG);
  const socketId = ENCRYPTED.socketId;

  it.each([
    ["a private channel", "private-orders", undefined],
    ["a presence channel", "presence-room", { user_id: "42", user_info: { name: "Phil Leggetter", twitter_id: "@leggetter" } }],
    ["an encrypted channel", "private-encrypted-vault", undefined],
  ])("pusher.authenticate(...) on %s deep-equals authorizeChannel(credentials, ...)", (_, channelName, presenceData) => {
    const expected = authorizeChannel(CREDENTIALS, { socketId, channelName, presenceData });
    expect(pusher.authenticate(channelName, socketId, presenceData)).toEqual(expected);
    expect(pusher.authorizeChannel(socketId, channelName, presenceData)).toEqual(expected);
  });

  it("pusher.authenticateUser(...) deep-equals authenticateUser(credentials, ...)", () => {
    const userData = { id: "42", user_info: { name: "Ada" }, watchlist: ["7"] };
    expect(pusher.authenticateUser(socketId, userData)).toEqual(authenticateUser(CREDENTIALS, { socketId, userData }));
  });

  it("pusher.authenticate(publicChannel, ...) throws the error authorizeChannel throws", () => {
    const thrown = (run: () => unknown): unknown => {
      try {
        run();
      } catch (error) {
        return error;
      }
      throw new Error("expected an error");
    };
    const leafError = thrown(() => authorizeChannel(CREDENTIALS, { socketId, channelName: "public-news" }));
    expect(thrown(() => pusher.authenticate("public-news", socketId))).toEqual(leafError);
  });
});

describe("webhooks: the umbrella concludes what @x/webhooks concludes", () => {
  // One instant for both sides, the one the webhooks below were sent at (the freshness window is on by default).
  beforeEach(() => fixClock(1_700_000_000));
  const vacatedApp = new Pusher("1", WEBHOOK_VACATED.key, WEBHOOK_VACATED.secret);
  const vacatedCredentials = { key: WEBHOOK_VACATED.key, secret: WEBHOOK_VACATED.secret };

  it.each([
    ["a valid webhook", WEBHOOK_VACATED.signature, WEBHOOK_VACATED.body, WEBHOOK_VACATED.key],
    ["no key header", WEBHOOK_VACATED.signature, WEBHOOK_VACATED.body, undefined],
    ["a tampered body", WEBHOOK_VACATED.signature, WEBHOOK_VACATED.body.replace("test", "best"), WEBHOOK_VACATED.key],
    ["an unknown key", WEBHOOK_VACATED.signature, WEBHOOK_VACATED.body, "other-key"],
    ["no signature", null, WEBHOOK_VACATED.body, WEBHOOK_VACATED.key],
    ["a body that is not JSON", hmacSha256Hex(WEBHOOK_VACATED.secret, "nope"), "nope", WEBHOOK_VACATED.key],
  ])("pusher.processWebHook(...) with %s deep-equals verifyWebhook(credentials, ...)", (_, signature, body, key) => {
    expect(vacatedApp.processWebHook(signature, body, key)).toEqual(verifyWebhook(vacatedCredentials, { body, signature, key }));
  });

  it("pusher.processWebHook(..., options) passes maxAgeMs and now through", () => {
    const options = { maxAgeMs: 60_000, now: () => 1403175510755 + 120_000 };
    const verdict = vacatedApp.processWebHook(WEBHOOK_VACATED.signature, WEBHOOK_VACATED.body, WEBHOOK_VACATED.key, options);
    expect(verdict.validationErrors.map((problem) => problem.code)).toEqual(["outside_time_window"]);
    expect(verdict).toEqual(
      verifyWebhook(
        vacatedCredentials,
        { body: WEBHOOK_VACATED.body, signature: WEBHOOK_VACATED.signature, key: WEBHOOK_VACATED.key },
        options,
      ),
    );
  });

  it("pusher.processWebHook(...) decrypts an encrypted client event with the bound master key, as verifyWebhook does", () => {
    const data = encryptPayload("private-encrypted-chat", '{"text":"hi"}', decodeMasterKey(ENCRYPTED.masterKeyBase64));
    const body = JSON.stringify({
      time_ms: 1_700_000_000_000,
      events: [{ name: "client_event", channel: "private-encrypted-chat", event: "client-typing", data, socket_id: "1.2" }],
    });
    const signature = hmacSha256Hex(CONFIG.secret, body);
    const verdict = new Pusher(CONFIG).processWebHook(signature, body, CONFIG.key);
    expect(verdict.events).toEqual([
      { name: "client_event", channel: "private-encrypted-chat", event: "client-typing", data: '{"text":"hi"}', socket_id: "1.2" },
    ]);
    const decryptor = createWebhookDecryptor(ENCRYPTED.masterKeyBase64);
    expect(verdict).toEqual(verifyWebhook(CREDENTIALS, { body, signature, key: CONFIG.key }, { decryptor }));
  });
});

describe("handlers: the umbrella's handlers answer as the leaf handlers do", () => {
  const pusher = new Pusher(CONFIG);
  beforeEach(() => fixClock(1_700_000_000));

  function form(body: string, contentType = "application/x-www-form-urlencoded"): Request {
    return new Request("http://127.0.0.1/pusher/auth", { method: "POST", headers: { "content-type": contentType }, body });
  }

  it.each([
    ["a private channel", form(`socket_id=${ENCRYPTED.socketId}&channel_name=private-orders`)],
    ["a presence channel", form(`socket_id=${ENCRYPTED.socketId}&channel_name=presence-room`)],
    ["an encrypted channel", form(`socket_id=${ENCRYPTED.socketId}&channel_name=private-encrypted-vault`)],
    ["a refused channel", form(`socket_id=${ENCRYPTED.socketId}&channel_name=private-admin`)],
    ["a sign-in", form(`socket_id=${ENCRYPTED.socketId}`)],
    ["a bad socket id", form("socket_id=1.1:&channel_name=private-orders")],
    ["another content type", form("<xml/>", "text/xml")],
  ])("pusher.createAuthHandler(...) answers %s as createAuthHandler({ key, secret, ... })", async (_, request) => {
    const options = {
      onChannelAuthorization: ({ channelName }: { channelName: string }) =>
        channelName === "private-admin" ? false : channelName.startsWith("presence-") ? { presenceData: { user_id: "42" } } : true,
      onUserAuthentication: () => ({ id: "42" }),
    };
    const umbrellaResponse = await pusher.createAuthHandler(options)(request.clone());
    const leafResponse = await createAuthHandler({ ...CREDENTIALS, ...options })(request);
    expect(umbrellaResponse.status).toBe(leafResponse.status);
    expect(Object.fromEntries(umbrellaResponse.headers)).toEqual(Object.fromEntries(leafResponse.headers));
    expect(await umbrellaResponse.text()).toBe(await leafResponse.text());
  });

  function webhook(body: string, signature: string, contentType = "application/json"): Request {
    return new Request("http://127.0.0.1/pusher/webhooks", {
      method: "POST",
      headers: { "content-type": contentType, "x-pusher-key": CONFIG.key, "x-pusher-signature": signature },
      body,
    });
  }
  const occupied = '{"time_ms":1700000000000,"events":[{"name":"channel_occupied","channel":"chat"}]}';
  const encryptedClientEvent = JSON.stringify({
    time_ms: 1_700_000_000_000,
    events: [
      {
        name: "client_event",
        channel: "private-encrypted-chat",
        event: "client-typing",
        data: encryptPayload("private-encrypted-chat", '{"text":"hi"}', decodeMasterKey(ENCRYPTED.masterKeyBase64)),
        socket_id: "1.2",
      },
    ],
  });

  it.each([
    ["a valid webhook", webhook(occupied, hmacSha256Hex(CONFIG.secret, occupied))],
    ["a wrong signature", webhook(occupied, hmacSha256Hex("another-secret", occupied))],
    ["another content type", webhook(occupied, hmacSha256Hex(CONFIG.secret, occupied), "text/plain")],
    ["an encrypted client event", webhook(encryptedClientEvent, hmacSha256Hex(CONFIG.secret, encryptedClientEvent))],
  ])("pusher.createWebhookHandler(...) answers %s as createWebhookHandler({ credentials, ... })", async (_, request) => {
    const umbrellaEvents: WebhookEvent[] = [];
    const leafEvents: WebhookEvent[] = [];
    const umbrellaResponse = await pusher.createWebhookHandler({ onEvent: (event) => void umbrellaEvents.push(event) })(request.clone());
    const leafResponse = await createWebhookHandler({
      credentials: { key: CONFIG.key, secret: CONFIG.secret },
      decryptor: createWebhookDecryptor(ENCRYPTED.masterKeyBase64),
      onEvent: (event) => void leafEvents.push(event),
    })(request);
    expect(umbrellaResponse.status).toBe(leafResponse.status);
    expect(await umbrellaResponse.text()).toBe(await leafResponse.text());
    expect(umbrellaEvents).toEqual(leafEvents);
  });
});
