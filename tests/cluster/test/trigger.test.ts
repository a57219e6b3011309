import { skipClusterTests, type ClusterNode, type TestClient } from "tools-test-support";
import type { Pusher } from "@x/server";
import { beforeAll, describe, expect, it } from "vitest";
import { pusherOn } from "./support/client-pool.ts";
import { useClusterSuite } from "./support/cluster-suite.ts";

// The publisher (node A's HTTP API) and the subscribers (pusher-js clients on nodes A and B) are
// on different machines of a cluster: every event reaches node B's sockets through Redis.
describe.skipIf(skipClusterTests())("events triggered through node A of a two-node cluster", () => {
  const suite = useClusterSuite({ nodes: 2 });
  const { pool } = suite;
  let a: ClusterNode;
  let b: ClusterNode;
  let pusher: Pusher;

  beforeAll(() => {
    [a, b] = suite.nodes as [ClusterNode, ClusterNode];
    pusher = pusherOn(a);
  });

  async function subscribed(clients: TestClient[], channels: string[]): Promise<void> {
    for (const client of clients) for (const channel of channels) await client.subscribe(channel);
  }

  // Events on a channel reach a socket in the order node A accepted them (node B's sockets get
  // them in the order node A published them to Redis): once a final "end" event has arrived on a
  // channel, every earlier event, and any duplicate of one, would have arrived before it.
  async function endEach(clients: TestClient[], channels: string[]): Promise<void> {
    const ends = clients.flatMap((client) => channels.map((channel) => client.waitForEvent(channel, "end", { timeoutMs: 30_000 })));
    await pusher.trigger(channels, "end", {});
    await Promise.all(ends);
  }

  it("trigger() through node A reaches a client on A and a client on B once each, in the order triggered", async () => {
    const clients = [await pool.connect(a), await pool.connect(b)];
    await subscribed(clients, ["news"]);
    const received = clients.map((client) => client.collect("news", "item"));

    for (let n = 0; n < 20; n++) await pusher.trigger("news", "item", { n });
    await endEach(clients, ["news"]);

    const expected = Array.from({ length: 20 }, (_, n) => ({ n }));
    expect(received).toEqual([expected, expected]);
  });

  it("trigger() to several channels through node A, in one request or split over three, delivers once per channel on A and B", async () => {
    const clients = [await pool.connect(a), await pool.connect(b)];
    const channels = ["multi-0", "multi-1", "multi-2", "multi-3", "multi-4"];
    await subscribed(clients, channels);
    const received = clients.map((client) => channels.map((channel) => client.collect(channel, "ping")));

    await pusher.trigger(channels.slice(0, 3), "ping", { round: 1 });
    // Two channels per request: three requests for five channels.
    await pusherOn(a, { maxChannelsPerTrigger: 2 }).trigger(channels, "ping", { round: 2 });
    await endEach(clients, channels);

    const perChannel = [
      [{ round: 1 }, { round: 2 }],
      [{ round: 1 }, { round: 2 }],
      [{ round: 1 }, { round: 2 }],
      [{ round: 2 }],
      [{ round: 2 }],
    ];
    expect(received).toEqual([perChannel, perChannel]);
  });

  it("trigger(events) through node A, split into batches of 10, arrives once each and in order per channel on A and B", async () => {
    const clients = [await pool.connect(a), await pool.connect(b)];
    await subscribed(clients, ["batch-even", "batch-odd"]);
    const received = clients.map((client) => [client.collect("batch-even", "step"), client.collect("batch-odd", "step")]);

    const events = Array.from({ length: 25 }, (_, i) => ({ channel: i % 2 === 0 ? "batch-even" : "batch-odd", name: "step", data: { i } }));
    await expect(pusher.trigger(events)).resolves.toEqual({ batch: events.map(() => ({})) });
    await endEach(clients, ["batch-even", "batch-odd"]);

    const even = events.filter((_, i) => i % 2 === 0).map((event) => event.data);
    const odd = events.filter((_, i) => i % 2 === 1).map((event) => event.data);
    expect(received).toEqual([
      [even, odd],
      [even, odd],
    ]);
  });

  it("socketId excludes a socket on node B from a trigger, a multi-channel trigger and a batch event sent through node A, and no one else", async () => {
    const onA = await pool.connect(a);
    const onB = await pool.connect(b);
    const excluded = await pool.connect(b);
    const clients = [onA, onB, excluded];
    await subscribed(clients, ["room", "room-2"]);
    const [seenOnA, seenOnB, seenByExcluded] = clients.map((client) => [client.collect("room", "said"), client.collect("room-2", "said")]);
    const socketId = excluded.socketId;

    await pusher.trigger("room", "said", "one", { socketId });
    await pusher.trigger(["room", "room-2"], "said", "two", { socketId });
    await pusher.trigger([
      { channel: "room", name: "said", data: "three", socketId },
      // The same batch, without socketId: this one reaches the socket.
      { channel: "room-2", name: "said", data: "three" },
    ]);
    await endEach(clients, ["room", "room-2"]);

    expect(seenOnA).toEqual([
      ["one", "two", "three"],
      ["two", "three"],
    ]);
    expect(seenOnB).toEqual(seenOnA);
    expect(seenByExcluded).toEqual([[], ["three"]]);
  });
});
