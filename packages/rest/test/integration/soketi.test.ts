import { request as httpRequest, createServer, type Server } from "node:http";
import { once } from "node:events";
import { decodeMasterKey, deriveSharedSecret, signChannelAuth, signUserAuth } from "@x/signing";
import { bytesToBase64 } from "@x/signing/internal";
import { isPusherHttpError } from "@x/types";
import { startLocalPusher } from "@x/testing";
import { asLocalServer, connectClient, soketiInstall, type LocalServer, type TestClient } from "tools-test-support";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createPublisher, createRestClient, type RestClient, type RestClientOptions } from "../../src/index.js";
import { z } from "zod";
import { MASTER_KEY_BASE64 } from "../support/protocol-vectors.js";

// The client against a real Pusher-compatible server (soketi) and real pusher-js clients
// (see packages/testing/README.md, "Where the fake and soketi differ"): what this SDK triggers arrives, and what it queries is what is subscribed.

type AuthCallback = (error: Error | null, data: Record<string, string> | null) => void;

let server: LocalServer;
let rest: RestClient;
const connected: TestClient[] = [];

function clientOptions(options: Partial<RestClientOptions> = {}): RestClientOptions {
  return {
    host: "127.0.0.1",
    port: server.port,
    useTLS: false,
    appId: server.appId,
    key: server.key,
    secret: server.secret,
    maxPayloadBytes: 100_000,
    encryptionMasterKeyBase64: MASTER_KEY_BASE64,
    ...options,
  };
}

function restClient(options: Partial<RestClientOptions> = {}): RestClient {
  return createRestClient(clientOptions(options));
}

// A pusher-js client that signs its own private, presence and encrypted subscriptions and its
// sign-in, as an auth endpoint of the app would (docs/protocol.md §5).
async function connect(userId = "anonymous"): Promise<TestClient> {
  const credentials = { key: server.key, secret: server.secret };
  const channelData = JSON.stringify({ user_id: userId, user_info: { name: userId } });
  const userData = JSON.stringify({ id: userId });
  const client = await connectClient(server, {
    channelAuthorization: {
      customHandler: ({ socketId, channelName }: { socketId: string; channelName: string }, callback: AuthCallback) => {
        if (channelName.startsWith("presence-")) {
          callback(null, { auth: signChannelAuth(credentials, socketId, channelName, channelData), channel_data: channelData });
        } else if (channelName.startsWith("private-encrypted-")) {
          const sharedSecret = bytesToBase64(deriveSharedSecret(channelName, decodeMasterKey(MASTER_KEY_BASE64)));
          callback(null, { auth: signChannelAuth(credentials, socketId, channelName), shared_secret: sharedSecret });
        } else {
          callback(null, { auth: signChannelAuth(credentials, socketId, channelName) });
        }
      },
    },
    userAuthentication: {
      customHandler: ({ socketId }: { socketId: string }, callback: AuthCallback) =>
        callback(null, { auth: signUserAuth(credentials, socketId, userData), user_data: userData }),
    },
  });
  connected.push(client);
  return client;
}

async function signIn(client: TestClient): Promise<void> {
  client.pusher.signin();
  await client.pusher.user.signinDonePromise;
}

beforeAll(async () => {
  server = asLocalServer(await startLocalPusher(soketiInstall));
  rest = restClient();
});

afterEach(async () => {
  await Promise.all(connected.splice(0).map((client) => client.disconnect()));
});

afterAll(async () => {
  await server?.stop();
});

describe("events triggered by @x/rest reach pusher-js clients", () => {
  it("trigger() to one channel delivers the event with its data", async () => {
    const client = await connect();
    await client.subscribe("news");
    const received = client.waitForEvent("news", "published");

    await expect(rest.trigger("news", "published", { title: "hello", accents: "é ü ß" })).resolves.toEqual({ channels: {} });

    expect(await received).toEqual({ title: "hello", accents: "é ü ß" });
  });

  it("trigger() to several channels delivers the event on each", async () => {
    const client = await connect();
    const channels = ["multi-a", "multi-b", "multi-c"];
    for (const channel of channels) await client.subscribe(channel);
    const received = channels.map((channel) => client.waitForEvent(channel, "ping"));

    await rest.trigger(channels, "ping", "pong");

    expect(await Promise.all(received)).toEqual(["pong", "pong", "pong"]);
  });

  it("trigger() split over several requests (maxChannelsPerTrigger: 2) delivers the event on all five channels", async () => {
    const client = await connect();
    const channels = Array.from({ length: 5 }, (_, index) => `split-${index}`);
    for (const channel of channels) await client.subscribe(channel);
    const received = channels.map((channel) => client.waitForEvent(channel, "ping"));

    await restClient({ maxChannelsPerTrigger: 2 }).trigger(channels, "ping", { n: 1 });

    expect(await Promise.all(received)).toEqual(channels.map(() => ({ n: 1 })));
  });

  it("triggerBatch() delivers the events in order, also when split into several requests", async () => {
    const client = await connect();
    await client.subscribe("ordered");
    const received = client.collect("ordered", "step");

    await rest.triggerBatch(Array.from({ length: 25 }, (_, step) => ({ channel: "ordered", name: "step", data: { step } })));

    await vi.waitFor(() => expect(received).toHaveLength(25), { timeout: 10_000 });
    expect(received).toEqual(Array.from({ length: 25 }, (_, step) => ({ step })));
  });

  it("trigger() with the socketId of a subscribed client skips that client and reaches the other", async () => {
    const sender = await connect();
    const other = await connect();
    await sender.subscribe("room");
    await other.subscribe("room");
    const seenBySender = sender.collect("room", "said");
    const reachedOther = other.waitForEvent("room", "said");

    await rest.trigger("room", "said", "hello", { socketId: sender.socketId });
    expect(await reachedOther).toBe("hello");

    // Events reach a socket in the order they were accepted: once the later control event has
    // arrived, the excluded one would have arrived before it.
    const control = sender.waitForEvent("room", "said");
    await rest.trigger("room", "said", "control");
    expect(await control).toBe("control");
    expect(seenBySender).toEqual(["control"]);
  });

  it("trigger() on a private-encrypted- channel is decrypted by a pusher-js client subscribed to it", async () => {
    const client = await connect();
    await client.subscribe("private-encrypted-vault");
    const received = client.waitForEvent("private-encrypted-vault", "secret");

    await rest.trigger("private-encrypted-vault", "secret", { code: 1234, note: "sealed" });

    expect(await received).toEqual({ code: 1234, note: "sealed" });
  });

  it("trigger() to several encrypted channels and a public one: each client decrypts its own channel's copy", async () => {
    const client = await connect();
    const channels = ["private-encrypted-x", "private-encrypted-y", "private-encrypted-z", "plain"];
    for (const channel of channels) await client.subscribe(channel);
    const received = channels.map((channel) => client.waitForEvent(channel, "secret"));

    const result = await restClient({ maxBatchSize: 2 }).trigger(channels, "secret", { code: 7 }, { info: ["subscription_count"] });

    expect(await Promise.all(received)).toEqual(channels.map(() => ({ code: 7 })));
    expect(Object.keys(result.channels)).toEqual(channels);
  });

  it("trigger() with eventSchemas sends the schema's output, and refuses bad data before sending", async () => {
    const client = await connect();
    await client.subscribe("private-encrypted-typed");
    const received = client.waitForEvent("private-encrypted-typed", "note");
    const typed = createRestClient({ ...clientOptions(), eventSchemas: { note: z.object({ text: z.string().trim() }) } });

    await expect(typed.trigger("private-encrypted-typed", "note", { text: 1 as never })).rejects.toMatchObject({
      code: "invalid_event_data",
    });
    await typed.trigger("private-encrypted-typed", "note", { text: "  hi  " });

    expect(await received).toEqual({ text: "hi" });
  });
});

describe("channel queries report what is subscribed", () => {
  it("channels(), channel() and users() see the subscribed public and presence channels", async () => {
    const alice = await connect("alice");
    const bob = await connect("bob");
    await alice.subscribe("presence-lobby");
    await bob.subscribe("presence-lobby");
    await alice.subscribe("watched");

    const { channels } = await rest.channels();
    expect(Object.keys(channels)).toEqual(expect.arrayContaining(["presence-lobby", "watched"]));

    const presence = await rest.channels({ filterByPrefix: "presence-", info: ["user_count"] });
    expect(Object.keys(presence.channels)).toEqual(["presence-lobby"]);

    await expect(rest.channel("watched", { info: ["subscription_count"] })).resolves.toMatchObject({
      occupied: true,
      subscription_count: 1,
    });
    await expect(rest.channel("presence-lobby", { info: ["user_count"] })).resolves.toMatchObject({ occupied: true, user_count: 2 });
    await expect(rest.channel("nobody-here")).resolves.toMatchObject({ occupied: false });

    const { users } = await rest.users("presence-lobby");
    expect(users.map((user) => user.id).sort()).toEqual(["alice", "bob"]);
  });
});

describe("users", () => {
  it("sendToUser() reaches a signed-in client", async () => {
    const client = await connect("dana");
    await signIn(client);
    const received = new Promise((resolve) => client.pusher.user.bind("notice", resolve));

    await rest.sendToUser("dana", "notice", { text: "for you" });

    expect(await received).toEqual({ text: "for you" });
  });

  it("terminateUserConnections() disconnects the signed-in client", async () => {
    const client = await connect("erin");
    await signIn(client);
    const leftConnected = new Promise<string>((resolve) =>
      client.pusher.connection.bind("state_change", ({ current }: { current: string }) => {
        if (current !== "connected") resolve(current);
      }),
    );

    await rest.terminateUserConnections("erin");

    expect(await leftConnected).not.toBe("connected");
  });
});

describe("failures reported by the server", () => {
  it("a request signed with the wrong secret (soketi: HTTP 200 with an error body) rejects with a PusherHttpError", async () => {
    const error = await restClient({ secret: "wrong-secret" })
      .trigger("news", "e", "x")
      .catch((failure: unknown) => failure);

    expect(isPusherHttpError(error)).toBe(true);
    expect(error).toMatchObject({ serverMessage: "The secret authentication failed", serverCode: 401 });
    expect((error as Error).message).toMatch(/ failed: 401 The secret authentication failed \(answered with HTTP 200\)$/);
  });
});

describe("the batching publisher", () => {
  it("delivers 2,000 events published at once, each exactly once", async () => {
    const client = await connect();
    await client.subscribe("firehose");
    const received = client.collect("firehose", "tick") as { n: number }[];
    const publisher = createPublisher(rest, { maxDelayMs: 5 });

    const results = await Promise.all(
      Array.from({ length: 2_000 }, (_, n) => publisher.publish({ channel: "firehose", name: "tick", data: { n } })),
    );
    await publisher.close();
    expect(results).toHaveLength(2_000);

    await vi.waitFor(() => expect(received.length).toBeGreaterThanOrEqual(2_000), { timeout: 15_000 });
    // A later control event proves no duplicate is still on its way.
    const control = client.waitForEvent("firehose", "done");
    await rest.trigger("firehose", "done", "end");
    await control;
    expect(received).toHaveLength(2_000);
    expect(new Set(received.map((data) => data.n)).size).toBe(2_000);
  });
});

describe("basePath: soketi behind a reverse proxy that strips /pusher", () => {
  // A real loopback proxy: it forwards /pusher/apps/… as /apps/…, and refuses anything else.
  async function strippingProxy(): Promise<{ proxy: Server; port: number; forwarded: string[] }> {
    const forwarded: string[] = [];
    const proxy = createServer((incoming, outgoing) => {
      const url = incoming.url ?? "";
      if (!url.startsWith("/pusher/apps/")) return void outgoing.writeHead(404).end("not under /pusher");
      forwarded.push(url.split("?")[0] as string);
      const options = { port: server.port, host: "127.0.0.1", method: incoming.method, headers: incoming.headers };
      const upstream = httpRequest({ ...options, path: url.slice("/pusher".length) }, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      incoming.pipe(upstream);
    });
    proxy.listen(0, "127.0.0.1");
    await once(proxy, "listening");
    return { proxy, port: (proxy.address() as { port: number }).port, forwarded };
  }

  it("trigger, channel queries and batch succeed, signed over the path the server verifies", async () => {
    const { proxy, port, forwarded } = await strippingProxy();
    try {
      const proxied = restClient({ port, basePath: "/pusher" });
      const client = await connect();
      await client.subscribe("proxied");
      const received = client.collect("proxied", "hop");

      await proxied.trigger("proxied", "hop", 1);
      await proxied.triggerBatch([{ channel: "proxied", name: "hop", data: 2 }]);
      await vi.waitFor(() => expect(received).toEqual([1, 2]), { timeout: 10_000 });
      expect((await proxied.channels()).channels).toHaveProperty("proxied");
      expect(await proxied.channel("proxied", { info: ["subscription_count"] })).toMatchObject({ occupied: true, subscription_count: 1 });

      const appPath = `/pusher/apps/${server.appId}`;
      expect(forwarded).toEqual([`${appPath}/events`, `${appPath}/batch_events`, `${appPath}/channels`, `${appPath}/channels/proxied`]);
    } finally {
      proxy.close();
    }
  });
});
