import { Bench } from "tinybench";
import { SCALE } from "./run-scale.js";
import { roundOrder, type Rounds } from "./rounds.js";

/** A synchronous operation to measure, under the name the report gives it. */
export interface Operation {
  name: string;
  run: () => unknown;
}

/** Operations per second of each operation in every round, by name. */
export type OpsPerSecond = Rounds;

/**
 * Measures synchronous operations with tinybench, side by side: every round runs each operation
 * for `timeMs` in turn, in the order of rounds.ts (reversed every other round), so that a burst of
 * load from elsewhere on a shared machine skews one round of one operation, not the comparison.
 * Each operation first runs 20,000 times unmeasured (2,000 in a quick run): a benchmark of something
 * that throws is void, and the rounds measure optimised code.
 */
export async function measureOps(
  operations: readonly Operation[],
  rounds = SCALE.opsRounds,
  timeMs = SCALE.opsRoundMs,
): Promise<OpsPerSecond> {
  // Checked, and optimised by the JIT, before any round counts.
  for (const operation of operations) for (let call = 0; call < SCALE.opsWarmUpCalls; call++) operation.run();
  const samples: OpsPerSecond = Object.fromEntries(operations.map((operation) => [operation.name, []]));
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time: timeMs, warmupTime: 20, throws: true });
    for (const operation of roundOrder(operations, round)) bench.add(operation.name, operation.run);
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (!("period" in result)) throw new Error(`${task.name} did not complete`);
      samples[task.name]?.push(1000 / result.period);
    }
  }
  return samples;
}
