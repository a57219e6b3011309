// How much each benchmark does. `BENCH_QUICK=1 pnpm bench` shrinks every count, to check in a
// minute or two that everything runs end to end (its figures mean nothing, and it writes no
// BENCHMARKS.md); the full run is what the report is made of. Child processes inherit the
// environment, so every suite sees the same choice.

/** Whether this is a quick run. */
export const QUICK = process.env.BENCH_QUICK === "1";

const pick = (full: number, quick: number): number => (QUICK ? quick : full);

/** Triggers in flight at once, for every contender of the trigger and publisher benchmarks. */
export const TRIGGER_CONCURRENCY = 64;

/** The counts of every benchmark, full or quick. */
export const SCALE = {
  /** tinybench rounds of the synchronous operations, each operation `opsRoundMs` per round. */
  opsRounds: pick(10, 2),
  opsRoundMs: pick(150, 40),
  opsWarmUpCalls: pick(20_000, 2_000),
  /** Trigger benchmark: requests per contender after a warm-up, in slices taken in turn. */
  triggerRequests: pick(20_000, 1_200),
  triggerWarmUp: pick(2_000, 200),
  triggerSlices: pick(10, 2),
  /** Publisher benchmark: events per contender, after a warm-up, in rounds taken in turn. */
  publisherEvents: pick(20_000, 2_000),
  publisherWarmUp: pick(5_000, 500),
  publisherRounds: pick(4, 2),
  /** Fresh processes per cold-start contender (after one unmeasured run each). */
  coldStartRuns: pick(15, 3),
  /** The heap milestones of the publisher memory benchmark. */
  memoryFirstEvents: pick(10_000, 2_000),
  memoryTotalEvents: pick(100_000, 20_000),
  /** Publishes thrown at a server that never answers, and how long each may wait for room. */
  backpressurePublishes: 100_000,
  backpressureMaxWaitMs: pick(2_000, 500),
  /** End to end on soketi: events per contender and topology, in rounds, after a warm-up. */
  clusterEvents: pick(3_000, 300),
  clusterRounds: pick(3, 1),
  clusterWarmUp: pick(500, 100),
} as const;
