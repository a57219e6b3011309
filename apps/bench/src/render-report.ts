import { AUTH_CONTENDERS } from "./bench-authorization.js";
import { COLD_START_CONTENDERS } from "./bench-cold-start.js";
import { PUBLISHER_CALLERS, PUBLISHER_CONTENDERS, PUBLISHER_EVENTS, PUBLISHER_WARM_UP_EVENTS } from "./bench-publisher.js";
import { TRIGGER_CONCURRENCY, TRIGGER_REQUESTS } from "./bench-trigger.js";
import { TRIGGER_CONTENDERS } from "./trigger-contenders.js";
import { WEBHOOK_CONTENDERS } from "./bench-webhooks.js";
import { SIZE_BUDGETS, type BundleName } from "./measure-sizes.js";
import type { SizesResult } from "./sizes-result.js";
import type { SuiteResult } from "./suite-result.js";
import { checkSizeTargets, checkSpeedTargets, kilobytes } from "./targets.js";

const TRIGGER_ROWS = Object.values(TRIGGER_CONTENDERS);

const whole = (value: number): string => Math.round(value).toLocaleString("en-US");
const ratio = (value: number, to: number | undefined): string => (to === undefined || to === 0 ? "—" : `${(value / to).toFixed(2)}×`);
const nodeName = (run: SuiteResult): string => `Node ${run.node.slice(1)}`;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Rows of "value, × official, × floor" for each contender, one column group per run. */
function comparison(
  runs: readonly SuiteResult[],
  contenders: readonly string[],
  valueOf: (run: SuiteResult, contender: string) => number | undefined,
  official: string,
  floor: string | undefined,
  unit: string,
): string {
  const header = ["", ...runs.flatMap((run) => [`${nodeName(run)} ${unit}`, "× official", ...(floor === undefined ? [] : ["× floor"])])];
  const rows = contenders.map((contender) => [
    contender,
    ...runs.flatMap((run) => {
      const value = valueOf(run, contender) ?? Number.NaN;
      const cells = [whole(value), ratio(value, valueOf(run, official))];
      return floor === undefined ? cells : [...cells, ratio(value, valueOf(run, floor))];
    }),
  ]);
  return table(header, rows);
}

/** The Markdown of BENCHMARKS.md (also printed by `pnpm bench`). */
export function renderReport(sizes: SizesResult, runs: readonly SuiteResult[]): string {
  const first = runs[0];
  if (first === undefined) throw new Error("no run to report");
  const sizeChecks = checkSizeTargets(sizes);
  const speedChecks = runs.map(checkSpeedTargets);
  const status = (met: boolean, figure: string): string => `${met ? "met" : "**missed**"} (${figure})`;
  const targetRows = [
    ...(speedChecks[0] ?? []).map((check, index) => [
      check.target,
      ...speedChecks.map((checks) => status(checks[index]!.met, checks[index]!.figure)),
    ]),
    ...sizeChecks.map((check) => [check.target, ...runs.map(() => status(check.met, check.figure))]),
  ];
  const authContenders = Object.values(AUTH_CONTENDERS);
  const bundleRows = (Object.keys(SIZE_BUDGETS) as BundleName[]).map((name) => {
    const { ours, official } = sizes.bundles[name];
    return [name, `${whole(ours)} B (${kilobytes(ours)})`, `${whole(official)} B (${kilobytes(official)})`, ratio(official, ours), kilobytes(SIZE_BUDGETS[name])];
  });
  const { install } = sizes;

  return `# Benchmarks

Written by \`pnpm bench\` (see [apps/bench](apps/bench/README.md)) on ${first.date.slice(0, 10)}, on
${first.cpu} (${first.cores} cores), with ${runs.map(nodeName).join(" and ")}. Each row compares
\`@x/*\` with the official \`pusher@5.3.4\` package, measured side by side in the same run, and with the
"floor": the least work the protocol allows. Machines here are shared and noisy: read the ratios,
not the absolute figures.

## Targets

${table(["target", ...runs.map(nodeName)], targetRows)}

## 1. Channel authorization (operations/s, higher is better)

Private channel:

${comparison(runs, authContenders, (run, name) => run.authorization.private[name], AUTH_CONTENDERS.official, AUTH_CONTENDERS.floor, "ops/s")}

Presence channel:

${comparison(runs, authContenders, (run, name) => run.authorization.presence[name], AUTH_CONTENDERS.official, AUTH_CONTENDERS.floor, "ops/s")}

## 2. Webhook verification (operations/s, higher is better)

${comparison(runs, Object.values(WEBHOOK_CONTENDERS), (run, name) => run.webhooks[name], WEBHOOK_CONTENDERS.official, WEBHOOK_CONTENDERS.floor, "ops/s")}

## 3. Trigger throughput (requests/s, higher is better)

${whole(TRIGGER_REQUESTS)} triggers per contender after a warm-up, ${TRIGGER_CONCURRENCY} in flight, to a local HTTP sink in a
separate process (loopback, keep-alive, answers \`{}\`). \`@x/rest\` has its default options: on Node
it sends through \`node:http\`; the row below it is the same client given the built-in \`fetch\`, as
every client sent before the Node transport. "CPU" is the CPU time of the benchmark process per
request, in microseconds (lower is better), kernel time included.

${comparison(runs, TRIGGER_ROWS, (run, name) => run.trigger[name]?.perSecond, TRIGGER_CONTENDERS.official, TRIGGER_CONTENDERS.floor, "req/s")}

${table(
  ["CPU µs per request", ...runs.map(nodeName)],
  TRIGGER_ROWS.map((name) => [name, ...runs.map((run) => whole(run.trigger[name]?.cpuMicrosPerRequest ?? Number.NaN))]),
)}

## 4. Publisher throughput (events/s, higher is better)

The same ${whole(PUBLISHER_EVENTS)} events, after ${whole(PUBLISHER_WARM_UP_EVENTS)} of warm-up each: our batching publisher with its defaults (batches of 10, 4 requests in
flight; ${whole(PUBLISHER_CALLERS)} callers publishing at once) against the official SDK's \`trigger\`, one event per
request, ${TRIGGER_CONCURRENCY} in flight.

${comparison(runs, Object.values(PUBLISHER_CONTENDERS), (run, name) => run.publisher.eventsPerSecond[name], PUBLISHER_CONTENDERS.official, undefined, "events/s")}

Requests our publisher sent for them: ${runs.map((run) => `${whole(run.publisher.oursRequests)} (${nodeName(run)})`).join(", ")}.

## 5. Install and bundle size

Minified + gzipped esbuild bundles (platform node, ESM) of a module that does each job. The official
package is one CommonJS entry, so each of its modules carries all of it.

${table(["bundle", "@x/*", "pusher 5.3.4", "official ÷ ours", "budget"], bundleRows)}

Installing the umbrella (production dependencies, as installed; workspace packages counted by the
files they publish):

${table(
  ["package", "runtime dependencies installed", "size on disk"],
  [
    ["@x/server", `${install.ours.dependencies.length} (${install.ours.dependencies.join(", ")})`, kilobytes(install.ours.bytes)],
    ["pusher 5.3.4", `${install.official.dependencies.length}`, kilobytes(install.official.bytes)],
  ],
)}

## 6. Cold start (milliseconds, lower is better)

A fresh \`node\` process that imports the umbrella and signs one channel authorization; the median
of 15 runs. The empty script is Node's own start-up.

${table(
  ["", ...runs.flatMap((run) => [`${nodeName(run)} ms`, "minus Node's start-up"])],
  Object.values(COLD_START_CONTENDERS).map((name) => [
    name,
    ...runs.flatMap((run) => {
      const ms = run.coldStartMs[name] ?? Number.NaN;
      return [ms.toFixed(0), (ms - (run.coldStartMs[COLD_START_CONTENDERS.baseline] ?? Number.NaN)).toFixed(0)];
    }),
  ]),
)}

## 7. Memory

Heap in use after a full garbage collection, while 100,000 events go through one publisher.

${table(
  ["", ...runs.map(nodeName)],
  [
    ["before", ...runs.map((run) => `${(run.memory.heapBefore / 1_048_576).toFixed(1)} MB`)],
    ["after 10,000 events", ...runs.map((run) => `${(run.memory.heapAfter10k / 1_048_576).toFixed(1)} MB`)],
    ["after 100,000 events", ...runs.map((run) => `${(run.memory.heapAfter100k / 1_048_576).toFixed(1)} MB`)],
    ["100,000 ÷ 10,000", ...runs.map((run) => ratio(run.memory.heapAfter100k, run.memory.heapAfter10k))],
  ],
)}
`;
}
