import { roundOrder } from "./rounds.js";
import { runConcurrently } from "./run-concurrently.js";
import type { TriggerContender } from "./trigger-contenders.js";

/** One contender's throughput, and the CPU time this process spent per request, in each slice. */
export interface Throughput {
  perSecond: number[];
  cpuMicrosPerRequest: number[];
}

/** How many triggers, how many at once, in how many slices. */
export interface TriggerSliceOptions {
  requests: number;
  warmUp: number;
  slices: number;
  concurrency: number;
}

/**
 * Sends `requests` triggers per contender, `concurrency` in flight, after `warmUp` unmeasured
 * ones each. The requests go in slices, the rounds of rounds.ts: every contender sends one slice per
 * round, the order reversed every other round, so that load from elsewhere on a shared machine falls
 * on every contender alike. Each slice gives the contender's requests per second over its wall time,
 * and the CPU time of this process (user + system, from `process.cpuUsage`) per request. Shared by
 * the Node suite and the Bun/Deno one (which bundles this file). Closes every contender.
 */
export async function measureTriggerSlices(
  contenders: readonly TriggerContender[],
  options: TriggerSliceOptions,
): Promise<Record<string, Throughput>> {
  const { requests, warmUp, slices, concurrency } = options;
  const perSlice = requests / slices;
  for (const contender of contenders) await runConcurrently(warmUp, concurrency, () => contender.trigger());
  const result: Record<string, Throughput> = Object.fromEntries(
    contenders.map((contender) => [contender.name, { perSecond: [], cpuMicrosPerRequest: [] }]),
  );
  for (let slice = 0; slice < slices; slice++) {
    for (const contender of roundOrder(contenders, slice)) {
      const cpu = process.cpuUsage();
      const wallMs = await runConcurrently(perSlice, concurrency, () => contender.trigger());
      const used = process.cpuUsage(cpu);
      result[contender.name]?.perSecond.push((perSlice / wallMs) * 1000);
      result[contender.name]?.cpuMicrosPerRequest.push((used.user + used.system) / perSlice);
    }
  }
  for (const contender of contenders) contender.close();
  return result;
}
