// Every example of the original .NET library's README, in its TypeScript form, run against a
// real Pusher-compatible server (soketi, packages/testing/README.md, "Where the fake and soketi differ") with real pusher-js clients: each behaves
// as that README says. One soketi serves the whole file; it sends its webhooks to a node:http
// receiver running this app's bound webhook handler.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { startLocalPusher } from "@x/testing";
import { asLocalServer, soketiInstall, SubscriptionError, type LocalServer, type TestClient } from "tools-test-support";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Pusher, type ChannelsList, type PresenceData, type PresenceUsers, type UserData } from "../src/index.js";
import { connectSigningClient, nextStateAfterConnected, signIn, waitFor } from "./support/pusher-js-clients.js";

/** One webhook as soketi delivered it: the raw body, its headers, and the bound handler's answer. */
interface Delivery {
  body: string;
  signature: string;
  key: string;
  status: number;
}

interface Member {
  id: string;
  info: Record<string, unknown>;
}

/** The part of a pusher-js presence channel these tests read. */
interface PresenceChannel {
  members: { get(id: string): Member | null; count: number };
  bind(event: string, callback: (member: Member) => void): void;
}

let soketi: LocalServer;
let receiver: Server;
let pusher: Pusher;
// The app's webhook endpoint; made once soketi's port is known, after the receiver has started.
let webhookHandler: ((request: Request) => Promise<Response>) | undefined;
const deliveries: Delivery[] = [];
const clients: TestClient[] = [];

/**
 * A pusher-js client whose auth endpoint is this app: it authorizes channels with
 * `pusher.authenticate` and signs in with `pusher.authenticateUser`, returning their JSON as an
 * app's endpoint would (the .NET PusherServer library's `auth.ToJson()`).
 */
async function connect(identity: { presenceData?: PresenceData; userData?: UserData; app?: Pusher } = {}): Promise<TestClient> {
  const app = identity.app ?? pusher;
  const client = await connectSigningClient(soketi, {
    channel: (socketId, channelName) =>
      app.authenticate(channelName, socketId, channelName.startsWith("presence-") ? identity.presenceData : undefined),
    user: (socketId) => app.authenticateUser(socketId, identity.userData ?? { id: "anonymous" }),
  });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  // The app's webhook endpoint: the handler bound to this app's credentials, on node:http.
  // Each delivery's raw body and headers are kept for the .NET PusherServer library's ProcessWebHook example.
  const listener = getRequestListener(async (request) => {
    const body = await request.clone().text();
    const response = webhookHandler === undefined ? new Response(null, { status: 503 }) : await webhookHandler(request);
    deliveries.push({
      body,
      signature: request.headers.get("x-pusher-signature") ?? "",
      key: request.headers.get("x-pusher-key") ?? "",
      status: response.status,
    });
    return response;
  });
  receiver = createServer((incoming, outgoing) => void listener(incoming, outgoing));
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const { port } = receiver.address() as AddressInfo;

  soketi = asLocalServer(
    await startLocalPusher({
      ...soketiInstall,
      webhooks: [{ url: `http://127.0.0.1:${port}/pusher/webhooks`, event_types: ["channel_occupied"] }],
    }),
  );
  pusher = new Pusher(soketi.appId, soketi.key, soketi.secret, { host: "127.0.0.1", port: soketi.port, useTLS: false });
  webhookHandler = pusher.createWebhookHandler({ onEvent: () => undefined });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.disconnect()));
});

afterAll(async () => {
  await soketi?.stop();
  if (receiver?.listening) {
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});

describe("new Pusher(APP_ID, APP_KEY, APP_SECRET, options)", () => {
  it("the cluster option is overridden by host: { cluster: 'eu', host } reaches the local server", async () => {
    const overridden = new Pusher(soketi.appId, soketi.key, soketi.secret, {
      cluster: "eu",
      host: "127.0.0.1",
      port: soketi.port,
      useTLS: false,
    });
    const client = await connect();
    await client.subscribe("channel-1");
    const received = client.waitForEvent("channel-1", "test_event");
    await overridden.trigger("channel-1", "test_event", { message: "hello world" });
    expect(await received).toEqual({ message: "hello world" });
  });

  it("Pusher.fromUrl('http://KEY:SECRET@HOST:PORT/apps/APP_ID') reaches the local server", async () => {
    const fromUrl = Pusher.fromUrl(`http://${soketi.key}:${soketi.secret}@127.0.0.1:${soketi.port}/apps/${soketi.appId}`);
    const client = await connect();
    await client.subscribe("channel-1");
    const received = client.waitForEvent("channel-1", "test_event");
    await fromUrl.trigger("channel-1", "test_event", "from a URL");
    expect(await received).toBe("from a URL");
  });
});

describe("Trigger", () => {
  it("trigger('channel-1', 'test_event', { message: 'hello world' }) reaches a subscribed client", async () => {
    const client = await connect();
    await client.subscribe("channel-1");
    const received = client.waitForEvent("channel-1", "test_event");

    const result = await pusher.trigger("channel-1", "test_event", { message: "hello world" });

    expect(result).toEqual({ channels: {} });
    expect(await received).toEqual({ message: "hello world" });
  });

  it("trigger(['channel-1', 'channel-2'], 'test_event', data) reaches clients on both channels", async () => {
    const first = await connect();
    const second = await connect();
    await first.subscribe("channel-1");
    await second.subscribe("channel-2");
    const received = [first.waitForEvent("channel-1", "test_event"), second.waitForEvent("channel-2", "test_event")];

    await pusher.trigger(["channel-1", "channel-2"], "test_event", { message: "hello world" });

    expect(await Promise.all(received)).toEqual([{ message: "hello world" }, { message: "hello world" }]);
  });

  it("trigger(events) sends a batch whose events arrive in order", async () => {
    const client = await connect();
    await client.subscribe("channel-1");
    const received = client.collect("channel-1", "test_event");

    const result = await pusher.trigger([
      { name: "test_event", channel: "channel-1", data: "hello world" },
      { name: "test_event", channel: "channel-1", data: "my name is bob" },
    ]);

    expect(result).toEqual({ batch: [{}, {}] });
    await waitFor(() => (received.length >= 2 ? true : undefined), "both batched events");
    expect(received).toEqual(["hello world", "my name is bob"]);
  });

  it("trigger(channel, event, data, { socketId }) excludes that client, and another client receives the event", async () => {
    const sender = await connect();
    const other = await connect();
    await sender.subscribe("channel-1");
    await other.subscribe("channel-1");
    const seenBySender = sender.collect("channel-1", "test_event");
    const reachedOther = other.waitForEvent("channel-1", "test_event");

    await pusher.trigger("channel-1", "test_event", "not for the sender", { socketId: sender.socketId });
    expect(await reachedOther).toBe("not for the sender");

    // A socket gets events in the order the server accepted them: once this later event has
    // arrived, the excluded one would have arrived before it. No waiting on a clock.
    const control = sender.waitForEvent("channel-1", "test_event");
    await pusher.trigger("channel-1", "test_event", "for everyone");
    expect(await control).toBe("for everyone");
    expect(seenBySender).toEqual(["for everyone"]);
  });
});

describe("Authenticate", () => {
  it("authenticate(channelName, socketId) authorizes a pusher-js client to subscribe to a private channel", async () => {
    const client = await connect();
    const channel = await client.subscribe("private-channel");
    expect(channel.subscribed).toBe(true);

    const received = client.waitForEvent("private-channel", "test_event");
    await pusher.trigger("private-channel", "test_event", { message: "hello private" });
    expect(await received).toEqual({ message: "hello private" });
  });

  it("an authorization signed with another secret is refused by the server", async () => {
    const impostor = new Pusher(soketi.appId, soketi.key, "not-the-secret", { host: "127.0.0.1", port: soketi.port, useTLS: false });
    const client = await connect({ app: impostor });
    const refusal: unknown = await client.subscribe("private-channel").catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SubscriptionError);
  });

  it("authenticate(channelName, socketId, channelData) on a presence channel: the other members see the member's user_info", async () => {
    const philData = { user_id: "unique_user_id", user_info: { name: "Phil Leggetter", twitter_id: "@leggetter" } };
    const phil = await connect({ presenceData: philData });
    const philChannel = (await phil.subscribe("presence-channel")) as unknown as PresenceChannel;
    const adaSeenByPhil = new Promise<Member>((resolve) => philChannel.bind("pusher:member_added", resolve));

    const ada = await connect({ presenceData: { user_id: "ada", user_info: { name: "Ada" } } });
    const adaChannel = (await ada.subscribe("presence-channel")) as unknown as PresenceChannel;

    expect(adaChannel.members.count).toBe(2);
    expect(adaChannel.members.get("unique_user_id")).toEqual({ id: "unique_user_id", info: philData.user_info });
    expect(await adaSeenByPhil).toEqual({ id: "ada", info: { name: "Ada" } });
  });
});

describe("Get, FetchStateForChannels, FetchStateForChannel, FetchUsersFromPresenceChannel", () => {
  it("get('/channels') and fetchStateForChannels() list the subscribed channels; filter_by_prefix keeps presence- ones", async () => {
    const client = await connect({ presenceData: { user_id: "lister" } });
    await client.subscribe("my_channel");
    await client.subscribe("presence-lobby");

    const viaGet = await pusher.get<ChannelsList>("/channels");
    const viaFetch = await pusher.fetchStateForChannels();
    expect(Object.keys(viaGet.channels)).toEqual(expect.arrayContaining(["my_channel", "presence-lobby"]));
    expect(viaFetch).toEqual(viaGet);

    const filteredViaGet = await pusher.get<ChannelsList>("/channels", { filter_by_prefix: "presence-" });
    const filteredViaFetch = await pusher.fetchStateForChannels({ filterByPrefix: "presence-", info: ["user_count"] });
    for (const filtered of [filteredViaGet, filteredViaFetch]) {
      expect(Object.keys(filtered.channels)).toContain("presence-lobby");
      expect(Object.keys(filtered.channels).every((name) => name.startsWith("presence-"))).toBe(true);
    }
    // soketi ignores `info` on this list and reports occupied and subscription_count for every
    // channel instead (unlike Pusher), so user_count is not checked here; @x/rest's tests read it.
  });

  it("fetchStateForChannel('my_channel') reports it occupied with its subscription count", async () => {
    const first = await connect();
    const second = await connect();
    await first.subscribe("my_channel");
    await second.subscribe("my_channel");

    await expect(pusher.fetchStateForChannel("my_channel", { info: ["subscription_count"] })).resolves.toMatchObject({
      occupied: true,
      subscription_count: 2,
    });
    await expect(pusher.get("/channels/my_channel")).resolves.toMatchObject({ occupied: true });
    await expect(pusher.fetchStateForChannel("nobody_here")).resolves.toMatchObject({ occupied: false });
  });

  it("fetchUsersFromPresenceChannel('presence-my_channel') lists the member ids", async () => {
    const alice = await connect({ presenceData: { user_id: "alice" } });
    const bob = await connect({ presenceData: { user_id: "bob" } });
    await alice.subscribe("presence-my_channel");
    await bob.subscribe("presence-my_channel");

    const { users } = await pusher.fetchUsersFromPresenceChannel("presence-my_channel");
    expect(users.map((user) => user.id).sort()).toEqual(["alice", "bob"]);
    const viaGet = await pusher.get<PresenceUsers>("/channels/presence-my_channel/users");
    expect(viaGet.users.map((user) => user.id).sort()).toEqual(["alice", "bob"]);
  });
});

describe("ProcessWebHook", () => {
  it("processWebHook(signature, body) validates a real webhook from the server and lists its events; a tampered body is invalid", async () => {
    const client = await connect();
    await client.subscribe("webhook-channel");
    // Found by reading the raw body independently of the code under test.
    const delivery = await waitFor(
      () =>
        deliveries.find((candidate) =>
          (JSON.parse(candidate.body) as { events: { name: string; channel: string }[] }).events.some(
            (event) => event.name === "channel_occupied" && event.channel === "webhook-channel",
          ),
        ),
      "the channel_occupied webhook of webhook-channel",
    );
    const timeMs = (JSON.parse(delivery.body) as { time_ms: number }).time_ms;

    // The .NET PusherServer library's README example: ProcessWebHook(receivedSignature, receivedBody), then its events.
    const webHook = pusher.processWebHook(delivery.signature, delivery.body);
    expect(webHook.validationErrors).toEqual([]);
    expect(webHook.isValid).toBe(true);
    const seen = webHook.events.map((event) => ({ name: event.name, channel: event.channel }));
    expect(seen).toContainEqual({ name: "channel_occupied", channel: "webhook-channel" });
    expect(webHook.timeMs).toBe(timeMs);

    // With the X-Pusher-Key header too, as a receiver should pass it.
    expect(pusher.processWebHook(delivery.signature, delivery.body, delivery.key)).toEqual(webHook);

    const tampered = pusher.processWebHook(delivery.signature, delivery.body.replace("webhook-channel", "webhook-channeL"), delivery.key);
    expect(tampered.isValid).toBe(false);
    expect(tampered.events).toEqual([]);
    expect(tampered.validationErrors.map((problem) => problem.code)).toEqual(["invalid_signature"]);

    // The handler bound to this app accepted every delivery soketi made.
    expect(deliveries.every((received) => received.status === 200)).toBe(true);
  });
});

describe("users: sendToUser and terminateUserConnections", () => {
  it("sendToUser(userId, event, data) reaches the signed-in pusher-js client", async () => {
    const client = await connect({ userData: { id: "user-1", user_info: { name: "Ada" } } });
    await signIn(client);
    const received = new Promise((resolve) => client.pusher.user.bind("notification", resolve));

    await pusher.sendToUser("user-1", "notification", { text: "hello" });

    expect(await received).toEqual({ text: "hello" });
  });

  it("terminateUserConnections(userId) disconnects that user's client and leaves the others connected", async () => {
    const leaving = await connect({ userData: { id: "user-leaving" } });
    const staying = await connect({ userData: { id: "user-staying" } });
    await signIn(leaving);
    await signIn(staying);
    const leavingState = nextStateAfterConnected(leaving);

    await pusher.terminateUserConnections("user-leaving");

    expect(await leavingState).not.toBe("connected");
    const stillReached = new Promise((resolve) => staying.pusher.user.bind("ping", resolve));
    await pusher.sendToUser("user-staying", "ping", "still here");
    expect(await stillReached).toBe("still here");
    expect(staying.pusher.connection.state).toBe("connected");
  });
});
