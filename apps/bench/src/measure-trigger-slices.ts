import { runConcurrently } from "./run-concurrently.js";
import type { TriggerContender } from "./trigger-contenders.js";

/** One contender's throughput, and the CPU time this process spent per request. */
export interface Throughput {
  perSecond: number;
  cpuMicrosPerRequest: number;
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
 * ones each. The requests go in slices taken in turn (first contender, second, …, first, …), so
 * that load from elsewhere on a shared machine falls on every contender alike; a contender's
 * figure is its requests over the wall time of its own slices, and the CPU time of this process
 * (user + system, from `process.cpuUsage`) over those slices, per request. Shared by the Node
 * suite and the Bun/Deno one (which bundles this file). Closes every contender.
 */
export async function measureTriggerSlices(
  contenders: readonly TriggerContender[],
  options: TriggerSliceOptions,
): Promise<Record<string, Throughput>> {
  const { requests, warmUp, slices, concurrency } = options;
  for (const contender of contenders) await runConcurrently(warmUp, concurrency, () => contender.trigger());
  const wallMs = contenders.map(() => 0);
  const cpuMicros = contenders.map(() => 0);
  for (let slice = 0; slice < slices; slice++) {
    for (const [index, contender] of contenders.entries()) {
      const cpu = process.cpuUsage();
      wallMs[index]! += await runConcurrently(requests / slices, concurrency, () => contender.trigger());
      const used = process.cpuUsage(cpu);
      cpuMicros[index]! += used.user + used.system;
    }
  }
  for (const contender of contenders) contender.close();
  return Object.fromEntries(
    contenders.map((contender, index) => [
      contender.name,
      { perSecond: (requests / wallMs[index]!) * 1000, cpuMicrosPerRequest: cpuMicros[index]! / requests },
    ]),
  );
}
