import { oursWithContractTrigger, oursWithNoopHooksTrigger, oursWithOpenTelemetryTrigger } from "./hook-contenders.js";
import { measureTriggerSlices, type Throughput } from "./measure-trigger-slices.js";
import { SCALE, TRIGGER_CONCURRENCY } from "./run-scale.js";
import type { Sink } from "./start-sink.js";
import { floorTrigger, officialTrigger, oursOverFetchTrigger, oursTrigger } from "./trigger-contenders.js";

export { TRIGGER_CONCURRENCY };

/**
 * Trigger throughput against the sink, on Node: `@x/rest` plain, with four no-op hooks and with
 * OpenTelemetry hooks (the hook cost of issue 17), with a zod `eventSchemas` (issue 24), over the built-in `fetch`, the official SDK and
 * the floor, in interleaved slices (see {@link measureTriggerSlices}). Checks that the sink
 * answered exactly the requests sent and that the traced client ended one span per request.
 */
export async function benchTrigger(sink: Sink): Promise<Record<string, Throughput>> {
  const traced = oursWithOpenTelemetryTrigger(sink.port);
  const contenders = [
    oursTrigger(sink.port),
    oursWithNoopHooksTrigger(sink.port),
    traced,
    oursWithContractTrigger(sink.port),
    oursOverFetchTrigger(sink.port),
    officialTrigger(sink.port),
    floorTrigger(sink.port),
  ];
  const before = await sink.requestCount();
  const result = await measureTriggerSlices(contenders, {
    requests: SCALE.triggerRequests,
    warmUp: SCALE.triggerWarmUp,
    slices: SCALE.triggerSlices,
    concurrency: TRIGGER_CONCURRENCY,
  });
  const perContender = SCALE.triggerWarmUp + SCALE.triggerRequests;
  const sent = (await sink.requestCount()) - before;
  if (sent !== contenders.length * perContender)
    throw new Error(`the sink answered ${sent} trigger requests, not ${contenders.length * perContender}`);
  if (traced.spansEnded() !== perContender)
    throw new Error(`the traced client ended ${traced.spansEnded()} spans for ${perContender} requests`);
  return result;
}
