import { skipClusterTests, type ClusterNode, type TestClient } from "tools-test-support";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { startApp, type AppProcess, type Verdict } from "./support/app-process.ts";
import { pusherOn } from "./support/client-pool.ts";
import { useClusterSuite } from "./support/cluster-suite.ts";

const CHANNELS = ["feed-0", "feed-1", "feed-2"];
// What a failed publish may be: the node is gone (refused or reset connection), it went silent,
// or it answered with an error before it died.
const FAILURES_OF_A_DEAD_NODE = ["PusherNetworkError", "PusherTimeoutError", "PusherHttpError"];

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

function idsOf(verdicts: readonly Verdict[], ok: boolean): string[] {
  return verdicts.filter((verdict) => verdict.ok === ok).map((verdict) => verdict.id);
}

function fromApp(ids: readonly string[], app: string): string[] {
  return ids.filter((id) => id.startsWith(`${app}:`));
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

// The batching publisher of @x/rest in several app processes, one per node as behind a load
// balancer; the subscribers are spread over the nodes, so most events cross Redis.
describe.skipIf(skipClusterTests())("the batching publisher in one app process per node of a three-node cluster", () => {
  const suite = useClusterSuite({ nodes: 3 });
  const { pool } = suite;
  const apps: AppProcess[] = [];

  // Registered after the cluster's hooks, so run before them: the apps stop before their nodes.
  const stopApps = () => Promise.all(apps.splice(0).map((app) => app.process.stop()));
  afterEach(stopApps);
  afterAll(stopApps);

  // One client per node, subscribed to every channel; each records the id of every event it gets.
  async function subscribersOnEveryNode(): Promise<{ client: TestClient; node: ClusterNode; received: string[] }[]> {
    return Promise.all(
      suite.nodes.map(async (node) => {
        const client = await pool.connect(node);
        const received: string[] = [];
        for (const channel of CHANNELS) {
          await client.subscribe(channel);
          client.pusher.channel(channel).bind("tick", (data: { id: string }) => received.push(data.id));
        }
        return { client, node, received };
      }),
    );
  }

  // Events reach a socket in the order each node published them: once an "end" event sent
  // through every live node has arrived on every channel, so has every event (and any duplicate
  // of one) that those nodes published before.
  async function endThrough(nodes: ClusterNode[], clients: TestClient[]): Promise<void> {
    const ends = clients.flatMap((client) =>
      CHANNELS.map((channel) => {
        const seen: unknown[] = [];
        client.pusher.channel(channel).bind("end", (data: unknown) => seen.push(data));
        return seen;
      }),
    );
    for (const node of nodes) await pusherOn(node).trigger(CHANNELS, "end", { through: node.index });
    await vi.waitFor(() => expect(ends.every((seen) => seen.length === nodes.length)).toBe(true), { timeout: 30_000, interval: 20 });
  }

  it("delivers every event of every app process exactly once to the clients on every node, and reports each as published", async () => {
    const subscribers = await subscribersOnEveryNode();
    const count = 200;
    apps.push(...suite.nodes.map((node) => startApp(`app-${node.index}`, node, { channels: CHANNELS, count })));

    const published = await Promise.all(apps.map((app) => app.done));
    expect(published).toEqual([count, count, count]);
    await endThrough(
      suite.nodes,
      subscribers.map(({ client }) => client),
    );

    const allIds = apps.flatMap((app) => Array.from({ length: count }, (_, index) => `${app.name}:${index}`));
    for (const app of apps) {
      expect(app.verdicts.filter((verdict) => !verdict.ok)).toEqual([]);
      expect(sorted(app.verdicts.map((verdict) => verdict.id))).toEqual(sorted(fromApp(allIds, app.name)));
    }
    for (const { received } of subscribers) {
      expect(duplicates(received)).toEqual([]);
      expect(sorted(received)).toEqual(sorted(allIds));
    }
  });

  it("an app process whose output the test reads late still reports every verdict and done", async () => {
    const [node] = suite.nodes as [ClusterNode];
    const { received } = (await subscribersOnEveryNode())[0]!;
    // More lines than the test process buffers (64 KiB) and the socket between them holds
    // together: while the test does not read, the app's last writes wait in the app.
    const count = 2_000;
    const app = startApp("late-read", node, { channels: CHANNELS, count });
    apps.push(app);
    app.process.child.stdout.pause();

    // Every event has reached a client, so the app is at its end: an app that left with
    // process.exit() before its output had gone would be gone now, its last lines with it.
    await vi.waitFor(() => expect(received.length).toBe(count), { timeout: 30_000, interval: 20 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    app.process.child.stdout.resume();

    expect(await app.done).toBe(count);
    expect(app.verdicts.filter((verdict) => !verdict.ok)).toEqual([]);
    expect(app.verdicts.length).toBe(count);
  });

  it("a node killed mid-run fails the events routed to it with typed errors, per event, while the other nodes' events keep flowing", async () => {
    const subscribers = await subscribersOnEveryNode();
    const [a, b, c] = suite.nodes as [ClusterNode, ClusterNode, ClusterNode];
    const [appA, appB, appC] = suite.nodes.map((node) => startApp(`app-${node.index}`, node, { channels: CHANNELS })) as [
      AppProcess,
      AppProcess,
      AppProcess,
    ];
    apps.push(appA, appB, appC);
    const survivors = subscribers.filter(({ node }) => node !== c);

    // Every app's events flow to every node before node C dies.
    await vi.waitFor(
      () => {
        for (const { received } of subscribers)
          for (const app of apps) expect(fromApp(received, app.name).length).toBeGreaterThanOrEqual(30);
      },
      { timeout: 30_000, interval: 20 },
    );
    await c.kill();
    const reportedAtKill = [appA.verdicts.length, appB.verdicts.length];

    // App C's publishes now fail, and apps A and B go on publishing through the living nodes.
    await vi.waitFor(
      () => {
        expect(idsOf(appC.verdicts, false).length).toBeGreaterThanOrEqual(5);
        expect(appA.verdicts.length).toBeGreaterThanOrEqual(reportedAtKill[0]! + 60);
        expect(appB.verdicts.length).toBeGreaterThanOrEqual(reportedAtKill[1]! + 60);
      },
      { timeout: 30_000, interval: 20 },
    );
    for (const app of apps) app.requestStop();
    const published = await Promise.all(apps.map((app) => app.done));
    await endThrough(
      [a, b],
      survivors.map(({ client }) => client),
    );

    // Each event published has exactly one verdict.
    apps.forEach((app, index) => {
      expect(sorted(app.verdicts.map((verdict) => verdict.id))).toEqual(
        sorted(Array.from({ length: published[index]! }, (_, seq) => `${app.name}:${seq}`)),
      );
    });
    // Apps A and B never failed; app C failed with typed errors only, and succeeded before.
    expect([idsOf(appA.verdicts, false), idsOf(appB.verdicts, false)]).toEqual([[], []]);
    const failures = appC.verdicts.filter((verdict) => !verdict.ok);
    expect(failures.length).toBeGreaterThanOrEqual(5);
    for (const { error } of failures) {
      expect(error?.isPusherError).toBe(true);
      expect(FAILURES_OF_A_DEAD_NODE).toContain(error?.name);
    }
    expect(idsOf(appC.verdicts, true).length).toBeGreaterThanOrEqual(30);

    const delivered = new Set(apps.flatMap((app) => idsOf(app.verdicts, true)));
    const failed = new Set(failures.map((verdict) => verdict.id));
    for (const { received } of survivors) {
      expect(duplicates(received)).toEqual([]);
      // Nothing reported as published was missed...
      const arrived = new Set(received);
      expect([...delivered].filter((id) => !arrived.has(id))).toEqual([]);
      // ...and what arrived without being reported as published was in flight to node C when
      // it died (it published to Redis, then died before answering).
      expect(received.filter((id) => !delivered.has(id) && !failed.has(id))).toEqual([]);
    }
    // The client of node C got some events before its node died, each once, each reported.
    const onDeadNode = subscribers.find(({ node }) => node === c)!.received;
    expect(duplicates(onDeadNode)).toEqual([]);
    expect(onDeadNode.filter((id) => !delivered.has(id) && !failed.has(id))).toEqual([]);
  });
});
