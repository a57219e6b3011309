// The trigger and publisher benchmarks under Bun and Deno. bench-runtimes.ts bundles this file into
// the user project (user-project.ts) and runs it there with `bun` or `deno run`; it takes its options
// as JSON in its first argument and prints its result as one JSON line. The trigger contenders are
// the Node suite's, minus the two that only exist on Node: `@x/rest` (on these runtimes it sends
// through their own `fetch`), the official SDK (node-fetch over the runtime's fetch or `node:http`)
// and the floor (`node:http` with the same signing).
import { benchPublisher, type PublisherResult } from "./bench-publisher.js";
import { measureTriggerSlices, type Throughput, type TriggerSliceOptions } from "./measure-trigger-slices.js";
import { floorTrigger, officialTrigger, oursTrigger } from "./trigger-contenders.js";

/** The options of one run: the sink's port and the counts. */
export interface RuntimeSuiteOptions extends TriggerSliceOptions {
  port: number;
}

/** What one run prints: the trigger figures, the requests the sink answered for them, the publisher figures. */
export interface RuntimeSuiteResult {
  trigger: Record<string, Throughput>;
  triggerRequestsAnswered: number;
  publisher: PublisherResult;
}

const options = JSON.parse(process.argv[2] ?? "") as RuntimeSuiteOptions;
const { port } = options;
// The sink's own count (http-sink.ts): this process has no handle on the sink's stdin.
const requestCount = async (): Promise<number> =>
  ((await (await fetch(`http://127.0.0.1:${port}/count`)).json()) as { requests: number }).requests;
const before = await requestCount();
const trigger = await measureTriggerSlices([oursTrigger(port), officialTrigger(port), floorTrigger(port)], options);
const triggerRequestsAnswered = (await requestCount()) - before;
const publisher = await benchPublisher(port, requestCount);
const result: RuntimeSuiteResult = { trigger, triggerRequestsAnswered, publisher };
// Whatever a runtime's `fetch` keeps open, the run is over.
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
