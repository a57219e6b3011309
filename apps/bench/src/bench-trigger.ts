import { runConcurrently } from "./run-concurrently.js";
import type { Sink } from "./start-sink.js";
import { floorTrigger, officialTrigger, oursOverFetchTrigger, oursTrigger } from "./trigger-contenders.js";

/** One contender's throughput, and the CPU time this process spent per request. */
export interface Throughput {
  perSecond: number;
  cpuMicrosPerRequest: number;
}

export const TRIGGER_CONCURRENCY = 64;
export const TRIGGER_REQUESTS = 20_000;
const WARM_UP_REQUESTS = 2_000;
const SLICES = 10;

/**
 * Trigger throughput against the sink: each contender sends `TRIGGER_REQUESTS` triggers, 64 in
 * flight, after a warm-up. The requests go in slices taken in turn (ours, ours over the built-in
 * fetch, official, floor, ours, …), so that load from elsewhere on a shared machine falls on every contender alike; a
 * contender's figure is its requests over the time of its own slices.
 */
export async function benchTrigger(sink: Sink): Promise<Record<string, Throughput>> {
  const contenders = [oursTrigger(sink.port), oursOverFetchTrigger(sink.port), officialTrigger(sink.port), floorTrigger(sink.port)];
  const before = await sink.requestCount();
  for (const contender of contenders) await runConcurrently(WARM_UP_REQUESTS, TRIGGER_CONCURRENCY, () => contender.trigger());
  const wallMs = contenders.map(() => 0);
  const cpuMicros = contenders.map(() => 0);
  for (let slice = 0; slice < SLICES; slice++) {
    for (const [index, contender] of contenders.entries()) {
      const cpu = process.cpuUsage();
      wallMs[index]! += await runConcurrently(TRIGGER_REQUESTS / SLICES, TRIGGER_CONCURRENCY, () => contender.trigger());
      const used = process.cpuUsage(cpu);
      cpuMicros[index]! += used.user + used.system;
    }
  }
  for (const contender of contenders) contender.close();
  const sent = (await sink.requestCount()) - before;
  const expected = contenders.length * (WARM_UP_REQUESTS + TRIGGER_REQUESTS);
  if (sent !== expected) throw new Error(`the sink answered ${sent} trigger requests, not ${expected}`);
  return Object.fromEntries(
    contenders.map((contender, index) => [
      contender.name,
      { perSecond: (TRIGGER_REQUESTS / wallMs[index]!) * 1000, cpuMicrosPerRequest: cpuMicros[index]! / TRIGGER_REQUESTS },
    ]),
  );
}
