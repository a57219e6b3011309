import { AUTH_CONTENDERS } from "./bench-authorization.js";
import { CLUSTER_CLIENTS, CLUSTER_CONTENDERS, type EndToEndFigures } from "./bench-cluster.js";
import { COLD_START_CONTENDERS, type ColdStartContender, type ColdStartResult } from "./bench-cold-start.js";
import { PUBLISHER_DEFAULTS } from "./bench-publisher-backpressure.js";
import { PUBLISHER_CALLERS, PUBLISHER_CONTENDERS, type PublisherResult } from "./bench-publisher.js";
import type { BenchResults } from "./bench-results.js";
import type { Outcome, RuntimeResult } from "./bench-runtimes.js";
import { TRIGGER_CONCURRENCY } from "./bench-trigger.js";
import { WEBHOOK_CONTENDERS } from "./bench-webhooks.js";
import { megabytes, megabytesChange, milliseconds, plural, ratio, signed, table, times, whole } from "./markdown.js";
import { median, medianRatio, type Rounds } from "./rounds.js";
import type { Throughput } from "./measure-trigger-slices.js";
import { SIZE_BUDGETS, type BundleName } from "./measure-sizes.js";
import { REFERENCE_NODE } from "./node-binaries.js";
import { SCALE } from "./run-scale.js";
import type { SuiteResult } from "./suite-result.js";
import { checkRuntimeTargets, checkSizeTargets, checkSpeedTargets, kilobytes, type TargetCheck } from "./targets.js";
import { TRIGGER_CONTENDERS } from "./trigger-contenders.js";

const nodeName = (run: SuiteResult): string => `Node ${run.node.slice(1)}`;

/** A column of a table that compares runtimes: its label, and its trigger, publisher and cold-start results (or why not measured). */
interface RuntimeColumn {
  label: string;
  trigger: Outcome<Record<string, Throughput>>;
  publisher: Outcome<PublisherResult>;
  coldStartMs: Outcome<ColdStartResult>;
}

const runtimeColumns = (results: BenchResults): RuntimeColumn[] => [
  ...results.runs.map((run) => ({
    label: nodeName(run),
    trigger: { measured: true as const, figures: run.trigger },
    publisher: { measured: true as const, figures: run.publisher },
    coldStartMs: { measured: true as const, figures: run.coldStartMs },
  })),
  ...results.runtimes.map((runtime: RuntimeResult) => ({
    label: runtime.version,
    trigger: runtime.trigger,
    publisher: runtime.publisher,
    coldStartMs: runtime.coldStartMs,
  })),
];

const status = (check: TargetCheck): string =>
  check.met === undefined ? check.figure : `${check.met ? "met" : "**missed**"} (${check.figure})`;

/** "value (× official / × floor)" cells, one row per contender and one column per Node run. */
function opsComparison(
  runs: readonly SuiteResult[],
  contenders: readonly string[],
  valueOf: (run: SuiteResult) => Rounds,
  official: string,
  floor: string,
): string {
  return table(
    ["", ...runs.map((run) => `${nodeName(run)}: ops/s (× official / × floor)`)],
    contenders.map((contender) => [
      contender,
      ...runs.map((run) => {
        const ops = valueOf(run);
        return `${whole(median(ops[contender]))} (${times(medianRatio(ops[contender], ops[official]))} / ${times(medianRatio(ops[contender], ops[floor]))})`;
      }),
    ]),
  );
}

function targetsSection(results: BenchResults): string {
  const { runs } = results;
  const speed = runs.map(checkSpeedTargets);
  const sizes = checkSizeTargets(results.sizes);
  const nodeRows = [
    ...(speed[0] ?? []).map((check, index) => [check.target, ...speed.map((checks) => status(checks[index] as TargetCheck))]),
    ...sizes.map((check) => [check.target, ...runs.map(() => status(check))]),
  ];
  // Bun and Deno have the trigger, publisher and cold-start targets; "—" where a target is Node's only.
  const other = results.runtimes.map(checkRuntimeTargets);
  const otherCells = (target: string): string[] =>
    other.map((checks) => {
      const check = checks.find((candidate) => candidate.target === target);
      return check === undefined ? "—" : status(check);
    });
  return `## Targets

${table(
  ["target", ...runs.map(nodeName), ...results.runtimes.map((runtime) => runtime.version)],
  nodeRows.map((row) => [...row, ...otherCells(row[0] as string)]),
)}

Cold start (b) on Node is the one target left missed on purpose: \`@x/rest\` sends through ky, which builds a
WHATWG \`Request\` for every call, and on Node the first \`Request\` loads undici, the built-in fetch stack (its
cost is the (b) difference in section 6), which the official SDK, on node-fetch and \`node:http\`, never loads.
Bun and Deno have their fetch built in, and no such cost.`;
}

function authorizationSection(runs: readonly SuiteResult[]): string {
  const contenders = Object.values(AUTH_CONTENDERS);
  return `## 1. Channel authorization (operations/s, higher is better)

Private channel:

${opsComparison(runs, contenders, (run) => run.authorization.private, AUTH_CONTENDERS.official, AUTH_CONTENDERS.floor)}

Presence channel:

${opsComparison(runs, contenders, (run) => run.authorization.presence, AUTH_CONTENDERS.official, AUTH_CONTENDERS.floor)}

## 2. Webhook verification (operations/s, higher is better)

${opsComparison(runs, Object.values(WEBHOOK_CONTENDERS), (run) => run.webhooks, WEBHOOK_CONTENDERS.official, WEBHOOK_CONTENDERS.floor)}`;
}

function triggerSection(results: BenchResults): string {
  const columns = runtimeColumns(results);
  const rows = Object.values(TRIGGER_CONTENDERS);
  const cell = (
    column: RuntimeColumn,
    contender: string,
    format: (mine: Throughput, trigger: Record<string, Throughput>) => string,
  ): string => {
    if (!column.trigger.measured) return `not measured: ${column.trigger.reason}`;
    const mine = column.trigger.figures[contender];
    return mine === undefined ? "—" : format(mine, column.trigger.figures);
  };
  const vs = (mine: number[], other: number[] | undefined): string => times(medianRatio(mine, other));
  const perSecond = (mine: Throughput, trigger: Record<string, Throughput>): string =>
    `${whole(median(mine.perSecond))} (${vs(mine.perSecond, trigger[TRIGGER_CONTENDERS.official]?.perSecond)} / ${vs(mine.perSecond, trigger[TRIGGER_CONTENDERS.floor]?.perSecond)})`;
  const cpu = (mine: Throughput, trigger: Record<string, Throughput>): string =>
    `${whole(median(mine.cpuMicrosPerRequest))} (${vs(mine.cpuMicrosPerRequest, trigger[TRIGGER_CONTENDERS.official]?.cpuMicrosPerRequest)})`;
  return `## 3. Trigger throughput and CPU per request

${whole(SCALE.triggerRequests)} triggers per contender after ${whole(SCALE.triggerWarmUp)} of warm-up, ${TRIGGER_CONCURRENCY} in flight, in ${plural(SCALE.triggerSlices, "slice")}
(the rounds), to a local HTTP sink in a separate process (always on Node ${REFERENCE_NODE}, loopback, keep-alive, answers \`{}\`).
\`@x/rest\` has its default options: on Node it sends through \`node:http\`; "with fetch" is the same client
given the built-in \`fetch\`, the transport every client had before the Node one. Under Bun and Deno
\`@x/rest\` sends through the runtime's own \`fetch\` (its default there, given the headers and body as signed), and the rows that only exist on Node
are "—". The floor is \`node:http\` on a keep-alive agent with the same signing, nothing else.

Requests/s, higher is better (× official / × floor):

${table(
  ["", ...columns.map((column) => column.label)],
  rows.map((contender) => [contender, ...columns.map((column) => cell(column, contender, perSecond))]),
)}

CPU time of the benchmark process per request, user + system, in µs (lower is better; × official's):

${table(
  ["", ...columns.map((column) => column.label)],
  rows.map((contender) => [contender, ...columns.map((column) => cell(column, contender, cpu))]),
)}`;
}

function hookCostSection(runs: readonly SuiteResult[]): string {
  const rows = [
    TRIGGER_CONTENDERS.ours,
    TRIGGER_CONTENDERS.oursWithNoopHooks,
    TRIGGER_CONTENDERS.oursWithOpenTelemetry,
    TRIGGER_CONTENDERS.oursWithContract,
  ];
  return `## 4. Hook and contract cost (CPU µs per trigger, lower is better)

The same \`@x/rest\` client without hooks, with all four hooks doing nothing, with
\`openTelemetryHooks()\` from \`@x/rest/otel\` over a real tracer (\`@opentelemetry/sdk-trace-base\`
\`BasicTracerProvider\`, every span sampled and recorded, then dropped by its span processor), and with a
zod \`eventSchemas\` that checks the event's data on every trigger, measured in the trigger benchmark's
interleaved slices above. The difference is against the plain client.

${table(
  ["", ...runs.map((run) => `${nodeName(run)}: µs (difference)`), ...runs.map((run) => `${nodeName(run)}: req/s`)],
  rows.map((contender) => [
    contender,
    ...runs.map((run) => {
      const mine = median(run.trigger[contender]?.cpuMicrosPerRequest);
      const base = median(run.trigger[TRIGGER_CONTENDERS.ours]?.cpuMicrosPerRequest);
      const difference = mine - base;
      return contender === TRIGGER_CONTENDERS.ours
        ? whole(mine)
        : `${whole(mine)} (${signed(difference)} µs, ${signed((difference / base) * 100)} %)`;
    }),
    ...runs.map((run) => whole(median(run.trigger[contender]?.perSecond))),
  ]),
)}`;
}

function publisherSection(results: BenchResults): string {
  const columns = runtimeColumns(results);
  const cell = (column: RuntimeColumn, contender: string): string => {
    if (!column.publisher.measured) return `not measured: ${column.publisher.reason}`;
    const { eventsPerSecond } = column.publisher.figures;
    return `${whole(median(eventsPerSecond[contender]))} (${times(medianRatio(eventsPerSecond[contender], eventsPerSecond[PUBLISHER_CONTENDERS.official]))})`;
  };
  const requests = columns.map((column) =>
    column.publisher.measured ? `${whole(column.publisher.figures.oursRequests)} (${column.label})` : undefined,
  );
  return `## 5. Publisher throughput (events/s, higher is better)

The same ${whole(SCALE.publisherEvents)} events, after ${whole(SCALE.publisherWarmUp)} of warm-up each, in ${plural(SCALE.publisherRounds, "round")}: our
batching publisher with its defaults (batches of ${PUBLISHER_DEFAULTS.maxBatchSize}, ${PUBLISHER_DEFAULTS.maxConcurrency} requests in flight; ${whole(PUBLISHER_CALLERS)} callers publishing at once)
against the official SDK's \`trigger\`, one event per request, ${TRIGGER_CONCURRENCY} in flight.

${table(
  ["", ...columns.map((column) => `${column.label}: events/s (× official)`)],
  Object.values(PUBLISHER_CONTENDERS).map((contender) => [contender, ...columns.map((column) => cell(column, contender))]),
)}

Requests our publisher sent for them: ${requests.filter((text) => text !== undefined).join(", ")}.`;
}

function coldStartSection(results: BenchResults): string {
  const columns = runtimeColumns(results);
  const keys = Object.keys(COLD_START_CONTENDERS) as ColdStartContender[];
  const cell = (column: RuntimeColumn, key: ColdStartContender): string => {
    if (!column.coldStartMs.measured) return `not measured: ${column.coldStartMs.reason}`;
    const ms = median(column.coldStartMs.figures[key]);
    return key === "baseline" ? milliseconds(ms) : `${milliseconds(ms)} (${signed(ms - median(column.coldStartMs.figures.baseline))})`;
  };
  const ratioRow = (label: string, ours: ColdStartContender, official: ColdStartContender): string[] => [
    label,
    ...columns.map((column) =>
      column.coldStartMs.measured ? times(medianRatio(column.coldStartMs.figures[ours], column.coldStartMs.figures[official])) : "—",
    ),
  ];
  return `## 6. Cold start (milliseconds, lower is better)

The wall time of a fresh process, from its spawn to its exit, median of ${plural(SCALE.coldStartRuns, "run")} per contender (the rounds),
after one unmeasured run each. (a) imports the umbrella and signs one private-channel
authorization; (b) imports it and sends one trigger to the HTTP sink (its port on the command line),
then exits by itself. The scripts run in a project laid out as a user's (the packages' published
files in \`node_modules\`). In brackets: the time over the empty script, the runtime's own start-up.

${table(
  ["", ...columns.map((column) => column.label)],
  [
    ...keys.map((key) => [COLD_START_CONTENDERS[key].name, ...columns.map((column) => cell(column, key))]),
    ratioRow("(a) ours ÷ official", "oursAuth", "officialAuth"),
    ratioRow("(b) ours ÷ official", "oursTrigger", "officialTrigger"),
  ],
)}`;
}

function memorySection(runs: readonly SuiteResult[]): string {
  const first = whole(SCALE.memoryFirstEvents);
  const total = whole(SCALE.memoryTotalEvents);
  const publishes = whole(SCALE.backpressurePublishes);
  const row = (label: string, value: (run: SuiteResult) => string): string[] => [label, ...runs.map(value)];
  return `## 7. Publisher memory

Heap in use after a full garbage collection, while ${total} events go through one publisher (to the sink,
which answers them all):

${table(
  ["", ...runs.map(nodeName)],
  [
    row("before", (run) => megabytes(run.memory.heapBefore)),
    row(`after ${first} events`, (run) => megabytes(run.memory.heapAfterFirst)),
    row(`after ${total} events`, (run) => megabytes(run.memory.heapAfterTotal)),
    row(`${total} ÷ ${first}`, (run) => ratio(run.memory.heapAfterTotal, run.memory.heapAfterFirst)),
  ],
)}

Backpressure: \`publish\` called ${publishes} times in a loop, not awaited, each with a \`.catch\` that
counts \`PusherQueueFullError\`s, against a server that accepts connections and never answers. The publisher
has its default bounds (\`maxQueued\` ${whole(PUBLISHER_DEFAULTS.maxQueued)}, \`maxWaiting\` ${whole(PUBLISHER_DEFAULTS.maxWaiting)}, ${PUBLISHER_DEFAULTS.maxConcurrency} batches of ${PUBLISHER_DEFAULTS.maxBatchSize} in flight) and \`maxWaitMs\`
${whole(SCALE.backpressureMaxWaitMs)} (10,000 by default, shortened to keep the run short). Heaps after a full GC. At the end the
server is stopped, the requests in flight fail, the publisher is closed and every publish is checked to
have settled exactly once.

${table(
  ["", ...runs.map(nodeName)],
  [
    row("heap before the calls", (run) => megabytes(run.backpressure.heapBefore)),
    row(`heap right after the ${publishes} calls`, (run) => megabytes(run.backpressure.heapOutstanding)),
    row("growth", (run) => megabytesChange(run.backpressure.heapOutstanding - run.backpressure.heapBefore)),
    row("refused at once (queue and waiting room full)", (run) => whole(run.backpressure.refusedAtOnce)),
    row("queued", (run) => whole(run.backpressure.queued)),
    row("waiting for room", (run) => whole(run.backpressure.waiting)),
    row("in flight (events in requests sent)", (run) => whole(run.backpressure.inFlightEvents)),
    row(`after maxWaitMs: refused as timed out`, (run) => whole(run.backpressure.timedOut)),
    row("after maxWaitMs: still waiting", (run) => whole(run.backpressure.waitingAfterWait)),
    row("heap after maxWaitMs", (run) => megabytes(run.backpressure.heapAfterWait)),
    row("server stopped: failed with the requests' errors", (run) => whole(run.backpressure.failedOther)),
    row("heap once every publish settled", (run) => megabytes(run.backpressure.heapSettled)),
  ],
)}`;
}

function endToEndSection(results: BenchResults): string {
  const { cluster } = results;
  const contenders = Object.values(CLUSTER_CONTENDERS);
  const check = (figures: EndToEndFigures): string => {
    const missing = figures.expected - figures.received;
    const ok = missing === 0 && figures.duplicates === 0;
    return `${ok ? "✓" : "**✗**"} ${whole(figures.received)} of ${whole(figures.expected)}${missing > 0 ? `, **${whole(missing)} missing**` : ""}${figures.duplicates > 0 ? `, **${whole(figures.duplicates)} twice**` : ""}`;
  };
  const rows = cluster.topologies.flatMap((topology) =>
    topology.figures === undefined
      ? [[topology.label, "—", `not measured: ${topology.notMeasured ?? "failed"}`, "", "", "", ""]]
      : contenders.map((contender) => {
          const figures = topology.figures?.[contender];
          return figures === undefined
            ? [topology.label, contender, "—", "—", "—", "—", "—"]
            : [
                topology.label,
                contender,
                whole(figures.eventsPerSecond),
                milliseconds(figures.p50),
                milliseconds(figures.p95),
                milliseconds(figures.p99),
                check(figures),
              ];
        }),
  );
  if (cluster.notMeasured !== undefined)
    return `## 8. End to end on soketi: one node and a cluster of two\n\nNot measured: ${cluster.notMeasured}.`;
  const [single, , pair] = cluster.topologies;
  const changeRows = contenders.map((contender) => {
    const one = single?.figures?.[contender];
    const two = pair?.figures?.[contender];
    const change = (pick: (figures: EndToEndFigures) => number, format: (value: number) => string): string =>
      one === undefined || two === undefined ? "—" : `${format(pick(one))} → ${format(pick(two))} (${ratio(pick(two), pick(one))})`;
    return [contender, change((f) => f.eventsPerSecond, whole), change((f) => f.p50, milliseconds), change((f) => f.p99, milliseconds)];
  });
  return `## 8. End to end on soketi: one node and a cluster of two

soketi 1.6.1 (on Node 20, as \`startLocalPusher\` of @x/testing runs it) and ${CLUSTER_CLIENTS} pusher-js 8.6.0 clients (the Node build, in the
benchmark's process: ${cluster.node}, so that their clock is the sender's), all subscribed to one channel.
Every event is sent to the first node, carrying a \`performance.now()\` stamp taken when its call is
made; latency is its arrival at a client minus that stamp (every delivery counts: events × clients).
Events/s counts the events every client received, over the time from each run's first call to its last
arrival. ${whole(SCALE.clusterEvents)} events per contender and topology in ${plural(SCALE.clusterRounds, "round")} taken in turn, after ${whole(SCALE.clusterWarmUp)} of warm-up;
${TRIGGER_CONCURRENCY} calls in flight for every contender (the publisher: ${TRIGGER_CONCURRENCY} callers of \`publish\`, default options).
The check counts the deliveries: every client must receive every event exactly once. soketi, Redis and
the clients share the machine's cores with the sender: these figures are the whole system's.

${table(["topology", "contender", "events/s delivered", "p50", "p95", "p99", "deliveries (check)"], rows)}

From 1 node to 2 (clients half on each; the 1-node cluster row above separates the cost of Redis
from the cost of the second node):

${table(["contender", "events/s: 1 node → 2 nodes", "p50", "p99"], changeRows)}`;
}

function sizesSection(results: BenchResults): string {
  const { sizes } = results;
  const bundleRows = (Object.keys(SIZE_BUDGETS) as BundleName[]).map((name) => {
    const { ours, official } = sizes.bundles[name];
    return [
      name,
      `${whole(ours)} B (${kilobytes(ours)})`,
      `${whole(official)} B (${kilobytes(official)})`,
      ratio(official, ours),
      kilobytes(SIZE_BUDGETS[name]),
    ];
  });
  const { install } = sizes;
  return `## 9. Install and bundle size

Minified + gzipped esbuild bundles (platform node, ESM) of a module that does each job. The official
package is one CommonJS entry, so each of its modules carries all of it. \`compat\` is
\`import Pusher from "@x/server/compat"\`: the official package's API on our packages.

${table(["bundle", "@x/*", "pusher 5.3.4", "official ÷ ours", "budget"], bundleRows)}

\`pnpm test\` fails a bundle over its budget. auth-only and webhook-only keep the 3 KB their READMEs
promise; the umbrella's and compat's budgets are about 5 % over their size when they were set,
rounded up to a whole KB, so that a new esbuild or zlib cannot fail them and real growth still does.

Installing the umbrella (production dependencies, as installed; workspace packages counted by the
files they publish):

${table(
  ["package", "runtime dependencies installed", "size on disk"],
  [
    ["@x/server", `${install.ours.dependencies.length} (${install.ours.dependencies.join(", ")})`, kilobytes(install.ours.bytes)],
    ["pusher 5.3.4", `${install.official.dependencies.length}`, kilobytes(install.official.bytes)],
  ],
)}`;
}

/** The Markdown of BENCHMARKS.md (also printed by `pnpm bench`). */
export function renderReport(results: BenchResults): string {
  const { runs } = results;
  const runtimes = [...runs.map(nodeName), ...results.runtimes.map((runtime) => runtime.version)];
  const minutes = Math.floor(results.durationSeconds / 60);
  const seconds = Math.round(results.durationSeconds % 60);
  return `# Benchmarks

Written by \`pnpm bench\` (see [apps/bench](apps/bench/README.md)) on ${results.date.slice(0, 10)}, on ${results.cpu}
(${results.cores} cores), with ${runtimes.slice(0, -1).join(", ")} and ${runtimes.at(-1) ?? ""}; the run took ${minutes} min ${seconds} s.${results.quick ? "\n\n**A quick run (`BENCH_QUICK=1`): small counts, figures for checking the benchmark only.**" : ""}
Each table compares \`@x/*\` with the official \`pusher@5.3.4\` package, measured side by side in the same
run, and with the "floor": the least work the protocol allows. Each Node suite runs in a fresh process
(\`--expose-gc\`). Machines here are shared and noisy: read the ratios, not the absolute figures. Every
comparison is made of rounds in which each contender runs once, the order reversed every other round
(A B, B A, A B, …): a figure is a contender's median over the rounds, a ratio the median of the per-round ratios.

${targetsSection(results)}

${authorizationSection(runs)}

${triggerSection(results)}

${hookCostSection(runs)}

${publisherSection(results)}

${coldStartSection(results)}

${memorySection(runs)}

${endToEndSection(results)}

${sizesSection(results)}
`;
}
