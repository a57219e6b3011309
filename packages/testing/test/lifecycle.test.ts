// startFakePusher's options, its address, and close(): nothing left open.
import { once } from "node:events";
import { Agent, createServer, request } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import Pusher from "pusher";
import { describe, expect, it } from "vitest";
import { startFakePusher } from "../src/index.js";
import { useFakes } from "./support/fakes.js";

const start = useFakes();

describe("startFakePusher()", () => {
  it("listens on a loopback port and gives a PUSHER_URL and the config SDK constructors take", async () => {
    const fake = await start();
    expect(fake.config).toEqual({
      appId: "1000001",
      key: "fake-app-key",
      secret: "fake-app-secret",
      host: "127.0.0.1",
      port: expect.any(Number),
      useTLS: false,
    });
    expect(fake.url).toBe(`http://fake-app-key:fake-app-secret@127.0.0.1:${fake.config.port}/apps/1000001`);
    const other = await start({ appId: "42", key: "k", secret: "s" });
    expect(other.url).toBe(`http://k:s@127.0.0.1:${other.config.port}/apps/42`);
    expect(other.config.port).not.toBe(fake.config.port);
  });

  it.each([
    [{ appId: "" }, "options.appId must be a non-empty string"],
    [{ key: "a:b" }, "options.key must be"],
    [{ secret: 42 }, "options.secret must be"],
    [{ limits: { maxPayloadBytes: 0 } }, "options.limits.maxPayloadBytes must be a whole number from 1, got 0"],
    [{ limits: { maxBatchSize: 1.5 } }, "options.limits.maxBatchSize"],
    [{ limits: { maxChannelsPerTrigger: "100" } }, "options.limits.maxChannelsPerTrigger"],
    [{ webhooks: "ftp://example.test/hooks" }, "options.webhooks.url must be an http(s) URL"],
    [{ webhooks: 42 }, "options.webhooks must be a URL, a handler"],
    [{ webhooks: {} }, "options.webhooks must be given a url or a handler"],
    [{ webhooks: { url: "http://h.test", batch: "yes" } }, "options.webhooks.batch must be a boolean"],
    [{ webhooks: { url: "http://h.test", events: ["member_joined"] } }, "options.webhooks.events must be an array of"],
    [{ webhooks: { handler: "no" } }, "options.webhooks.handler must be a function"],
    [{ now: 1234 }, "options.now must be a function"],
    [null, "startFakePusher: options must be an object"],
  ])("refuses %j, naming the option", async (options, message) => {
    await expect(startFakePusher(options as never)).rejects.toThrow(message);
  });
});

describe("close()", () => {
  it("resolves once every socket is closed, kept-alive ones included, and is safe to call twice", async () => {
    const fake = await startFakePusher();
    const agent = new Agent({ keepAlive: true });
    try {
      const path = `/apps/${fake.config.appId}/channels`;
      const answered = new Promise<Socket>((resolve, reject) => {
        const outgoing = request({ host: "127.0.0.1", port: fake.config.port, path, agent }, (response) => {
          response.resume();
          response.on("end", () => resolve(outgoing.socket!));
        });
        outgoing.on("error", reject).end();
      });
      const socket = await answered;
      const socketClosed = once(socket, "close");
      await Promise.all([fake.close(), fake.close()]);
      await socketClosed;
      await expect(Pusher.forURL(fake.url).get({ path: "/channels" })).rejects.toThrow();
    } finally {
      agent.destroy();
    }
  });

  it("stops webhooks in flight to a receiver that never answers", async () => {
    const stalled = createServer(() => undefined);
    stalled.listen(0, "127.0.0.1");
    await once(stalled, "listening");
    try {
      const fake = await startFakePusher({ webhooks: `http://127.0.0.1:${(stalled.address() as AddressInfo).port}/hooks` });
      fake.subscribe("news");
      const [receiving] = (await once(stalled, "connection")) as [Socket];
      const receiverSawClose = once(receiving, "close");
      await fake.close();
      const [delivery] = await fake.webhooksDelivered();
      expect(delivery?.error).toMatch(/socket hang up/);
      await receiverSawClose;
    } finally {
      stalled.closeAllConnections();
      await new Promise<void>((resolve) => stalled.close(() => resolve()));
    }
  });
});
