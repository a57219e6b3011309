import { AUTH_CONTENDERS } from "./bench-authorization.js";
import type { ColdStartResult } from "./bench-cold-start.js";
import { PUBLISHER_DEFAULTS } from "./bench-publisher-backpressure.js";
import { PUBLISHER_CONTENDERS, type PublisherResult } from "./bench-publisher.js";
import type { RuntimeResult } from "./bench-runtimes.js";
import { SCALE } from "./run-scale.js";
import { WEBHOOK_CONTENDERS } from "./bench-webhooks.js";
import type { Throughput } from "./measure-trigger-slices.js";
import type { SizesResult } from "./sizes-result.js";
import { times, whole } from "./markdown.js";
import { median, medianRatio } from "./rounds.js";
import { SIZE_BUDGETS, type BundleName } from "./measure-sizes.js";
import type { SuiteResult } from "./suite-result.js";
import { TRIGGER_CONTENDERS } from "./trigger-contenders.js";

/** A target of the issues, checked against one run. */
export interface TargetCheck {
  target: string;
  /** Undefined when the run could not measure it. */
  met: boolean | undefined;
  /** The figure that decided it, e.g. "1.42×" or "2.0 KB of 3.0 KB", or why it was not measured. */
  figure: string;
}

/** Trigger requests/s ≥ 1.0× official, and CPU per request ≤ official's. */
function triggerTargets(trigger: Record<string, Throughput>): TargetCheck[] {
  const ours = trigger[TRIGGER_CONTENDERS.ours];
  const official = trigger[TRIGGER_CONTENDERS.official];
  if (ours === undefined || official === undefined) throw new Error("the trigger result lacks ours or official");
  const speed = medianRatio(ours.perSecond, official.perSecond);
  const cpu = medianRatio(ours.cpuMicrosPerRequest, official.cpuMicrosPerRequest);
  return [
    { target: "trigger requests/s ≥ 1.0× official", met: speed >= 1, figure: times(speed) },
    {
      target: "trigger CPU µs per request ≤ official's",
      met: cpu <= 1,
      figure: `${whole(median(ours.cpuMicrosPerRequest))} vs ${whole(median(official.cpuMicrosPerRequest))} µs (${times(cpu)})`,
    },
  ];
}

const PUBLISHER_TARGET = "publisher events/s ≥ 5× official (one event per request)";

/** Publisher events/s ≥ 5× the official's trigger. */
function publisherTarget({ eventsPerSecond }: PublisherResult): TargetCheck {
  const ratio = medianRatio(eventsPerSecond[PUBLISHER_CONTENDERS.ours], eventsPerSecond[PUBLISHER_CONTENDERS.official]);
  return { target: PUBLISHER_TARGET, met: ratio >= 5, figure: times(ratio) };
}

/** Cold start (a) and (b) ≤ official. */
function coldStartTargets(coldStart: ColdStartResult): TargetCheck[] {
  const check = (target: string, ours: number[], official: number[]): TargetCheck => {
    const ratio = medianRatio(ours, official);
    return { target, met: ratio <= 1, figure: `${median(ours).toFixed(0)} vs ${median(official).toFixed(0)} ms (${times(ratio)})` };
  };
  return [
    check("cold start (a) import + first authenticate ≤ official", coldStart.oursAuth, coldStart.officialAuth),
    check("cold start (b) import + first trigger ≤ official", coldStart.oursTrigger, coldStart.officialTrigger),
  ];
}

/**
 * The speed and memory targets on one Node run. Where two of our APIs do the job (the leaf
 * package's function and the umbrella's method), the slower one must meet the target.
 */
export function checkSpeedTargets(result: SuiteResult): TargetCheck[] {
  const slowerOurs = (ops: Record<string, number[]>, leaf: string, umbrella: string, official: string): number =>
    Math.min(medianRatio(ops[leaf], ops[official]), medianRatio(ops[umbrella], ops[official]));
  const privateRatio = slowerOurs(result.authorization.private, AUTH_CONTENDERS.leaf, AUTH_CONTENDERS.umbrella, AUTH_CONTENDERS.official);
  const presenceRatio = slowerOurs(result.authorization.presence, AUTH_CONTENDERS.leaf, AUTH_CONTENDERS.umbrella, AUTH_CONTENDERS.official);
  const webhookRatio = slowerOurs(result.webhooks, WEBHOOK_CONTENDERS.leaf, WEBHOOK_CONTENDERS.umbrella, WEBHOOK_CONTENDERS.official);
  const heapRatio = result.memory.heapAfterTotal / result.memory.heapAfterFirst;
  const { backpressure } = result;
  const bounded = backpressure.queued <= PUBLISHER_DEFAULTS.maxQueued && backpressure.waiting <= PUBLISHER_DEFAULTS.maxWaiting;
  const growthMb = (backpressure.heapOutstanding - backpressure.heapBefore) / 1_048_576;
  return [
    { target: "private channel authorization ≥ 1.1× official", met: privateRatio >= 1.1, figure: times(privateRatio) },
    { target: "presence channel authorization ≥ 1.1× official", met: presenceRatio >= 1.1, figure: times(presenceRatio) },
    { target: "webhook verification ≥ 1.1× official", met: webhookRatio >= 1.1, figure: times(webhookRatio) },
    ...triggerTargets(result.trigger),
    publisherTarget(result.publisher),
    ...coldStartTargets(result.coldStartMs),
    {
      target: `heap after ${whole(SCALE.memoryTotalEvents)} published events ≤ 2× heap after ${whole(SCALE.memoryFirstEvents)}`,
      met: heapRatio <= 2,
      figure: times(heapRatio),
    },
    {
      target: `${whole(SCALE.backpressurePublishes)} publishes to a server that never answers: ≤ ${whole(PUBLISHER_DEFAULTS.maxQueued)} queued, ≤ ${whole(PUBLISHER_DEFAULTS.maxWaiting)} waiting`,
      met: bounded,
      figure: `${whole(backpressure.queued)} queued, ${whole(backpressure.waiting)} waiting; heap ${growthMb >= 0 ? "+" : ""}${growthMb.toFixed(1)} MB`,
    },
  ];
}

/** The trigger, publisher and cold-start targets under Bun or Deno. */
export function checkRuntimeTargets(result: RuntimeResult): TargetCheck[] {
  const notMeasured = (targets: string[], why: string): TargetCheck[] =>
    targets.map((target) => ({ target, met: undefined, figure: `not measured: ${why}` }));
  const trigger = result.trigger.measured
    ? triggerTargets(result.trigger.figures)
    : notMeasured(["trigger requests/s ≥ 1.0× official", "trigger CPU µs per request ≤ official's"], result.trigger.reason);
  const publisher = result.publisher.measured
    ? [publisherTarget(result.publisher.figures)]
    : notMeasured([PUBLISHER_TARGET], result.publisher.reason);
  const coldStart = result.coldStartMs.measured
    ? coldStartTargets(result.coldStartMs.figures)
    : notMeasured(
        ["cold start (a) import + first authenticate ≤ official", "cold start (b) import + first trigger ≤ official"],
        result.coldStartMs.reason,
      );
  return [...trigger, ...publisher, ...coldStart];
}

/** The size budgets (the same on every runtime). */
export function checkSizeTargets(sizes: SizesResult): TargetCheck[] {
  return (Object.keys(SIZE_BUDGETS) as BundleName[]).map((name) => {
    const bytes = sizes.bundles[name].ours;
    return {
      target: `${name} bundle ≤ ${kilobytes(SIZE_BUDGETS[name])} min+gz`,
      met: bytes <= SIZE_BUDGETS[name],
      figure: `${kilobytes(bytes)}`,
    };
  });
}

/** Bytes as kilobytes (1 KB = 1,024 bytes), one decimal. */
export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
