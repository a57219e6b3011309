import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signRequest, verifyHmacSignature } from "@x/signing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  childPids,
  connectClient,
  freePort,
  isContinuousIntegration,
  isRunning,
  redisCommand,
  RedisServerNotFoundError,
  skipClusterTests,
  startLocalCluster,
  type LocalCluster,
  type LocalClusterOptions,
  type LocalServer,
  type TestClient,
} from "../src/index.ts";
import { findExecutable } from "../src/find-executable.ts";
import { redisServerCommand } from "../src/start-redis.ts";
import { connectionRefused } from "./support/connection-refused.ts";
import { trigger } from "./support/trigger.ts";
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "./support/webhook-receiver.ts";

async function channels(node: LocalServer): Promise<unknown> {
  const path = `/apps/${node.appId}/channels`;
  const query = signRequest(node, { method: "GET", path });
  return (await fetch(`${node.url}${path}?${query}`)).json();
}

describe("skipClusterTests and isContinuousIntegration (no Redis needed)", () => {
  it("isContinuousIntegration(env) is true for CI=true or 1, false when CI is unset, empty, 0 or false", () => {
    expect([{ CI: "true" }, { CI: "1" }, { CI: "TRUE" }].map((env) => isContinuousIntegration(env))).toEqual([true, true, true]);
    expect([{}, { CI: "" }, { CI: "0" }, { CI: "false" }].map((env) => isContinuousIntegration(env))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("skipClusterTests(env) never skips in CI, so that a CI machine without Redis fails the tests", () => {
    expect(skipClusterTests({ CI: "true", PATH: "/nonexistent" })).toBe(false);
  });

  it("skipClusterTests(env) outside CI skips, with a notice that says how to install Redis, only when redis-server is not on PATH", () => {
    const directory = mkdtempSync(join(tmpdir(), "x-fake-redis-"));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      writeFileSync(join(directory, "redis-server"), "#!/bin/sh\n", { mode: 0o755 });
      expect(skipClusterTests({ PATH: directory })).toBe(false);
      expect(warn).not.toHaveBeenCalled();

      expect(skipClusterTests({ PATH: "/nonexistent" })).toBe(true);
      expect(warn).toHaveBeenCalledWith(
        "Skipping the cluster tests (they fail instead when CI=true). redis-server was not found: no redis-server on PATH. " +
          "A local cluster shares its state through Redis: install it with `apt-get install -y redis-server` (Debian/Ubuntu), " +
          "or pass the path of a redis-server program as the redisServer option.",
      );
    } finally {
      warn.mockRestore();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("startLocalCluster({ redisServer }) with a program that does not exist rejects with how to install Redis, and starts nothing", async () => {
    const before = await childPids();
    const failure = startLocalCluster({ redisServer: "/nonexistent/redis-server" });
    await expect(failure).rejects.toBeInstanceOf(RedisServerNotFoundError);
    await expect(failure).rejects.toThrow(
      "redis-server was not found: /nonexistent/redis-server is not an executable file. A local cluster shares its state " +
        "through Redis: install it with `apt-get install -y redis-server` (Debian/Ubuntu)",
    );
    await expect(startLocalCluster({ redisServer: "x-no-such-redis-server" })).rejects.toThrow(
      "redis-server was not found: no x-no-such-redis-server on PATH.",
    );
    expect(await childPids()).toEqual(before);
  });

  it("startLocalCluster() refuses a node count outside 1–16 and env variables the cluster sets, before starting anything", async () => {
    const before = await childPids();
    await expect(startLocalCluster({ nodes: 0 })).rejects.toThrow("nodes must be a whole number from 1 to 16, got 0");
    await expect(startLocalCluster({ nodes: 2.5 })).rejects.toThrow("nodes must be a whole number from 1 to 16, got 2.5");
    await expect(startLocalCluster({ nodes: 17 })).rejects.toThrow("got 17");
    // Values of other types, refused as plainly (a BigInt once made the message itself throw a TypeError).
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    const hostile: unknown[] = [2n, "2", Number.NaN, true, Symbol("two"), { valueOf: () => 2 }, [2], cycle];
    const shown = await Promise.all(
      hostile.map((nodes) => startLocalCluster({ nodes } as LocalClusterOptions).then(() => "started", (error: Error) => error.message)),
    );
    expect(shown).toEqual(
      ["2n", '"2"', "NaN", "true", "a value of type symbol", "a value of type object", "a value of type object", "a value of type object"].map(
        (value) => `nodes must be a whole number from 1 to 16, got ${value}`,
      ),
    );
    for (const name of ["SOKETI_ADAPTER_DRIVER", "SOKETI_DB_REDIS_PORT", "SOKETI_ADAPTER_REDIS_PREFIX", "SOKETI_PORT"]) {
      await expect(startLocalCluster({ env: { [name]: "x" } })).rejects.toThrow(`env may not set ${name}: startLocalCluster sets it`);
    }
    expect(await childPids()).toEqual(before);
  });
});

describe.skipIf(skipClusterTests())("startLocalCluster", () => {
  let cluster: LocalCluster;
  let receiver: WebhookReceiver;
  const clients: TestClient[] = [];
  let childrenBefore: number[] = [];

  beforeAll(async () => {
    childrenBefore = await childPids();
    receiver = await startWebhookReceiver();
    cluster = await startLocalCluster({
      nodes: 3,
      secret: "cluster-secret",
      webhooks: [{ url: receiver.url, event_types: ["channel_occupied", "member_added"] }],
    });
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.disconnect()));
    await cluster?.stop();
    await receiver?.close();
  });

  async function clientOn(node: LocalServer): Promise<TestClient> {
    const client = await connectClient(node);
    clients.push(client);
    return client;
  }

  it("starts the nodes on distinct loopback ports with the same app, all subscribed to one Redis server", async () => {
    const [a, b, c] = cluster.nodes;
    expect(cluster.nodes.map((node) => node.index)).toEqual([0, 1, 2]);
    expect(new Set(cluster.nodes.map((node) => node.port)).size).toBe(3);
    for (const node of [a!, b!, c!]) {
      expect(node).toMatchObject({ host: "127.0.0.1", wsPort: node.port, appId: "app-id", key: "app-key", secret: "cluster-secret" });
      expect(await (await fetch(`${node.url}/`)).text()).toBe("OK");
    }
    expect(cluster).toMatchObject({ appId: "app-id", key: "app-key", secret: "cluster-secret" });
    expect(await cluster.connectedNodes()).toBe(3);
    expect(await redisCommand(cluster.redis.port, ["PING"])).toBe("PONG");
    await expect(redisCommand(cluster.redis.port, ["NO-SUCH-COMMAND"])).rejects.toThrow(/^redis NO-SUCH-COMMAND: ERR unknown command/);
  });

  it("runs Redis on loopback without persistence, in a temporary directory that stays empty", async () => {
    const config = async (name: string) => ((await redisCommand(cluster.redis.port, ["CONFIG", "GET", name])) as string[])[1];
    expect(await config("bind")).toBe("127.0.0.1");
    expect(await config("save")).toBe("");
    expect(await config("appendonly")).toBe("no");
    const directory = await config("dir");
    expect(directory).toMatch(new RegExp(`^${tmpdir()}/x-local-redis-`));
    expect(readdirSync(directory!)).toEqual([]);
  });

  it("an event triggered on node A reaches a client on node C, and /channels on A counts C's subscriber", async () => {
    const [a, , c] = cluster.nodes;
    const client = await clientOn(c!);
    await client.subscribe("across");
    const received = client.waitForEvent("across", "hop");

    const response = await trigger(a!, { name: "hop", channels: ["across"], data: JSON.stringify({ from: "a" }) });

    expect(await response.json()).toEqual({ ok: true });
    expect(await received).toEqual({ from: "a" });
    expect(await channels(a!)).toEqual({ channels: { across: { occupied: true, subscription_count: 1 } } });
  });

  it("the last event of a cache channel, triggered on node A, is replayed to a new subscriber on node B", async () => {
    const [a, b] = cluster.nodes;
    await trigger(a!, { name: "price", channels: ["cache-prices"], data: JSON.stringify({ eur: 10 }) });
    const client = await clientOn(b!);
    // The replay comes right after the subscription succeeds: listen before subscribing.
    const replayed = new Promise((resolve) => client.pusher.subscribe("cache-prices").bind("price", resolve));
    expect(await replayed).toEqual({ eur: 10 });
  });

  it("each node posts the signed webhooks of what it observed, to the URL every node was given", async () => {
    const [, b] = cluster.nodes;
    const client = await clientOn(b!);
    const occupied = receiver.next((webhook) => webhook.rawBody.includes('"channel":"watched-on-b"'));
    await client.subscribe("watched-on-b");
    const webhook: ReceivedWebhook = await occupied;

    expect(webhook.headers["x-pusher-key"]).toBe(cluster.key);
    expect(verifyHmacSignature(cluster.secret, webhook.rawBody, webhook.headers["x-pusher-signature"])).toBe(true);
    expect((JSON.parse(webhook.rawBody) as { events: unknown[] }).events).toEqual([
      { name: "channel_occupied", channel: "watched-on-b" },
    ]);
  });

  it("node.kill() ends one node at once; Redis stops counting it and the other nodes go on delivering", async () => {
    const [a, b, c] = cluster.nodes;
    const client = await clientOn(b!);
    await client.subscribe("survivors");

    await c!.kill();

    expect(isRunning(c!.pid)).toBe(false);
    expect(await connectionRefused(c!.port)).toBe(true);
    await vi.waitFor(async () => expect(await cluster.connectedNodes()).toBe(2), { timeout: 10_000, interval: 50 });
    const received = client.waitForEvent("survivors", "still-here");
    await trigger(a!, { name: "still-here", channels: ["survivors"], data: "yes" });
    expect(await received).toBe("yes");
    await expect(c!.stop()).resolves.toBeUndefined();
  });

  it("stop() ends every node and Redis, closes their ports, removes Redis's directory and leaves no child process", async () => {
    await Promise.all(clients.splice(0).map((client) => client.disconnect()));
    const directory = ((await redisCommand(cluster.redis.port, ["CONFIG", "GET", "dir"])) as string[])[1]!;

    await cluster.stop();
    await expect(cluster.stop()).resolves.toBeUndefined();

    for (const pid of [cluster.redis.pid, ...cluster.nodes.map((node) => node.pid)]) expect(isRunning(pid)).toBe(false);
    for (const port of [cluster.redis.port, ...cluster.nodes.map((node) => node.port)]) {
      expect(await connectionRefused(port)).toBe(true);
    }
    expect(existsSync(directory)).toBe(false);
    expect(await childPids()).toEqual(childrenBefore);
  });
});

describe.skipIf(skipClusterTests())("the Redis server of a cluster", () => {
  it("dies with the process that started it, even when that process is killed with SIGKILL", async () => {
    const port = await freePort();
    const directory = mkdtempSync(join(tmpdir(), "x-local-redis-test-"));
    const { command, args } = redisServerCommand(findExecutable("redis-server") ?? "redis-server", port, directory);
    // A parent that starts Redis with the cluster's command line, prints its pid, and waits.
    const parentScript = `
      const { spawn } = require("node:child_process");
      const redis = spawn(${JSON.stringify(command)}, ${JSON.stringify(args)}, { stdio: "ignore" });
      console.log(redis.pid);
      setInterval(() => {}, 60000);
    `;
    const parent = spawn(process.execPath, ["-e", parentScript], { stdio: ["ignore", "pipe", "inherit"] });
    let redisPid: number | undefined;
    try {
      const [firstChunk] = (await once(parent.stdout, "data")) as [Buffer];
      const pid = Number(firstChunk.toString("utf8").trim());
      redisPid = pid;
      await vi.waitFor(async () => expect(await redisCommand(port, ["PING"])).toBe("PONG"), { timeout: 30_000, interval: 100 });

      parent.kill("SIGKILL");
      await once(parent, "exit");

      // The process is what must be gone. Its port is not checked: on a busy machine another
      // test's server may take the freed port at once.
      await vi.waitFor(() => expect(isRunning(pid)).toBe(false), { timeout: 10_000, interval: 50 });
    } finally {
      parent.kill("SIGKILL");
      // Should this test fail, the orphan must not outlive it.
      if (redisPid !== undefined && isRunning(redisPid)) process.kill(redisPid, "SIGKILL");
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
