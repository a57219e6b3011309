// The recipe's routes tested as docs/testing.md shows: @x/testing's fake Pusher in-process (a
// route that triggers, the webhook endpoint, Pusher failing), then end to end on soketi with a
// pusher-js client. Everything listens on 127.0.0.1 and is stopped after each test.
import { once } from "node:events";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Pusher } from "@x/server";
import { startFakePusher, startLocalPusher, type FakePusher } from "@x/testing";
import { connectClient, soketiInstall } from "tools-test-support";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";

const servers: Server[] = [];
const fakes: FakePusher[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

/** A loopback server for the app, listening before the app exists: the fake needs its webhook URL first. */
async function listen(): Promise<{ url: string; serve: (app: RequestListener) => void }> {
  const server = createServer();
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, serve: (app) => server.on("request", app) };
}

async function fake(options?: Parameters<typeof startFakePusher>[0]): Promise<FakePusher> {
  const started = await startFakePusher(options);
  fakes.push(started);
  return started;
}

const postMessage = (url: string, user: string, body: object) =>
  fetch(`${url}/messages`, {
    method: "POST",
    headers: { authorization: `Bearer ${user}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("POST /messages, on a fake Pusher", () => {
  it("triggers `message` on the channel, from the signed-in user", async () => {
    const pusher = await fake();
    const app = await listen();
    app.serve(createApp({ pusher: Pusher.fromUrl(pusher.url) }));

    const response = await postMessage(app.url, "alice", { channel: "private-chat-general", text: "hi" });

    expect(response.status).toBe(200);
    await pusher.waitForEvent({ channel: "private-chat-general", name: "message", data: { from: "Alice Ångström", text: "hi" } });
  });

  it("triggers nothing for a user who may not post there", async () => {
    const pusher = await fake();
    const app = await listen();
    app.serve(createApp({ pusher: Pusher.fromUrl(pusher.url) }));

    expect((await postMessage(app.url, "bob", { channel: "private-admin-ops", text: "hi" })).status).toBe(403);
    expect(pusher.requests).toEqual([]);
  });

  it("fails with a 500 when Pusher does, sending the message once", async () => {
    const pusher = await fake();
    const app = await listen();
    app.serve(createApp({ pusher: Pusher.fromUrl(pusher.url) }));
    pusher.failNext({ status: 500 });

    const response = await postMessage(app.url, "alice", { channel: "private-chat-general", text: "hi" });

    expect(response.status).toBe(500);
    expect(pusher.requests.map((request) => request.status)).toEqual([500]);
    expect(pusher.events).toEqual([]);
  });
});

describe("POST /pusher/webhooks, from a fake Pusher", () => {
  it("keeps the events of the signed webhooks Pusher sends", async () => {
    const app = await listen();
    const pusher = await fake({ webhooks: `${app.url}/pusher/webhooks` });
    app.serve(createApp({ pusher: Pusher.fromUrl(pusher.url) }));

    pusher.subscribe("presence-lobby", { userId: "alice" }).leave();
    const deliveries = await pusher.webhooksDelivered();

    expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200, 200, 200]);
    const { events } = (await (await fetch(`${app.url}/webhooks/events`)).json()) as { events: unknown[] };
    expect(events).toEqual([
      { name: "channel_occupied", channel: "presence-lobby" },
      { name: "member_added", channel: "presence-lobby", user_id: "alice" },
      { name: "member_removed", channel: "presence-lobby", user_id: "alice" },
      { name: "channel_vacated", channel: "presence-lobby" },
    ]);
  });

  it("refuses a webhook signed with another app's secret", async () => {
    const app = await listen();
    const pusher = await fake();
    const impostor = await fake({ key: pusher.config.key, secret: "not-the-app-secret", webhooks: `${app.url}/pusher/webhooks` });
    app.serve(createApp({ pusher: Pusher.fromUrl(pusher.url) }));

    impostor.subscribe("private-chat-general");
    const [delivery] = await impostor.webhooksDelivered();

    expect(delivery?.status).toBe(401);
    expect(await (await fetch(`${app.url}/webhooks/events`)).json()).toEqual({ events: [] });
  });
});

describe("end to end, on soketi", () => {
  it("a message posted by Alice reaches her pusher-js client, subscribed through the app's auth endpoint", async () => {
    // A user's project installs soketi and Node 20 (docs/testing.md); this repository names them.
    const local = await startLocalPusher(soketiInstall);
    try {
      const app = await listen();
      app.serve(createApp({ pusher: Pusher.fromUrl(local.url) }));
      const client = await connectClient(local.config, {
        channelAuthorization: { endpoint: `${app.url}/pusher/auth`, transport: "ajax", headers: { authorization: "Bearer alice" } },
      });
      try {
        await client.subscribe("private-chat-general");
        const received = client.waitForEvent("private-chat-general", "message");
        expect((await postMessage(app.url, "alice", { channel: "private-chat-general", text: "hello" })).status).toBe(200);
        expect(await received).toEqual({ from: "Alice Ångström", text: "hello" });
      } finally {
        await client.disconnect();
      }
    } finally {
      await local.close();
    }
  });
});
