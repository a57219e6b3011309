// startLocalPusher({ nodes }): soketi nodes sharing a private redis-server, or a Redis given by URL.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import Pusher from "pusher";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startLocalPusher, type LocalPusher } from "../src/index.js";
import { findExecutable } from "../src/prerequisites.js";
import { startRedis, subscriberCount } from "../src/redis.js";
import { childrenOf, connectionRefused, isRunning } from "./support/processes.js";
import { connectTo, type Client } from "./support/pusher-js.js";

// In CI the cluster tests run, and fail without Redis; elsewhere they are skipped without it.
const redisServer = findExecutable("redis-server");
const skip = redisServer === undefined && !process.env.CI;
if (skip) console.warn("Skipping the cluster tests of @x/testing: no redis-server on PATH (apt-get install -y redis-server).");

describe.skipIf(skip)("startLocalPusher({ nodes: 3 })", () => {
  let cluster: LocalPusher;
  const clients: Client[] = [];
  const childrenBefore = childrenOf(process.pid);

  beforeAll(async () => {
    cluster = await startLocalPusher({ nodes: 3, secret: "cluster-secret" });
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await cluster?.close();
  });

  async function clientOn(index: number): Promise<Client> {
    const client = await connectTo(cluster.nodes[index]!);
    clients.push(client);
    return client;
  }

  it("starts the nodes on distinct loopback ports with one app, over a private Redis; the cluster's options are its first node's", () => {
    const ports = cluster.nodes.map((node) => node.config.port);
    expect(new Set(ports).size).toBe(3);
    for (const node of cluster.nodes) {
      expect(node.config).toMatchObject({ appId: "1000001", key: "local-app-key", secret: "cluster-secret", host: "127.0.0.1" });
      expect(node.clientOptions.wsPort).toBe(node.config.port);
    }
    expect([cluster.url, cluster.config, cluster.clientOptions]).toEqual([
      cluster.nodes[0]!.url,
      cluster.nodes[0]!.config,
      cluster.nodes[0]!.clientOptions,
    ]);
    expect(cluster.redisUrl).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
  });

  it("an event triggered on node A reaches a client on node C, and node A counts C's subscriber", async () => {
    const client = await clientOn(2);
    await client.subscribe("across");
    const received = client.next("across", "hop");
    await Pusher.forURL(cluster.nodes[0]!.url).trigger("across", "hop", { from: "a" });
    expect(await received).toEqual({ from: "a" });
    const channels = await Pusher.forURL(cluster.nodes[0]!.url).get({ path: "/channels" });
    expect(await channels.json()).toEqual({ channels: { across: { occupied: true, subscription_count: 1 } } });
  });

  it("node.kill() ends one node at once, and the others go on delivering", async () => {
    const client = await clientOn(1);
    await client.subscribe("survivors");
    const killed = cluster.nodes[2]!;
    await killed.kill();
    expect(isRunning(killed.pid)).toBe(false);
    expect(await connectionRefused(killed.config.port)).toBe(true);
    const received = client.next("survivors", "still-here");
    await Pusher.forURL(cluster.url).trigger("survivors", "still-here", "yes");
    expect(await received).toBe("yes");
  });

  it("close() ends every node and the Redis, closes their ports, and leaves no child process", async () => {
    for (const client of clients.splice(0)) client.disconnect();
    const redisPort = Number(new URL(cluster.redisUrl!).port);
    await cluster.close();
    for (const node of cluster.nodes) {
      expect(isRunning(node.pid)).toBe(false);
      expect(await connectionRefused(node.config.port)).toBe(true);
    }
    expect(await connectionRefused(redisPort)).toBe(true);
    expect(childrenOf(process.pid)).toEqual(childrenBefore);
  });
});

describe.skipIf(skip)("startLocalPusher({ redis })", () => {
  it("redis: a URL shares that Redis between two nodes, each cluster under a prefix of its own, and close() leaves it running", async () => {
    const redis = await startRedis(redisServer ?? "redis-server", 45_000);
    try {
      const url = `redis://127.0.0.1:${redis.address.port}`;
      const [first, second] = await Promise.all([startLocalPusher({ nodes: 2, redis: url }), startLocalPusher({ redis: url })]);
      try {
        expect([first.redisUrl, second.redisUrl]).toEqual([url, url]);
        const client = await connectTo(first.nodes[1]!);
        await client.subscribe("shared");
        const received = client.next("shared", "ping");
        await Pusher.forURL(first.url).trigger("shared", "ping", 1);
        expect(await received).toBe(1);
        // The first cluster counts the subscriber; the other, on the same Redis, knows nothing of it.
        expect(await (await Pusher.forURL(first.url).get({ path: "/channels" })).json()).toEqual({
          channels: { shared: { occupied: true, subscription_count: 1 } },
        });
        expect(await (await Pusher.forURL(second.url).get({ path: "/channels" })).json()).toEqual({ channels: {} });
        client.disconnect();
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
      expect(await subscriberCount(redis.address, "anything")).toBe(0);
    } finally {
      await redis.stop();
    }
  });

  it("dies with the process that started it, even one killed with SIGKILL: soketi by its watchdog, Redis by the kernel", async () => {
    // The built package, as a user's process loads it.
    const script = `import { startLocalPusher } from "@x/testing"; await startLocalPusher({ nodes: 2 }); console.log("up"); setInterval(() => {}, 60_000);`;
    const parent = spawn(process.execPath, ["--input-type=module", "-e", script], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      stdio: ["ignore", "pipe", "inherit"],
    });
    let started: number[] = [];
    try {
      await once(parent.stdout, "data");
      started = childrenOf(parent.pid!);
      expect(started).toHaveLength(3);
      parent.kill("SIGKILL");
      await once(parent, "exit");
      await vi.waitFor(() => expect(started.filter(isRunning)).toEqual([]), { timeout: 10_000, interval: 50 });
    } finally {
      parent.kill("SIGKILL");
      // Should the test fail, no orphan outlives it.
      for (const pid of started.filter(isRunning)) process.kill(pid, "SIGKILL");
    }
  });
});
