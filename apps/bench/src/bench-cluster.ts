import { createPublisher, createRestClient } from "@x/rest";
import { startLocalPusher, type LocalPusherOptions } from "@x/testing";
import Pusher from "pusher";
import { TRIGGER_CONCURRENCY } from "./bench-trigger.js";
import { receiveRun, type RunDelivery, type StampedEvent } from "./end-to-end-receivers.js";
import { percentile } from "./percentile.js";
import { runConcurrently } from "./run-concurrently.js";
import { SCALE } from "./run-scale.js";
import { asLocalServer, connectClient, soketiInstall, type LocalServer, type TestClient } from "tools-test-support";

export const CLUSTER_CONTENDERS = {
  publisher: "@x/rest createPublisher (defaults)",
  trigger: "@x/rest trigger",
  official: "pusher 5.3.4 trigger",
} as const;
type ContenderKey = keyof typeof CLUSTER_CONTENDERS;

/** The pusher-js clients of every topology: as many in all, spread over its nodes. */
export const CLUSTER_CLIENTS = 4;
const CHANNEL = "bench-e2e";

// soketi's limits, raised where they could throttle the benchmark: the app's rate limits
// (unlimited by default, said here so that a changed default cannot skew the figures) and the
// memory threshold past which its HTTP API refuses traffic (85 % by default).
const SOKETI_ENV = {
  SOKETI_DEFAULT_APP_MAX_BACKEND_EVENTS_PER_SEC: "-1",
  SOKETI_DEFAULT_APP_MAX_CLIENT_EVENTS_PER_SEC: "-1",
  SOKETI_DEFAULT_APP_MAX_READ_REQ_PER_SEC: "-1",
  SOKETI_DEFAULT_APP_MAX_CONNS: "-1",
  SOKETI_HTTP_ACCEPT_TRAFFIC_MEMORY_THRESHOLD: "100",
};

/** One contender on one topology, over all its rounds. */
export interface EndToEndFigures {
  /** Events sent, and deliveries expected (events × clients), received and received twice. */
  events: number;
  expected: number;
  received: number;
  duplicates: number;
  /** Events delivered to every client per second: events over the time from each run's first call to its last arrival. */
  eventsPerSecond: number;
  /** Latency from the call that sent an event to its arrival at a client, in ms (nearest rank). */
  p50: number;
  p95: number;
  p99: number;
}

/** One topology: its soketi nodes and where its clients were. */
export interface TopologyResult {
  label: string;
  /** The clients on each node, in node order; the events are always sent to the first node. */
  clientsPerNode: number[];
  figures?: Record<string, EndToEndFigures>;
  /** Why it could not be measured (e.g. no `redis-server`). */
  notMeasured?: string;
}

interface Topology {
  label: string;
  clientsPerNode: number[];
  start(): Promise<{ nodes: LocalServer[]; stop: () => Promise<void> }>;
}

// The nodes of a topology as startLocalPusher starts them, each stopped with the whole.
async function startTopology(options: LocalPusherOptions): Promise<{ nodes: LocalServer[]; stop: () => Promise<void> }> {
  const local = await startLocalPusher({ ...soketiInstall, ...options, env: SOKETI_ENV });
  return { nodes: local.nodes.map(asLocalServer), stop: () => local.close() };
}

const TOPOLOGIES: Topology[] = [
  { label: "1 soketi node", clientsPerNode: [CLUSTER_CLIENTS], start: () => startTopology({}) },
  { label: "1 soketi node over Redis (a 1-node cluster)", clientsPerNode: [CLUSTER_CLIENTS], start: () => startTopology({ redis: true }) },
  {
    label: "2 soketi nodes over Redis (triggers to node A)",
    clientsPerNode: [CLUSTER_CLIENTS / 2, CLUSTER_CLIENTS / 2],
    start: () => startTopology({ nodes: 2 }),
  },
];

/**
 * End to end on soketi (issue 16, part 3): pusher-js clients (the Node build, in this process, so
 * that their clock is the sender's) subscribed on every node of each topology; our publisher,
 * our `trigger` and the official `trigger` send the same events to the first node, 64 calls in
 * flight each (64 callers of `publish` for the publisher), in rounds taken in turn after a
 * warm-up. For each: events per second delivered to every client, the latency of each delivery
 * (p50/p95/p99), and the check that every client received every event exactly once. Every
 * process started (soketi, Redis) is stopped before the next topology starts.
 */
export async function benchCluster(progress: (line: string) => void): Promise<TopologyResult[]> {
  const results: TopologyResult[] = [];
  for (const topology of TOPOLOGIES) {
    progress(topology.label);
    try {
      results.push({ label: topology.label, clientsPerNode: topology.clientsPerNode, figures: await measureTopology(topology) });
    } catch (error) {
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      progress(`  not measured: ${reason}`);
      results.push({ label: topology.label, clientsPerNode: topology.clientsPerNode, notMeasured: reason ?? "failed" });
    }
  }
  return results;
}

async function measureTopology(topology: Topology): Promise<Record<string, EndToEndFigures>> {
  const { nodes, stop } = await topology.start();
  const clients: TestClient[] = [];
  try {
    for (const [index, count] of topology.clientsPerNode.entries()) {
      for (let client = 0; client < count; client++) clients.push(await connectClient(nodes[index] as LocalServer));
    }
    for (const client of clients) await client.subscribe(CHANNEL);
    const target = nodes[0] as LocalServer;
    const credentials = { appId: target.appId, key: target.key, secret: target.secret };
    const ours = createRestClient({ ...credentials, host: target.host, port: target.port, useTLS: false });
    const publisher = createPublisher(ours);
    const official = new Pusher({ ...credentials, host: target.host, port: String(target.port), useTLS: false });
    const send: Record<ContenderKey, (name: string, data: StampedEvent) => Promise<unknown>> = {
      publisher: (name, data) => publisher.publish({ channel: CHANNEL, name, data }),
      trigger: (name, data) => ours.trigger(CHANNEL, name, data),
      official: (name, data) => official.trigger(CHANNEL, name, data),
    };

    let runIndex = 0;
    const run = async (key: ContenderKey, count: number): Promise<RunDelivery & { durationMs: number }> => {
      const name = `e2e-${key}-${runIndex++}`;
      const receiving = receiveRun(clients, CHANNEL, name, count);
      const started = performance.now();
      await runConcurrently(count, TRIGGER_CONCURRENCY, (i) => send[key](name, { i, t: performance.now() }));
      const delivery = await receiving.done;
      return { ...delivery, durationMs: delivery.lastArrival - started };
    };

    const keys = Object.keys(CLUSTER_CONTENDERS) as ContenderKey[];
    for (const key of keys) await run(key, SCALE.clusterWarmUp);
    const runs = new Map<ContenderKey, (RunDelivery & { durationMs: number })[]>(keys.map((key) => [key, []]));
    const perRound = SCALE.clusterEvents / SCALE.clusterRounds;
    for (let round = 0; round < SCALE.clusterRounds; round++) {
      for (const key of keys) runs.get(key)?.push(await run(key, perRound));
    }
    await publisher.close();
    return Object.fromEntries(keys.map((key) => [CLUSTER_CONTENDERS[key], figures(runs.get(key) ?? [], perRound, clients.length)]));
  } finally {
    for (const client of clients) await client.disconnect();
    await stop();
  }
}

function figures(runs: readonly (RunDelivery & { durationMs: number })[], perRound: number, clients: number): EndToEndFigures {
  const events = runs.length * perRound;
  const latencies = new Float64Array(runs.reduce((sum, run) => sum + run.latencies.length, 0));
  let offset = 0;
  for (const run of runs) {
    latencies.set(run.latencies, offset);
    offset += run.latencies.length;
  }
  latencies.sort();
  const durationMs = runs.reduce((sum, run) => sum + run.durationMs, 0);
  return {
    events,
    expected: events * clients,
    received: runs.reduce((sum, run) => sum + run.received, 0),
    duplicates: runs.reduce((sum, run) => sum + run.duplicates, 0),
    eventsPerSecond: (events / durationMs) * 1000,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}
