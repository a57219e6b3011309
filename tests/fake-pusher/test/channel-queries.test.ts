// The simulated state and what the channel queries read from it (docs/protocol.md §3), through both SDKs.
import { describe, expect, it } from "vitest";
import { useFakes } from "./support/fakes.js";
import { SDK_NAMES, refusalOf, sdkNamed } from "./support/sdks.js";
import { sendSigned } from "./support/signed-request.js";

const start = useFakes();

describe.each(SDK_NAMES)("channel queries through %s", (name) => {
  it("lists occupied channels only, filtered by prefix, with user_count for a presence- filter", async () => {
    const fake = await start();
    const sdk = sdkNamed(fake, name);
    fake.subscribe("presence-room", { userId: "alice" });
    fake.subscribe("presence-room", { userId: "alice" });
    fake.subscribe("presence-room", { userId: "bob" });
    fake.subscribe("presence-lobby", { userId: "carol" });
    fake.subscribe("news").leave();
    fake.subscribe("private-chat");
    expect(await sdk.channels()).toEqual({ channels: { "presence-room": {}, "presence-lobby": {}, "private-chat": {} } });
    expect(await sdk.channels({ prefix: "presence-", info: ["user_count"] })).toEqual({
      channels: { "presence-room": { user_count: 2 }, "presence-lobby": { user_count: 1 } },
    });
    expect(await sdk.channels({ prefix: "private-" })).toEqual({ channels: { "private-chat": {} } });
  });

  it("refuses info=user_count without a presence- filter with 400 and Pusher's text", async () => {
    const fake = await start();
    // @x/server refuses this before sending it: its generic get() sends it as it is.
    const refusal = await refusalOf(sdkNamed(fake, name).get("/channels", { filter_by_prefix: "private-", info: "user_count" }));
    expect(refusal).toEqual({
      status: 400,
      message: "user_count may only be requested for presence channels - please supply filter_by_prefix begining with presence-",
    });
  });

  it("describes one channel: occupied, user_count (distinct users), subscription_count (connections)", async () => {
    const fake = await start();
    const sdk = sdkNamed(fake, name);
    const first = fake.subscribe("presence-room", { userId: "alice" });
    fake.subscribe("presence-room", { userId: "alice" });
    fake.subscribe("presence-room", { userId: "bob" });
    expect(await sdk.channel("presence-room", ["user_count", "subscription_count"])).toEqual({
      occupied: true,
      user_count: 2,
      subscription_count: 3,
    });
    first.leave();
    first.leave();
    expect(await sdk.channel("presence-room", ["user_count", "subscription_count"])).toEqual({
      occupied: true,
      user_count: 2,
      subscription_count: 2,
    });
    expect(await sdk.channel("news")).toEqual({ occupied: false });
    expect(await sdk.channel("news", ["subscription_count"])).toEqual({ occupied: false, subscription_count: 0 });
  });

  it("refuses user_count on a channel that is not presence with 400 and Pusher's text", async () => {
    const fake = await start();
    fake.subscribe("news");
    const refusal = await refusalOf(sdkNamed(fake, name).channel("news", ["user_count"]));
    expect(refusal).toEqual({ status: 400, message: "Cannot retrieve the user count unless the channel is a presence channel" });
  });

  it("answers cache with the last event of a cache channel and its remaining TTL, until 30 minutes pass", async () => {
    let clock = Date.UTC(2030, 0, 1);
    const fake = await start({ now: () => clock });
    const sdk = sdkNamed(fake, name);
    // The SDKs sign with the real time: keep the fake's clock within the 600 s window of it.
    clock = Date.now();
    expect(await sdk.channel("cache-prices", ["cache"])).toEqual({ occupied: false });
    await sdk.trigger("cache-prices", "tick", { price: 1 });
    await sdk.trigger("cache-prices", "tick", { price: 2 });
    clock += 100_000;
    expect(await sdk.channel("cache-prices", ["cache"])).toEqual({ occupied: false, cache: { data: '{"price":2}', ttl: 1700 } });
    // Not a cache channel: nothing is cached.
    await sdk.trigger("prices", "tick", { price: 3 });
    expect(await sdk.channel("prices", ["cache"])).toEqual({ occupied: false });
    // 30 minutes after the event: the fake's clock is 1,800 s ahead, so this request signs with it.
    clock += 1_700_000;
    expect(
      (await sendSigned(fake, { path: "/channels/cache-prices", params: { info: "cache" }, timestamp: Math.floor(clock / 1000) })).body,
    ).toBe('{"occupied":false}');
  });

  it("lists a presence channel's user ids, once each", async () => {
    const fake = await start();
    fake.subscribe("presence-room", { userId: "alice", userInfo: { name: "Alice" } });
    fake.subscribe("presence-room", { userId: "alice" });
    fake.subscribe("presence-room", { userId: "bob" });
    expect(await sdkNamed(fake, name).users("presence-room")).toEqual({ users: [{ id: "alice" }, { id: "bob" }] });
  });

  it("terminates a user's connections: the state and the queries forget them", async () => {
    const fake = await start();
    const sdk = sdkNamed(fake, name);
    const connections = [
      fake.subscribe("presence-room", { userId: "alice" }),
      fake.subscribe("private-alice", { userId: "alice" }),
      fake.subscribe("presence-room", { userId: "bob" }),
    ];
    await sdk.terminate("alice");
    expect(connections.map((connection) => connection.active)).toEqual([false, false, true]);
    expect(await sdk.users("presence-room")).toEqual({ users: [{ id: "bob" }] });
    expect(await sdk.channels()).toEqual({ channels: { "presence-room": {} } });
    expect(fake.requests.at(-3)?.response).toBe("{}");
  });
});

describe("what the channel queries refuse, sent raw", () => {
  it("refuses users of a channel that is not presence with 400 and Pusher's text", async () => {
    const fake = await start();
    expect(await sendSigned(fake, { path: "/channels/private-x/users" })).toMatchObject({
      status: 400,
      body: "Users can only be retrieved for presence channels\n",
    });
  });

  it("refuses an invalid channel name or user id, and answers 404 to unknown paths and methods", async () => {
    const fake = await start();
    expect(await sendSigned(fake, { path: "/channels/a%20b" })).toMatchObject({ status: 400, body: 'Invalid channel name: "a b"\n' });
    expect(await sendSigned(fake, { path: "/users/a%20b/terminate_connections", body: "{}" })).toMatchObject({ status: 400 });
    expect(await sendSigned(fake, { path: "/channels/%E0%A4%A/users" })).toMatchObject({ status: 404 });
    expect(await sendSigned(fake, { path: "/nothing" })).toMatchObject({ status: 404, body: "404 NOT FOUND\n" });
    expect(await sendSigned(fake, { method: "GET", path: "/events" })).toMatchObject({ status: 404 });
    expect(await sendSigned(fake, { method: "POST", path: "/channels", body: "{}" })).toMatchObject({ status: 404 });
  });
});

describe("subscribe()", () => {
  it("refuses a presence channel without userId, invalid names and user ids, and server channels", async () => {
    const fake = await start();
    expect(() => fake.subscribe("presence-room")).toThrow("subscribe: presence-room is a presence channel: pass { userId }");
    expect(() => fake.subscribe("has space")).toThrow(TypeError);
    expect(() => fake.subscribe("#server-to-user-1")).toThrow(TypeError);
    expect(() => fake.subscribe("news", { userId: "" })).toThrow("subscribe: invalid userId");
    expect(fake.requests).toEqual([]);
  });

  it("gives each connection its own socket id, in Pusher's form", async () => {
    const fake = await start();
    const a = fake.subscribe("news");
    const b = fake.subscribe("news", { userId: "7", userInfo: { name: "Seven" } });
    expect(a.socketId).toMatch(/^\d+\.\d+$/);
    expect(b.socketId).not.toBe(a.socketId);
    expect(b).toMatchObject({ channel: "news", userId: "7", userInfo: { name: "Seven" }, active: true });
  });
});
