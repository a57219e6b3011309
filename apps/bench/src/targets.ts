import { AUTH_CONTENDERS } from "./bench-authorization.js";
import { PUBLISHER_CONTENDERS } from "./bench-publisher.js";
import { WEBHOOK_CONTENDERS } from "./bench-webhooks.js";
import type { SizesResult } from "./sizes-result.js";
import { SIZE_BUDGETS, type BundleName } from "./measure-sizes.js";
import type { SuiteResult } from "./suite-result.js";
import { TRIGGER_CONTENDERS } from "./trigger-contenders.js";

/** A target of the issue, checked against one run. */
export interface TargetCheck {
  target: string;
  met: boolean;
  /** The figure that decided it, e.g. "1.42×" or "2.0 KB of 3.0 KB". */
  figure: string;
}

const times = (ratio: number): string => `${ratio.toFixed(2)}×`;

/**
 * The speed and memory targets of the issue on one run. Where two of our APIs do the job (the
 * leaf package's function and the umbrella's method), the slower one must meet the target.
 */
export function checkSpeedTargets(result: SuiteResult): TargetCheck[] {
  const slowerOurs = (ops: Record<string, number>, leaf: string, umbrella: string, official: string): number =>
    Math.min(ops[leaf] ?? 0, ops[umbrella] ?? 0) / (ops[official] ?? Number.NaN);
  const privateRatio = slowerOurs(result.authorization.private, AUTH_CONTENDERS.leaf, AUTH_CONTENDERS.umbrella, AUTH_CONTENDERS.official);
  const presenceRatio = slowerOurs(result.authorization.presence, AUTH_CONTENDERS.leaf, AUTH_CONTENDERS.umbrella, AUTH_CONTENDERS.official);
  const webhookRatio = slowerOurs(result.webhooks, WEBHOOK_CONTENDERS.leaf, WEBHOOK_CONTENDERS.umbrella, WEBHOOK_CONTENDERS.official);
  const { trigger } = result;
  const triggerRatio = (trigger[TRIGGER_CONTENDERS.ours]?.perSecond ?? 0) / (trigger[TRIGGER_CONTENDERS.official]?.perSecond ?? Number.NaN);
  const { eventsPerSecond } = result.publisher;
  const publisherRatio = (eventsPerSecond[PUBLISHER_CONTENDERS.ours] ?? 0) / (eventsPerSecond[PUBLISHER_CONTENDERS.official] ?? Number.NaN);
  const heapRatio = result.memory.heapAfter100k / result.memory.heapAfter10k;
  return [
    { target: "private channel authorization ≥ 1.1× official", met: privateRatio >= 1.1, figure: times(privateRatio) },
    { target: "presence channel authorization ≥ 1.1× official", met: presenceRatio >= 1.1, figure: times(presenceRatio) },
    { target: "webhook verification ≥ 1.1× official", met: webhookRatio >= 1.1, figure: times(webhookRatio) },
    { target: "trigger requests/s ≥ 1.0× official", met: triggerRatio >= 1.0, figure: times(triggerRatio) },
    { target: "publisher events/s ≥ 5× official", met: publisherRatio >= 5, figure: times(publisherRatio) },
    { target: "heap after 100,000 events ≤ 2× heap after 10,000", met: heapRatio <= 2, figure: times(heapRatio) },
  ];
}

/** The size budgets of the issue (the same on every Node version). */
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
