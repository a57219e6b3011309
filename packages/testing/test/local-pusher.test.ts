// startLocalPusher: a real soketi on loopback, found the way a user's project has it (the
// @soketi/soketi of this folder, the Node 20 that X_TESTING_SOKETI_NODE names: vitest.config.ts).
import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import Pusher from "pusher";
import { afterEach, describe, expect, it } from "vitest";
import { startLocalPusher, type LocalPusher, type LocalPusherOptions } from "../src/index.js";
import { childrenOf, connectionRefused, isRunning } from "./support/processes.js";
import { connectTo } from "./support/pusher-js.js";

const started: LocalPusher[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((local) => local.close()));
});

async function start(options?: LocalPusherOptions): Promise<LocalPusher> {
  const local = await startLocalPusher(options);
  started.push(local);
  return local;
}

describe("startLocalPusher()", () => {
  it("starts soketi on loopback and gives its PUSHER_URL, SDK options and pusher-js options, with which an event reaches a client", async () => {
    const local = await start();
    const { port } = local.config;
    expect(local.url).toBe(`http://local-app-key:local-app-secret@127.0.0.1:${port}/apps/1000001`);
    expect(local.config).toEqual({
      appId: "1000001",
      key: "local-app-key",
      secret: "local-app-secret",
      host: "127.0.0.1",
      port,
      useTLS: false,
    });
    expect(local.clientOptions).toEqual({
      wsHost: "127.0.0.1",
      wsPort: port,
      forceTLS: false,
      enabledTransports: ["ws"],
      cluster: "mt1",
      disableStats: true,
    });
    expect(local.nodes).toHaveLength(1);
    expect(local.redisUrl).toBeUndefined();
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("OK");

    const client = await connectTo(local);
    try {
      await client.subscribe("orders");
      const received = client.next("orders", "created");
      const response = await Pusher.forURL(local.url).trigger("orders", "created", { id: 7 });
      expect(response.status).toBe(200);
      expect(await received).toEqual({ id: 7 });
    } finally {
      client.disconnect();
    }
  });

  it("close() ends soketi and closes its ports; it is safe to call twice, and after a crash", async () => {
    const [local, crashed] = await Promise.all([start(), start({ appId: "2", key: "other-key", secret: "other-secret" })]);
    const [node] = local.nodes;
    expect(crashed.config.port).not.toBe(local.config.port);
    expect(crashed.url).toBe(`http://other-key:other-secret@127.0.0.1:${crashed.config.port}/apps/2`);

    await Promise.all([local.close(), local.close()]);
    expect(isRunning(node!.pid)).toBe(false);
    expect(await connectionRefused(node!.config.port)).toBe(true);
    expect(await connectionRefused(node!.metricsPort)).toBe(true);

    process.kill(crashed.nodes[0]!.pid, "SIGKILL");
    await expect(crashed.close()).resolves.toBeUndefined();
    expect(isRunning(crashed.nodes[0]!.pid)).toBe(false);
  });

  it("passes SOKETI_* variables to soketi", async () => {
    const local = await start({ env: { SOKETI_EVENT_MAX_SIZE_IN_KB: "1" } });
    const pusher = Pusher.forURL(local.url);
    await expect(pusher.trigger("limits", "sized", "x".repeat(500))).resolves.toMatchObject({ status: 200 });
    // soketi refuses in the body of an HTTP 200, which the official package passes on as a success.
    const refused = await pusher.trigger("limits", "sized", "x".repeat(2_000));
    expect(await refused.json()).toEqual({ error: "The event data should be less than 1 KB.", code: 413 });
  });

  it("passes the webhooks on: soketi posts them, signed with the app's secret", async () => {
    const bodies: { body: string; headers: IncomingMessage["headers"] }[] = [];
    const receiver = createServer((request: IncomingMessage, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      request.on("end", () => {
        bodies.push({ body, headers: request.headers });
        response.end();
      });
    });
    receiver.listen(0, "127.0.0.1");
    await once(receiver, "listening");
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
      const local = await start({ secret: "hook-secret", webhooks: [{ url, event_types: ["channel_occupied"] }] });
      const client = await connectTo(local);
      await client.subscribe("watched");
      await expect.poll(() => bodies.length, { timeout: 10_000 }).toBe(1);
      client.disconnect();
      const [{ body, headers } = { body: "", headers: {} }] = bodies;
      expect(headers["x-pusher-key"]).toBe(local.config.key);
      const webhook = Pusher.forURL(local.url).webhook({ headers, rawBody: body });
      expect(webhook.isValid()).toBe(true);
      expect(webhook.getEvents()).toEqual([{ name: "channel_occupied", channel: "watched" }]);
    } finally {
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it("refuses bad options with a TypeError that names them, starting nothing", async () => {
    const before = childrenOf(process.pid);
    // Values a typed caller cannot pass are what a JavaScript caller may: `unknown`, handed over as options.
    const refusals: [unknown, string][] = [
      [{ nodes: 0 }, "startLocalPusher: options.nodes must be a whole number from 1 to 16, got 0"],
      [{ nodes: 2.5 }, "startLocalPusher: options.nodes must be a whole number from 1 to 16, got 2.5"],
      [{ nodes: 17 }, "startLocalPusher: options.nodes must be a whole number from 1 to 16, got 17"],
      [{ nodes: "2" }, 'startLocalPusher: options.nodes must be a whole number from 1 to 16, got "2"'],
      [{ nodes: 2n }, "startLocalPusher: options.nodes must be a whole number from 1 to 16, got a value of type bigint"],
      [
        { nodes: 2, redis: false },
        "startLocalPusher: options.redis must be left out or not false with more than one node (the nodes share their state through Redis), got false",
      ],
      [
        { redis: "http://127.0.0.1:6379" },
        'startLocalPusher: options.redis must be a boolean or a "redis://HOST:PORT" URL, got "http://127.0.0.1:6379"',
      ],
      [
        { redis: "redis://:secret@127.0.0.1:6379" },
        'startLocalPusher: options.redis must be a boolean or a "redis://HOST:PORT" URL, got "redis://:secret@127.0.0.1:6379"',
      ],
      [{ key: "a key" }, 'startLocalPusher: options.key must be a non-empty string of letters, digits, _ . ~ -, got "a key"'],
      [
        { env: { NODE_OPTIONS: "--inspect" } },
        'startLocalPusher: options.env must be string values of SOKETI_* variables other than those startLocalPusher sets, got {"NODE_OPTIONS":"--inspect"}',
      ],
      [
        { env: { SOKETI_PORT: "6001" } },
        'startLocalPusher: options.env must be string values of SOKETI_* variables other than those startLocalPusher sets, got {"SOKETI_PORT":"6001"}',
      ],
      [
        { env: { SOKETI_DB_REDIS_HOST: "elsewhere" } },
        'startLocalPusher: options.env must be string values of SOKETI_* variables other than those startLocalPusher sets, got {"SOKETI_DB_REDIS_HOST":"elsewhere"}',
      ],
      [
        { webhooks: [{ url: "ftp://127.0.0.1/", event_types: [] }] },
        'startLocalPusher: options.webhooks must be an array of { url: an http(s) URL, event_types: string[] }, got [{"url":"ftp://127.0.0.1/","event_types":[]}]',
      ],
      [{ startTimeoutMs: 0 }, "startLocalPusher: options.startTimeoutMs must be a positive number, got 0"],
    ];
    for (const [options, message] of refusals) {
      const error: unknown = await startLocalPusher(options as LocalPusherOptions).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as TypeError).message).toBe(message);
    }
    expect(childrenOf(process.pid)).toEqual(before);
  });

  it("rejects with soketi's last output, secret redacted, and leaves no process, when soketi exits before it is up", async () => {
    const before = childrenOf(process.pid);
    // A missing TLS certificate makes soketi fail as it builds its app; debug mode prints its configuration, secret included, first.
    const failure = startLocalPusher({
      secret: "do-not-print-me",
      env: { SOKETI_SSL_CERT: "/nonexistent/cert.pem", SOKETI_SSL_KEY: "/nonexistent/key.pem", SOKETI_DEBUG: "true" },
    });
    const error = await failure.then(
      () => expect.fail("soketi started with a missing certificate"),
      (reason: unknown) => reason as Error,
    );
    expect(error.message).toMatch(/^soketi exited \(code \d+\) before it was ready\. Its last output:\n/);
    expect(error.message).toContain("App construction failed");
    expect(error.message).not.toContain("do-not-print-me");
    expect(childrenOf(process.pid)).toEqual(before);
  });

  it("rejects and stops soketi when it is not up within startTimeoutMs", async () => {
    const before = childrenOf(process.pid);
    await expect(startLocalPusher({ startTimeoutMs: 1 })).rejects.toThrow(/^soketi did not start within 1 ms/);
    expect(childrenOf(process.pid)).toEqual(before);
  });
});
