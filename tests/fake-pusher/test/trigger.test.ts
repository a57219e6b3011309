// POST /events and /batch_events (docs/protocol.md §3, §4), through both SDKs; the refusals no SDK
// would send are sent raw.
import { describe, expect, it } from "vitest";
import { useFakes } from "./support/fakes.js";
import { SDK_NAMES, sdkNamed } from "./support/sdks.js";
import { eventBody, sendSigned } from "./support/signed-request.js";

const start = useFakes();

describe.each(SDK_NAMES)("triggering through %s", (name) => {
  it("records an event per channel, with data as the string sent, in order", async () => {
    const fake = await start();
    const sdk = sdkNamed(fake, name);
    await sdk.trigger("orders", "created", { id: 7 });
    await sdk.trigger(["a", "b"], "text", "plain text");
    expect(fake.events).toEqual([
      { channel: "orders", name: "created", data: '{"id":7}', requestId: 1 },
      { channel: "a", name: "text", data: "plain text", requestId: 2 },
      { channel: "b", name: "text", data: "plain text", requestId: 2 },
    ]);
    // The wire answer, whatever shape the SDK gives its result.
    expect(fake.requests.map(({ method, path, status, response }) => `${method} ${path} ${status} ${response}`)).toEqual([
      `POST /apps/${fake.config.appId}/events 200 {}`,
      `POST /apps/${fake.config.appId}/events 200 {}`,
    ]);
  });

  it("records the excluded socket id and answers info per channel (user_count for presence channels only)", async () => {
    const fake = await start();
    fake.subscribe("presence-room", { userId: "alice" });
    fake.subscribe("presence-room", { userId: "alice" });
    fake.subscribe("presence-room", { userId: "bob" });
    fake.subscribe("news");
    const answer = await sdkNamed(fake, name).trigger(
      ["presence-room", "news", "empty"],
      "e",
      {},
      {
        socketId: "123.456",
        info: ["user_count", "subscription_count"],
      },
    );
    expect(answer).toEqual({
      channels: {
        "presence-room": { user_count: 2, subscription_count: 3 },
        news: { subscription_count: 1 },
        empty: { subscription_count: 0 },
      },
    });
    expect(fake.events[0]).toMatchObject({ socketId: "123.456", info: ["user_count", "subscription_count"] });
  });

  it("answers a batch with {} and records its events in order", async () => {
    const fake = await start();
    const sdk = sdkNamed(fake, name);
    await sdk.batch([
      { channel: "a", name: "one", data: "1" },
      { channel: "b", name: "two", data: { n: 2 }, socketId: "1.2" },
    ]);
    expect(fake.requests.map(({ path, response }) => `${path} ${response}`)).toEqual([`/apps/${fake.config.appId}/batch_events {}`]);
    expect(fake.events.map(({ channel, name: event, data, socketId }) => [channel, event, data, socketId])).toEqual([
      ["a", "one", "1", undefined],
      ["b", "two", '{"n":2}', "1.2"],
    ]);
  });

  it("answers a batch with info with {batch: [...]}, entry i for event i", async () => {
    const fake = await start();
    fake.subscribe("presence-room", { userId: "alice" });
    fake.subscribe("news");
    const answer = await sdkNamed(fake, name).batch([
      { channel: "presence-room", name: "e", data: "1", info: ["user_count", "subscription_count"] },
      { channel: "news", name: "e", data: "2" },
      { channel: "news", name: "e", data: "3", info: ["subscription_count"] },
    ]);
    expect(answer).toEqual({ batch: [{ user_count: 1, subscription_count: 1 }, {}, { subscription_count: 1 }] });
  });

  it("records sendToUser as an event on #server-to-user-<id>", async () => {
    const fake = await start();
    await sdkNamed(fake, name).sendToUser("42", "notification", { text: "hi" });
    expect(fake.events).toMatchObject([{ channel: "#server-to-user-42", name: "notification", data: '{"text":"hi"}' }]);
  });
});

describe("what POST /events refuses, as Pusher does", () => {
  const refusals = [
    { body: JSON.stringify({ data: "{}", channels: ["c"] }), status: 400, text: "Missing required parameter: name" },
    { body: eventBody({ name: 42 }), status: 400, text: "Expected name parameter to be a string" },
    { body: eventBody({ data: { a: 1 } }), status: 400, text: "Expected data parameter to be a string" },
    { body: JSON.stringify({ name: "e", data: "{}" }), status: 400, text: "Missing required parameter: channels" },
    { body: eventBody({ channels: [] }), status: 400, text: "Missing required parameter: channels" },
    { body: eventBody({ channels: ["has space"] }), status: 400, text: 'Invalid channel name: "has space"' },
    { body: eventBody({ channels: ["x".repeat(165)] }), status: 400, text: `Invalid channel name: "${"x".repeat(165)}"` },
    { body: eventBody({ channels: ["#server-to-admins"] }), status: 400, text: 'Invalid channel name: "#server-to-admins"' },
    { body: eventBody({ name: "" }), status: 400, text: 'Invalid event name: "" (1 to 200 characters)' },
    { body: eventBody({ name: "e".repeat(201) }), status: 400, text: `Invalid event name: "${"e".repeat(201)}" (1 to 200 characters)` },
    { body: eventBody({ name: "pusher:subscribe" }), status: 400, text: "The 'pusher' namespace is reserved for internal usage" },
    { body: eventBody({ socket_id: "1.1:" }), status: 400, text: 'Invalid socket_id: "1.1:"' },
    { body: eventBody({ socket_id: "1.1\n" }), status: 400, text: 'Invalid socket_id: "1.1\\n"' },
    { body: eventBody({ channels: Array.from({ length: 101 }, (_, i) => `c${i}`) }), status: 400, text: "Too many channels (101 > 100)" },
    { body: "[1,2]", status: 400, text: "Request body is not a JSON object" },
    { body: "{not json", status: 400, text: "Request body is not a JSON object" },
  ];

  it.each(refusals)("answers $status $text", async ({ body, status, text }) => {
    const fake = await start();
    expect(await sendSigned(fake, { path: "/events", body })).toMatchObject({ status, body: `${text}\n` });
    expect(fake.events).toEqual([]);
  });

  it("accepts 200 characters of event name, 164 of channel name, 100 channels, and a #server-to-user- channel", async () => {
    const fake = await start();
    const channels = ["c".repeat(164), "#server-to-user-a=b@c,d.e;f_g-h", ...Array.from({ length: 98 }, (_, i) => `c${i}`)];
    expect(await sendSigned(fake, { path: "/events", body: eventBody({ name: "e".repeat(200), channels }) })).toMatchObject({
      status: 200,
    });
    expect(fake.events).toHaveLength(100);
  });

  it("accepts data of exactly 10,240 UTF-8 bytes and refuses one more byte with 413 and Pusher's text", async () => {
    const fake = await start();
    const accepted = "é".repeat(5_120);
    expect(await sendSigned(fake, { path: "/events", body: eventBody({ data: accepted }) })).toMatchObject({ status: 200 });
    const refused = await sendSigned(fake, { path: "/events", body: eventBody({ data: `${accepted}x` }) });
    expect(refused).toMatchObject({
      status: 413,
      body: "The data content of this event exceeds the allowed maximum (10240 bytes). See https://pusher.com/docs/channels/server_api/http-api#publishing-events for more info\n",
    });
    expect(fake.events).toHaveLength(1);
  });

  it.each(SDK_NAMES)("refuses data past a configured limit through %s, and accepts it below", async (name) => {
    const fake = await start({ limits: { maxPayloadBytes: 100 } });
    const sdk = sdkNamed(fake, name);
    await sdk.trigger("c", "e", "x".repeat(100));
    // Both SDKs check 10 KiB themselves: 101 bytes reach the fake, which applies its own limit.
    await expect(sdk.trigger("c", "e", "x".repeat(101))).rejects.toMatchObject({ status: 413 });
    expect(fake.events).toHaveLength(1);
  });

  it("applies a configured channel limit", async () => {
    const fake = await start({ limits: { maxChannelsPerTrigger: 2 } });
    const answer = await sendSigned(fake, { path: "/events", body: eventBody({ channels: ["a", "b", "c"] }) });
    expect(answer).toMatchObject({ status: 400, body: "Too many channels (3 > 2)\n" });
  });

  it("takes a single `channel` as well as `channels`", async () => {
    const fake = await start();
    expect(await sendSigned(fake, { path: "/events", body: JSON.stringify({ name: "e", data: "d", channel: "solo" }) })).toMatchObject({
      status: 200,
    });
    expect(fake.events).toMatchObject([{ channel: "solo" }]);
  });
});

describe("what POST /batch_events refuses, as Pusher does", () => {
  const item = (fields: Record<string, unknown> = {}) => ({ channel: "c", name: "e", data: "d", ...fields });

  it("refuses 11 events with 400 Batch too large (11 > 10), and applies a configured limit", async () => {
    const fake = await start();
    const eleven = JSON.stringify({ batch: Array.from({ length: 11 }, () => item()) });
    expect(await sendSigned(fake, { path: "/batch_events", body: eleven })).toMatchObject({
      status: 400,
      body: "Batch too large (11 > 10)\n",
    });
    const small = await start({ limits: { maxBatchSize: 2 } });
    const three = JSON.stringify({ batch: [item(), item(), item()] });
    expect(await sendSigned(small, { path: "/batch_events", body: three })).toMatchObject({
      status: 400,
      body: "Batch too large (3 > 2)\n",
    });
  });

  it("refuses an event naming `channels` (a batch event names one `channel`), and records nothing of the batch", async () => {
    const fake = await start();
    const body = JSON.stringify({ batch: [item(), { name: "e", data: "d", channels: ["a", "b"] }] });
    expect(await sendSigned(fake, { path: "/batch_events", body })).toMatchObject({
      status: 400,
      body: "Missing required parameter: channel\n",
    });
    expect(fake.events).toEqual([]);
  });

  it("refuses a missing batch, an event that is not an object, and an oversized event with 413", async () => {
    const fake = await start();
    expect(await sendSigned(fake, { path: "/batch_events", body: "{}" })).toMatchObject({
      status: 400,
      body: "Missing required parameter: batch\n",
    });
    expect(await sendSigned(fake, { path: "/batch_events", body: '{"batch":["e"]}' })).toMatchObject({ status: 400 });
    const big = JSON.stringify({ batch: [item(), item({ data: "x".repeat(10_241) })] });
    expect(await sendSigned(fake, { path: "/batch_events", body: big })).toMatchObject({ status: 413 });
    expect(fake.events).toEqual([]);
  });
});
