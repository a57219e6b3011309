import { signChannelAuth } from "@x/signing";
import { startLocalPusher } from "@x/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connectClient,
  asLocalServer,
  freePort,
  soketiInstall,
  SubscriptionError,
  type LocalServer,
  type TestClient,
} from "../src/index.ts";
import { trigger } from "./support/trigger.ts";

// The foundation's integration smoke test: the @x signing functions against a real
// Pusher-compatible server (soketi) and a real client (pusher-js), docs/protocol.md §2, §3, §5 and §8.
describe("a pusher-js client on a local soketi server", () => {
  let server: LocalServer;
  let client: TestClient;

  beforeAll(async () => {
    server = asLocalServer(await startLocalPusher(soketiInstall));
    client = await connectClient(server);
  });

  afterAll(async () => {
    await client?.disconnect();
    await server?.stop();
  });

  it("connectClient() resolves with a connected client and its socket id", () => {
    expect(client.pusher.connection.state).toBe("connected");
    expect(client.socketId).toMatch(/^\d+\.\d+$/);
  });

  it("a trigger signed with signRequest reaches the subscribed client with its data", async () => {
    await client.subscribe("orders");
    const received = client.waitForEvent<{ id: number; item: string }>("orders", "order-placed");
    const response = await trigger(server, {
      name: "order-placed",
      channels: ["orders"],
      data: JSON.stringify({ id: 42, item: "tea" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    // pusher-js parses JSON data back into a value.
    expect(await received).toEqual({ id: 42, item: "tea" });
  });

  it("a trigger signed with a wrong secret is refused and never delivered", async () => {
    await client.subscribe("refunds");
    const delivered = client.collect("refunds", "refund-issued");

    const refused = await trigger(server, { name: "refund-issued", channels: ["refunds"], data: "forged" }, "wrong-secret");
    // soketi reports an auth failure in the body of an HTTP 200 (see packages/testing/README.md, "Where the fake and soketi differ").
    expect(refused.status).toBe(200);
    expect(await refused.json()).toEqual({ error: "The secret authentication failed", code: 401 });

    // Events reach a socket in the order they were accepted: once a later, valid event has
    // arrived, the refused one would have arrived before it.
    const control = client.waitForEvent("refunds", "refund-issued");
    await trigger(server, { name: "refund-issued", channels: ["refunds"], data: "genuine" });
    expect(await control).toBe("genuine");
    expect(delivered).toEqual(["genuine"]);
  });

  it("subscribe() succeeds on a private channel authorized with signChannelAuth", async () => {
    const authorized = await connectClient(server, {
      channelAuthorization: {
        customHandler: (
          { socketId, channelName }: { socketId: string; channelName: string },
          callback: (error: Error | null, data: { auth: string } | null) => void,
        ) => callback(null, { auth: signChannelAuth(server, socketId, channelName) }),
      },
    });
    try {
      const channel = await authorized.subscribe("private-invoices");
      expect(channel.subscribed).toBe(true);

      const received = authorized.waitForEvent("private-invoices", "invoice-sent");
      await trigger(server, { name: "invoice-sent", channels: ["private-invoices"], data: "INV-7" });
      expect(await received).toBe("INV-7");
    } finally {
      await authorized.disconnect();
    }
  });

  it("subscribe() rejects with status 401 on a private channel authorized with a wrong secret", async () => {
    const forged = await connectClient(server, {
      channelAuthorization: {
        customHandler: (
          { socketId, channelName }: { socketId: string; channelName: string },
          callback: (error: Error | null, data: { auth: string } | null) => void,
        ) => callback(null, { auth: signChannelAuth({ key: server.key, secret: "wrong-secret" }, socketId, channelName) }),
      },
    });
    try {
      const failure = forged.subscribe("private-invoices");
      await expect(failure).rejects.toBeInstanceOf(SubscriptionError);
      await expect(failure).rejects.toMatchObject({ status: 401, channelName: "private-invoices" });
      expect(forged.pusher.channel("private-invoices").subscribed).toBe(false);
    } finally {
      await forged.disconnect();
    }
  });

  it("waitForEvent() and collect() refuse a channel that was never subscribed to", async () => {
    await expect(client.waitForEvent("never-subscribed", "anything")).rejects.toThrow(
      "not subscribed to never-subscribed: call subscribe() first",
    );
    expect(() => client.collect("never-subscribed", "anything")).toThrow("not subscribed to never-subscribed");
  });

  it("disconnect() resolves once the connection is closed", async () => {
    const leaving = await connectClient(server);
    const transport = leaving.pusher.connection.connection.transport;
    await leaving.disconnect();
    expect(leaving.pusher.connection.state).toBe("disconnected");
    // pusher.disconnect() alone leaves the WebSocket "open" until its closing handshake is over.
    expect(transport.state).toBe("closed");
  });

  it("connectClient() rejects when pusher-js gives up reaching the server", async () => {
    const nowhere = { ...server, port: await freePort() };
    // pusher-js reports "unavailable" after unavailableTimeout (10 s by default).
    await expect(connectClient(nowhere, { unavailableTimeout: 200 })).rejects.toThrow(
      `pusher-js could not connect to 127.0.0.1:${nowhere.port} (unavailable)`,
    );
  });
});
