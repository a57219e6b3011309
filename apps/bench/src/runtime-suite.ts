// The trigger benchmark under Bun and Deno. bench-runtimes.ts bundles this file into the user
// project (user-project.ts) and runs it there with `bun` or `deno run`; it takes its options as
// JSON in its first argument and prints its result as one JSON line. The contenders are the Node
// suite's, minus the two that only exist on Node: `@x/rest` (on these runtimes it sends through
// their own `fetch`), the official SDK (node-fetch over the runtime's `node:http`) and the floor
// (`node:http` with the same signing).
import { measureTriggerSlices, type TriggerSliceOptions } from "./measure-trigger-slices.js";
import { floorTrigger, officialTrigger, oursTrigger } from "./trigger-contenders.js";

/** The options of one run: the sink's port and the counts. */
export interface RuntimeSuiteOptions extends TriggerSliceOptions {
  port: number;
}

const options = JSON.parse(process.argv[2] ?? "") as RuntimeSuiteOptions;
const { port } = options;
const result = await measureTriggerSlices([oursTrigger(port), officialTrigger(port), floorTrigger(port)], options);
// Whatever a runtime's `fetch` keeps open, the run is over.
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
