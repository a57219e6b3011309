// Integration (docs/protocol.md §7, §8): a real soketi sends its webhooks to a node:http receiver running
// createWebhookHandler through @hono/node-server; real pusher-js clients cause them.
import { getRequestListener } from "@hono/node-server";
import { startLocalPusher } from "@x/testing";
import { asLocalServer, connectClient, soketiInstall, type LocalServer, type TestClient } from "tools-test-support";
import { signChannelAuth } from "@x/signing";
import type { WebhookEvent } from "../src/index.js";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebhookHandler, type WebhookHandlerOptions } from "../src/index.js";

const credentials = { key: "webhook-app-key", secret: "webhook-app-secret-5e1f0c" };
const ROOM = "presence-room";
const MAX_AGE_MS = 60_000;
const EVENT_TYPES = ["channel_occupied", "channel_vacated", "member_added", "member_removed", "client_event"];

interface Delivery {
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
  status: number;
}

/**
 * The receiver: `/pusher/webhooks` is what soketi calls; `/pusher/webhooks/late` is the same
 * endpoint with a clock two minutes ahead, to replay a real delivery "later" without waiting.
 */
async function startReceiver(recorded: WebhookEvent[], deliveries: Delivery[]) {
  const options: WebhookHandlerOptions = {
    credentials,
    maxAgeMs: MAX_AGE_MS,
    onEvent: (event) => {
      recorded.push(event);
    },
  };
  const live = createWebhookHandler(options);
  const late = createWebhookHandler({ ...options, now: () => Date.now() + 2 * MAX_AGE_MS });
  const listener = getRequestListener(async (request) => {
    if (new URL(request.url).pathname === "/pusher/webhooks/late") return late(request);
    const body = new Uint8Array(await request.clone().arrayBuffer());
    const response = await live(request);
    deliveries.push({ body, headers: Object.fromEntries(request.headers), status: response.status });
    return response;
  });
  const server: Server = createServer((incoming, outgoing) => void listener(incoming, outgoing));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/pusher/webhooks`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Polls until `done` holds; soketi sends one event per webhook, in no guaranteed order (§8). */
async function waitUntil(done: () => boolean, describeState: () => string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; so far: ${describeState()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function presenceClient(server: LocalServer, userId: string): Promise<TestClient> {
  const channelData = JSON.stringify({ user_id: userId, user_info: { name: userId } });
  return connectClient(server, {
    channelAuthorization: {
      customHandler: (
        { socketId, channelName }: { socketId: string; channelName: string },
        callback: (error: Error | null, data: { auth: string; channel_data: string }) => void,
      ) => callback(null, { auth: signChannelAuth(server, socketId, channelName, channelData), channel_data: channelData }),
    },
  });
}

describe("createWebhookHandler receiving soketi's webhooks", () => {
  const recorded: WebhookEvent[] = [];
  const deliveries: Delivery[] = [];
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  let server: LocalServer | undefined;
  const clients: TestClient[] = [];
  let bobSocketId = "";

  beforeAll(async () => {
    receiver = await startReceiver(recorded, deliveries);
    server = asLocalServer(
      await startLocalPusher({ ...soketiInstall, ...credentials, webhooks: [{ url: receiver.url, event_types: EVENT_TYPES }] }),
    );
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.disconnect()));
    await server?.stop();
    await receiver?.close();
  });

  it("records channel_occupied, member_added, client_event, member_removed and channel_vacated, verified", async () => {
    const alice = await presenceClient(server!, "alice");
    clients.push(alice);
    await alice.subscribe(ROOM);
    const bob = await presenceClient(server!, "bob");
    clients.push(bob);
    bobSocketId = bob.socketId;
    const room = await bob.subscribe(ROOM);
    expect(room.trigger("client-wave", { text: "hi" })).toBe(true);
    const has = (expected: Partial<WebhookEvent>) =>
      recorded.some((event) => Object.entries(expected).every(([field, value]) => (event as Record<string, unknown>)[field] === value));
    // The client event must have reached soketi before bob leaves.
    await waitUntil(
      () => has({ name: "client_event" }),
      () => JSON.stringify(recorded),
    );
    await bob.disconnect();
    await alice.disconnect();

    const expected: Partial<WebhookEvent>[] = [
      { name: "channel_occupied", channel: ROOM },
      { name: "member_added", channel: ROOM, user_id: "alice" },
      { name: "member_added", channel: ROOM, user_id: "bob" },
      { name: "member_removed", channel: ROOM, user_id: "bob" },
      { name: "member_removed", channel: ROOM, user_id: "alice" },
      { name: "channel_vacated", channel: ROOM },
    ];
    await waitUntil(
      () => expected.every(has),
      () => JSON.stringify(recorded),
    );
    const clientEvent = recorded.find((event) => event.name === "client_event");
    expect(clientEvent).toEqual({
      name: "client_event",
      channel: ROOM,
      event: "client-wave",
      data: '{"text":"hi"}',
      socket_id: bobSocketId,
      user_id: "bob",
    });
    // Every delivery soketi made was verified and accepted.
    expect(deliveries.length).toBeGreaterThanOrEqual(expected.length + 1);
    expect(deliveries.every((delivery) => delivery.status === 200)).toBe(true);
    expect(deliveries.every((delivery) => delivery.headers["x-pusher-key"] === credentials.key)).toBe(true);
  });

  /** A delivery soketi made and the receiver accepted, to replay. */
  function acceptedDelivery(): Delivery {
    const accepted = deliveries.find((delivery) => delivery.status === 200);
    if (accepted === undefined) throw new Error("no delivery from soketi was accepted (see the first test)");
    return accepted;
  }

  it("refuses with 401 a replayed delivery with one byte changed, and accepts it unchanged", async () => {
    const original = acceptedDelivery();
    const replay = (body: Uint8Array<ArrayBuffer>, path = "/pusher/webhooks") =>
      fetch(new URL(path, receiver!.url), {
        method: "POST",
        headers: {
          "content-type": original.headers["content-type"]!,
          "x-pusher-key": original.headers["x-pusher-key"]!,
          "x-pusher-signature": original.headers["x-pusher-signature"]!,
        },
        body,
      });
    const tampered = original.body.slice();
    const at = tampered.length - 3;
    tampered[at] = tampered[at]! ^ 0x01;
    expect((await replay(tampered)).status).toBe(401);
    // Within maxAgeMs the very same delivery is answered 200 again, without calling the application twice.
    const before = recorded.length;
    const again = await replay(original.body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ok: true, duplicate: true });
    expect(recorded.length).toBe(before);
  });

  it("refuses with 401 a real delivery replayed after maxAgeMs", async () => {
    const original = acceptedDelivery();
    const response = await fetch(new URL("/pusher/webhooks/late", receiver!.url), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-pusher-key": original.headers["x-pusher-key"]!,
        "x-pusher-signature": original.headers["x-pusher-signature"]!,
      },
      body: original.body,
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toMatch(/maxAgeMs allows 60000 ms/);
  });
});
