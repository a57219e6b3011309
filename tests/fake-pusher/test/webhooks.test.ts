// The webhooks the fake sends (docs/protocol.md §7), checked by both SDKs' verifiers.
import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import Pusher from "pusher";
import { Pusher as XPusher } from "@x/server";
import { describe, expect, it } from "vitest";
import type { FakePusher, WebhookEvent } from "@x/testing";
import { useFakes } from "./support/fakes.js";
import { sdks } from "./support/sdks.js";

const start = useFakes();

interface Received {
  body: string;
  headers: Record<string, string>;
}

/** Checks one delivery with both SDKs' verifiers and returns its events. */
function verified(fake: FakePusher, { body, headers }: Received): WebhookEvent[] {
  const official = Pusher.forURL(fake.url).webhook({ headers, rawBody: body });
  expect(official.isValid()).toBe(true);
  const ours = XPusher.fromUrl(fake.url).processWebHook(headers["x-pusher-signature"], body, headers["x-pusher-key"]);
  expect(ours.validationErrors).toEqual([]);
  expect(headers["content-type"]).toBe("application/json");
  return official.getEvents() as WebhookEvent[];
}

/** A handler that records what it receives and answers `status`. */
function recordingHandler(received: Received[], status = 200) {
  return async (request: Request) => {
    received.push({ body: await request.text(), headers: Object.fromEntries(request.headers) });
    return new Response(null, { status });
  };
}

describe("webhooks to an in-process handler", () => {
  it("reports a presence channel's life: occupied, members added and removed, vacated, each signed", async () => {
    const received: Received[] = [];
    const fake = await start({ webhooks: recordingHandler(received) });
    const alice = fake.subscribe("presence-room", { userId: "alice" });
    const aliceAgain = fake.subscribe("presence-room", { userId: "alice" });
    const bob = fake.subscribe("presence-room", { userId: "bob" });
    alice.leave();
    bob.leave();
    aliceAgain.leave();
    await fake.webhooksDelivered();
    expect(received.flatMap((delivery) => verified(fake, delivery))).toEqual([
      { name: "channel_occupied", channel: "presence-room" },
      { name: "member_added", channel: "presence-room", user_id: "alice" },
      { name: "member_added", channel: "presence-room", user_id: "bob" },
      { name: "member_removed", channel: "presence-room", user_id: "bob" },
      { name: "member_removed", channel: "presence-room", user_id: "alice" },
      { name: "channel_vacated", channel: "presence-room" },
    ]);
    expect(fake.webhooks.map((delivery) => delivery.status)).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it("sends one event per webhook by default, and one webhook per state change with batch: true", async () => {
    const received: Received[] = [];
    const fake = await start({ webhooks: { handler: recordingHandler(received), batch: true } });
    fake.subscribe("news").leave();
    const [delivery] = await fake.webhooksDelivered();
    expect(received).toHaveLength(1);
    expect(JSON.parse(delivery!.body)).toEqual({
      time_ms: expect.any(Number),
      events: [
        { name: "channel_occupied", channel: "news" },
        { name: "subscription_count", channel: "news", subscription_count: 1 },
        { name: "subscription_count", channel: "news", subscription_count: 0 },
        { name: "channel_vacated", channel: "news" },
      ],
    });
    expect(verified(fake, received[0]!)).toHaveLength(4);
  });

  it("sends only the kinds enabled, with time_ms from the fake's clock and the Request URL given", async () => {
    const received: Request[] = [];
    const fake = await start({
      now: () => 1_403_175_510_755,
      webhooks: {
        url: "http://my-app.test/hooks/pusher",
        handler: (request) => (received.push(request), new Response("ok")),
        events: ["channel_vacated"],
      },
    });
    fake.subscribe("test_channel").leave();
    const deliveries = await fake.webhooksDelivered();
    expect(deliveries.map((delivery) => delivery.body)).toEqual([
      '{"time_ms":1403175510755,"events":[{"name":"channel_vacated","channel":"test_channel"}]}',
    ]);
    expect(received[0]?.url).toBe("http://my-app.test/hooks/pusher");
  });

  it("reports client events with the sender's socket id, and user_id on presence channels", async () => {
    const received: Received[] = [];
    const fake = await start({ webhooks: { handler: recordingHandler(received), events: ["client_event"] } });
    const alice = fake.subscribe("presence-room", { userId: "alice" });
    const anonymous = fake.subscribe("private-chat");
    alice.clientEvent("client-typing", { typing: true });
    anonymous.clientEvent("client-text", "hello");
    await fake.webhooksDelivered();
    expect(received.flatMap((delivery) => verified(fake, delivery))).toEqual([
      {
        name: "client_event",
        channel: "presence-room",
        event: "client-typing",
        data: '{"typing":true}',
        socket_id: alice.socketId,
        user_id: "alice",
      },
      { name: "client_event", channel: "private-chat", event: "client-text", data: "hello", socket_id: anonymous.socketId },
    ]);
  });

  it("refuses client events Pusher would not relay: public or encrypted channels, names without client-, after leaving", async () => {
    const fake = await start({ webhooks: () => new Response() });
    expect(() => fake.subscribe("news").clientEvent("client-a", {})).toThrow("only sent on private and presence channels");
    expect(() => fake.subscribe("private-encrypted-x").clientEvent("client-a", {})).toThrow(TypeError);
    const chat = fake.subscribe("private-chat");
    expect(() => chat.clientEvent("typing", {})).toThrow('client event names start with "client-"');
    chat.leave();
    expect(() => chat.clientEvent("client-a", {})).toThrow("has left private-chat");
    expect((await fake.webhooksDelivered()).filter((delivery) => delivery.events[0]?.name === "client_event")).toEqual([]);
  });

  it("reports cache_miss when a cache channel with nothing cached is subscribed, not once an event is cached", async () => {
    const received: Received[] = [];
    const fake = await start({ webhooks: { handler: recordingHandler(received), events: ["cache_miss"] } });
    fake.subscribe("cache-prices");
    const [sdk] = sdks(fake);
    await sdk!.trigger("cache-prices", "tick", { price: 1 });
    fake.subscribe("cache-prices");
    fake.subscribe("private-cache-empty");
    await fake.webhooksDelivered();
    expect(received.flatMap((delivery) => verified(fake, delivery))).toEqual([
      { name: "cache_miss", channel: "cache-prices" },
      { name: "cache_miss", channel: "private-cache-empty" },
    ]);
  });

  it("reports subscription counts of channels that are not presence", async () => {
    const received: Received[] = [];
    const fake = await start({ webhooks: { handler: recordingHandler(received), events: ["subscription_count"] } });
    fake.subscribe("news");
    fake.subscribe("news");
    fake.subscribe("presence-room", { userId: "1" });
    await fake.webhooksDelivered();
    expect(received.flatMap((delivery) => verified(fake, delivery)).map((event) => event.subscription_count)).toEqual([1, 2]);
  });

  it("reports the members a terminate_connections request removed", async () => {
    const received: Received[] = [];
    const fake = await start({ webhooks: { handler: recordingHandler(received), events: ["member_removed", "channel_vacated"] } });
    fake.subscribe("presence-room", { userId: "alice" });
    await sdks(fake)[1]!.terminate("alice");
    await fake.webhooksDelivered();
    expect(received.flatMap((delivery) => verified(fake, delivery))).toEqual([
      { name: "member_removed", channel: "presence-room", user_id: "alice" },
      { name: "channel_vacated", channel: "presence-room" },
    ]);
  });

  it("records the receiver's refusal and a handler that throws, and goes on with the next webhook", async () => {
    let calls = 0;
    const fake = await start({
      webhooks: () => {
        calls += 1;
        if (calls === 2) throw new Error("handler broke");
        return new Response(null, { status: calls === 1 ? 401 : 200 });
      },
    });
    fake.subscribe("news");
    const deliveries = await fake.webhooksDelivered();
    expect(deliveries.map(({ status, error }) => ({ status, error }))).toEqual([
      { status: 401, error: undefined },
      { status: undefined, error: "handler broke" },
    ]);
    fake.subscribe("other");
    expect((await fake.webhooksDelivered()).map((delivery) => delivery.status)).toEqual([401, undefined, 200, 200]);
  });

  it("sends nothing without a target", async () => {
    const fake = await start();
    fake.subscribe("presence-room", { userId: "1" }).leave();
    expect(await fake.webhooksDelivered()).toEqual([]);
  });
});

describe("webhooks to a URL", () => {
  async function startReceiver(status = 200) {
    const received: Received[] = [];
    const server = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        received.push({ body: Buffer.concat(chunks).toString("utf8"), headers: request.headers as Record<string, string> });
        response.writeHead(status).end();
      });
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pusher/webhooks`;
    return { received, url, server, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  it("POSTs each webhook to the URL, signed, and closes each connection after its answer", async () => {
    const receiver = await startReceiver();
    try {
      const fake = await start({ webhooks: receiver.url });
      fake.subscribe("presence-room", { userId: "alice" }).leave();
      const deliveries = await fake.webhooksDelivered();
      expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200, 200, 200]);
      expect(receiver.received.flatMap((delivery) => verified(fake, delivery)).map((event) => event.name)).toEqual([
        "channel_occupied",
        "member_added",
        "member_removed",
        "channel_vacated",
      ]);
      expect(receiver.received[0]?.headers).toMatchObject({ "x-pusher-key": fake.config.key, connection: "close" });
      // Nothing of the fake stays connected to the receiver.
      const open = await new Promise<number>((resolve, reject) =>
        receiver.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
      );
      expect(open).toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it("records a receiver's error status, and the error when nothing listens", async () => {
    const failing = await startReceiver(500);
    const gone = await startReceiver();
    await gone.close();
    try {
      const fake = await start({ webhooks: failing.url });
      fake.subscribe("news");
      expect((await fake.webhooksDelivered()).map((delivery) => delivery.status)).toEqual([500, 500]);
      const unreachable = await start({ webhooks: gone.url });
      unreachable.subscribe("news");
      const [delivery] = await unreachable.webhooksDelivered();
      expect(delivery).toMatchObject({ error: expect.stringMatching(/ECONNREFUSED/) });
      expect(delivery?.status).toBeUndefined();
    } finally {
      await failing.close();
    }
  });
});
