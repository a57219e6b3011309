// The honesty suite: one set of scenarios run against the fake and against soketi (a real
// Pusher-compatible server, with real pusher-js clients), asserting the same outcomes, so that the
// fake cannot drift into answering what no server would. Where Pusher's documented behaviour and
// soketi's differ, the fake follows Pusher's HTTP API reference, the soketi run of that scenario
// is skipped with the reason, and the last block records soketi's own answer (README: "Where the
// fake and soketi differ").
import { Pusher as XPusher } from "@x/server";
import Pusher from "pusher";
import { afterAll, beforeAll, describe, expect, it, vi, type TestContext } from "vitest";
import type { WebhookEvent } from "@x/testing";
import { fakeTarget, raw, refusalCode, soketiTarget, type Subscriber, type Target } from "./support/targets.js";

const WAIT = { timeout: 15_000, interval: 25 };
const bodyOf = (answer: { body: string }) => JSON.parse(answer.body) as unknown;
const eventsOn = (target: Target, channel: string) => target.webhookEvents.filter((event) => event.channel === channel);
const sorted = (events: WebhookEvent[]) => [...events].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe.each([
  { name: "fake", start: fakeTarget },
  { name: "soketi", start: soketiTarget },
])("scenarios against $name", ({ name, start }) => {
  let target: Target;
  let official: Pusher;
  let ours: XPusher;

  beforeAll(async () => {
    target = await start();
    official = Pusher.forURL(target.url);
    ours = XPusher.fromUrl(target.url, { retry: false });
  });
  afterAll(async () => {
    await target?.close();
  });

  /** Skips the soketi run of a scenario where soketi is known to answer otherwise than Pusher. */
  const pusherOnly = (context: TestContext, soketiAnswers: string) => context.skip(name === "soketi", `soketi ${soketiAnswers}`);

  describe("triggering", () => {
    it("delivers an event triggered by either SDK to the channel's subscriber", async () => {
      const subscriber = await target.subscribe("h-trigger");
      const created = subscriber.next("created");
      await official.trigger("h-trigger", "created", { id: 1 });
      expect(await created).toEqual({ id: 1 });
      const updated = subscriber.next("updated");
      await ours.trigger("h-trigger", "updated", { id: 2 });
      expect(await updated).toEqual({ id: 2 });
    });

    it("answers {} to a trigger, and the counts per channel to one with info (reference: POST event)", async (context) => {
      pusherOnly(context, 'answers {"ok":true} and ignores info');
      await target.subscribe("h-info");
      const body = (fields: object) => JSON.stringify({ name: "e", data: "{}", channels: ["h-info", "h-info-empty"], ...fields });
      expect(bodyOf(await raw(target, { path: "/events", body: body({}) }))).toEqual({});
      expect(bodyOf(await raw(target, { path: "/events", body: body({ info: "subscription_count" }) }))).toEqual({
        channels: { "h-info": { subscription_count: 1 }, "h-info-empty": { subscription_count: 0 } },
      });
    });

    it("delivers a batch's events to their subscribers", async () => {
      const [one, two] = await Promise.all([target.subscribe("h-batch-1"), target.subscribe("h-batch-2")]);
      const first = [one.next("a"), two.next("b")];
      await official.triggerBatch([
        { channel: "h-batch-1", name: "a", data: { n: 1 } },
        { channel: "h-batch-2", name: "b", data: { n: 2 } },
      ]);
      expect(await Promise.all(first)).toEqual([{ n: 1 }, { n: 2 }]);
      const second = one.next("c");
      await ours.trigger([{ channel: "h-batch-1", name: "c", data: "text" }]);
      expect(await second).toBe("text");
    });

    it("answers {} to a batch, and {batch: [...]} entry i for event i with info (reference: POST batch events)", async (context) => {
      pusherOnly(context, 'answers {"ok":true} to every batch');
      await target.subscribe("h-batch-info");
      const batch = [
        { channel: "h-batch-info", name: "e", data: "1", info: "subscription_count" },
        { channel: "h-batch-info", name: "e", data: "2" },
      ];
      expect(bodyOf(await raw(target, { path: "/batch_events", body: JSON.stringify({ batch: [batch[1]] }) }))).toEqual({});
      expect(bodyOf(await raw(target, { path: "/batch_events", body: JSON.stringify({ batch }) }))).toEqual({
        batch: [{ subscription_count: 1 }, {}],
      });
    });

    it("refuses a batch of 11 events as a 400", async () => {
      const batch = Array.from({ length: 11 }, (_, n) => ({ channel: "h-batch-11", name: "e", data: String(n) }));
      expect(refusalCode(await raw(target, { path: "/batch_events", body: JSON.stringify({ batch }) }))).toBe(400);
    });

    it("refuses data over 10 KiB with 413 (reference: POST event, 10KB)", async (context) => {
      pusherOnly(context, "accepts up to 100 KB");
      const answer = await raw(target, {
        path: "/events",
        body: JSON.stringify({ name: "e", data: "x".repeat(20_000), channel: "h-big" }),
      });
      expect(answer.status).toBe(413);
    });
  });

  describe("channel queries", () => {
    beforeAll(async () => {
      await target.subscribe("presence-hq-room", { userId: "alice" });
      await target.subscribe("presence-hq-room", { userId: "alice" });
      await target.subscribe("presence-hq-room", { userId: "bob" });
      await target.subscribe("hq-news");
    });

    it("lists the occupied channels, filtered by prefix", async () => {
      const names = async (prefix: string) =>
        Object.keys(((await ours.fetchStateForChannels({ filterByPrefix: prefix })) as { channels: object }).channels).sort();
      expect(await names("hq-")).toEqual(["hq-news"]);
      expect(await names("presence-hq-")).toEqual(["presence-hq-room"]);
      expect(await names("hq-nothing")).toEqual([]);
    });

    it("answers {} per channel, and user_count with a presence- filter and info=user_count (reference: GET channels)", async (context) => {
      pusherOnly(context, "answers {subscription_count, occupied} per channel whatever info asks");
      expect(bodyOf(await raw(target, { path: "/channels", params: { filter_by_prefix: "hq-" } }))).toEqual({
        channels: { "hq-news": {} },
      });
      const withCounts = await raw(target, { path: "/channels", params: { filter_by_prefix: "presence-hq-", info: "user_count" } });
      expect(bodyOf(withCounts)).toEqual({ channels: { "presence-hq-room": { user_count: 2 } } });
    });

    it("counts a presence channel's distinct users and its connections", async () => {
      expect(await ours.fetchStateForChannel("presence-hq-room", { info: ["user_count", "subscription_count"] })).toEqual({
        occupied: true,
        user_count: 2,
        subscription_count: 3,
      });
      expect(await ours.fetchStateForChannel("hq-news", { info: ["subscription_count"] })).toEqual({
        occupied: true,
        subscription_count: 1,
      });
      expect(await ours.fetchStateForChannel("hq-empty", { info: ["subscription_count"] })).toEqual({
        occupied: false,
        subscription_count: 0,
      });
    });

    it("answers only occupied when no info is asked for (reference: GET channel)", async (context) => {
      pusherOnly(context, "adds subscription_count unasked");
      expect(bodyOf(await raw(target, { path: "/channels/hq-news" }))).toEqual({ occupied: true });
    });

    it("refuses user_count on a channel that is not presence with 400 (reference: GET channel)", async (context) => {
      pusherOnly(context, "ignores info and answers 200 with the counts");
      expect(await raw(target, { path: "/channels/hq-news", params: { info: "user_count" } })).toEqual({
        status: 400,
        body: "Cannot retrieve the user count unless the channel is a presence channel\n",
      });
    });

    it("lists a presence channel's user ids, once each", async () => {
      const { users } = await ours.fetchUsersFromPresenceChannel("presence-hq-room");
      expect(users.map((user) => user.id).sort()).toEqual(["alice", "bob"]);
      const answer = (await (await official.get({ path: "/channels/presence-hq-room/users" })).json()) as { users: { id: string }[] };
      expect(answer.users.map((user) => user.id).sort()).toEqual(["alice", "bob"]);
    });

    it("refuses the users of a channel that is not presence as a 400", async () => {
      expect(refusalCode(await raw(target, { path: "/channels/hq-news/users" }))).toBe(400);
    });

    it("says so with HTTP 400 and Pusher's text (reference: GET users)", async (context) => {
      pusherOnly(context, 'answers HTTP 200 with {"error":"The channel must be a presence channel.","code":400}');
      expect(await raw(target, { path: "/channels/hq-news/users" })).toEqual({
        status: 400,
        body: "Users can only be retrieved for presence channels\n",
      });
    });
  });

  describe("users", () => {
    it("terminates a signed-in user's connections: the channel is vacated", async () => {
      await target.subscribe("ht-news", { userId: "carol", signIn: true });
      expect(await ours.fetchStateForChannel("ht-news")).toMatchObject({ occupied: true });
      await official.terminateUserConnections("carol");
      await vi.waitFor(async () => expect(await ours.fetchStateForChannel("ht-news")).toMatchObject({ occupied: false }), WAIT);
    });

    it("answers {} to terminate_connections (reference: POST terminate user connections)", async (context) => {
      pusherOnly(context, 'answers {"ok":true}');
      expect(await raw(target, { path: "/users/nobody/terminate_connections", body: "{}" })).toEqual({ status: 200, body: "{}" });
    });

    it("delivers sendToUser to the signed-in user", async () => {
      const dave: Subscriber = await target.subscribe("hu-news", { userId: "dave", signIn: true });
      const note = dave.nextForUser("note");
      await ours.sendToUser("dave", "note", { text: "hi" });
      expect(await note).toEqual({ text: "hi" });
    });
  });

  describe("webhooks", () => {
    it("reports a presence channel's life and a client event, each delivery signed", async () => {
      const channel = "presence-hw-room";
      const erin = await target.subscribe(channel, { userId: "erin" });
      const frank = await target.subscribe(channel, { userId: "frank" });
      await frank.clientEvent("client-wave", { hi: true });
      await vi.waitFor(() => expect(eventsOn(target, channel).map((event) => event.name)).toContain("client_event"), WAIT);
      await frank.leave();
      await erin.leave();
      const expected: WebhookEvent[] = [
        { name: "channel_occupied", channel },
        { name: "member_added", channel, user_id: "erin" },
        { name: "member_added", channel, user_id: "frank" },
        { name: "client_event", channel, event: "client-wave", data: '{"hi":true}', socket_id: frank.socketId, user_id: "frank" },
        { name: "member_removed", channel, user_id: "frank" },
        { name: "member_removed", channel, user_id: "erin" },
        { name: "channel_vacated", channel },
      ];
      await vi.waitFor(() => expect(sorted(eventsOn(target, channel))).toEqual(sorted(expected)), WAIT);
    });

    it("reports cache_miss when a cache channel with nothing cached is subscribed", async () => {
      await target.subscribe("cache-hw-prices");
      await vi.waitFor(() => expect(eventsOn(target, "cache-hw-prices").map((event) => event.name)).toContain("cache_miss"), WAIT);
    });

    it("reports subscription counts (Channels docs: subscription_count webhook)", async (context) => {
      pusherOnly(context, "computes no subscription_count and sends no such webhook");
      await target.subscribe("hw-count");
      await target.subscribe("hw-count");
      await vi.waitFor(() => {
        const counts = eventsOn(target, "hw-count").flatMap((event) =>
          event.name === "subscription_count" ? [event.subscription_count] : [],
        );
        expect(counts).toEqual([1, 2]);
      }, WAIT);
    });
  });

  describe("authentication", () => {
    it("refuses a request signed with another secret as a 401", async () => {
      expect(refusalCode(await raw(target, { path: "/channels", secret: "not-the-secret" }))).toBe(401);
      await expect(
        XPusher.fromUrl(target.url.replace("honest-secret", "other"), { retry: false }).fetchStateForChannels(),
      ).rejects.toMatchObject({
        name: "PusherHttpError",
      });
    });

    it("says so with HTTP 401, not 200 (reference: General, HTTP status codes)", async (context) => {
      pusherOnly(context, 'answers HTTP 200 with {"error":"The secret authentication failed","code":401}');
      expect((await raw(target, { path: "/channels", secret: "not-the-secret" })).status).toBe(401);
    });

    it("refuses another app's key with 400 Unknown auth_key (reference: Authentication)", async (context) => {
      pusherOnly(context, "accepts any auth_key when the signature uses the app's secret");
      expect(await raw(target, { path: "/channels", key: "another-key" })).toEqual({ status: 400, body: "Unknown auth_key\n" });
    });

    it("refuses a timestamp 15 minutes old with 401 (reference: Authentication, auth_timestamp)", async (context) => {
      pusherOnly(context, "does not check auth_timestamp");
      const answer = await raw(target, { path: "/channels", timestamp: Math.floor(Date.now() / 1000) - 900 });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatch(/^Timestamp expired: Given timestamp \(.*\) not within 600s of server time/);
    });
  });
});

describe("soketi's own answers where the fake follows Pusher instead (the README's table)", () => {
  let soketi: Target;
  beforeAll(async () => {
    soketi = await soketiTarget();
  });
  afterAll(async () => {
    await soketi?.close();
  });
  const ok = { status: 200, body: '{"ok":true}' };

  it('answers a trigger, one with info, a batch and terminate_connections with {"ok":true}', async () => {
    await soketi.subscribe("he-news");
    expect(
      await raw(soketi, {
        path: "/events",
        body: JSON.stringify({ name: "e", data: "1", channel: "he-news", info: "subscription_count" }),
      }),
    ).toEqual(ok);
    expect(
      await raw(soketi, {
        path: "/batch_events",
        body: JSON.stringify({ batch: [{ name: "e", data: "1", channel: "he-news", info: "subscription_count" }] }),
      }),
    ).toEqual(ok);
    expect(await raw(soketi, { path: "/users/nobody/terminate_connections", body: "{}" })).toEqual(ok);
  });

  it("answers the counts unasked, and user_count on a channel that is not presence without refusing", async () => {
    expect(bodyOf(await raw(soketi, { path: "/channels", params: { filter_by_prefix: "he-", info: "user_count" } }))).toEqual({
      channels: { "he-news": { subscription_count: 1, occupied: true } },
    });
    expect(await raw(soketi, { path: "/channels/he-news", params: { info: "user_count" } })).toMatchObject({ status: 200 });
    expect(bodyOf(await raw(soketi, { path: "/channels/he-news" }))).toEqual({ subscription_count: 1, occupied: true });
  });

  it("answers errors with HTTP 200 and {error, code}", async () => {
    expect(await raw(soketi, { path: "/channels", secret: "not-the-secret" })).toEqual({
      status: 200,
      body: '{"error":"The secret authentication failed","code":401}',
    });
    expect(await raw(soketi, { path: "/channels/he-news/users" })).toEqual({
      status: 200,
      body: '{"error":"The channel must be a presence channel.","code":400}',
    });
    const batch = Array.from({ length: 11 }, () => ({ channel: "he-news", name: "e", data: "d" }));
    expect(await raw(soketi, { path: "/batch_events", body: JSON.stringify({ batch }) })).toEqual({
      status: 200,
      body: '{"error":"Cannot batch-send more than 10 messages at once","code":400}',
    });
  });

  it("accepts another key, a 15-minute-old timestamp and 20 KB of data", async () => {
    expect(await raw(soketi, { path: "/channels", key: "another-key" })).toMatchObject({
      status: 200,
      body: expect.stringContaining('"channels"'),
    });
    expect(await raw(soketi, { path: "/channels", timestamp: Math.floor(Date.now() / 1000) - 900 })).toMatchObject({ status: 200 });
    expect(
      await raw(soketi, { path: "/events", body: JSON.stringify({ name: "e", data: "x".repeat(20_000), channel: "he-news" }) }),
    ).toEqual(ok);
  });

  it("sends no subscription_count webhook", async () => {
    await soketi.subscribe("he-count");
    await soketi.subscribe("he-count");
    await vi.waitFor(() => expect(eventsOn(soketi, "he-count").map((event) => event.name)).toContain("channel_occupied"), WAIT);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(eventsOn(soketi, "he-count").map((event) => event.name)).toEqual(["channel_occupied"]);
  });
});
