// One run of the benchmark suite on the Node that runs this file (started by main.ts with
// `--expose-gc`, for the memory benchmarks); it writes its SuiteResult as JSON to the file named
// by its first argument. Its second argument is the user project (user-project.ts) whose
// scripts the cold-start benchmark runs. What does not depend on the Node version (sizes) or is
// measured once (Bun, Deno, the cluster) is run by main.ts.
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { benchAuthorization } from "./bench-authorization.js";
import { benchColdStart } from "./bench-cold-start.js";
import { benchMemory } from "./bench-memory.js";
import { benchPublisherBackpressure } from "./bench-publisher-backpressure.js";
import { benchPublisher } from "./bench-publisher.js";
import { benchTrigger } from "./bench-trigger.js";
import { benchWebhooks } from "./bench-webhooks.js";
import { startSink } from "./start-sink.js";
import type { SuiteResult } from "./suite-result.js";

const [output, projectDir] = process.argv.slice(2);
if (output === undefined || projectDir === undefined) throw new Error("usage: run-suite.ts <result.json> <user project>");
const step = (name: string): void => {
  process.stderr.write(`  [node ${process.versions.node}] ${name}\n`);
};

step("channel authorization");
const authorization = await benchAuthorization();
step("webhook verification");
const webhooks = await benchWebhooks();
const sink = await startSink();
let result: SuiteResult;
try {
  step("trigger throughput and hook cost");
  const trigger = await benchTrigger(sink);
  step("publisher throughput");
  const publisher = await benchPublisher(sink.port, () => sink.requestCount());
  step("publisher memory");
  const memory = await benchMemory(sink);
  step("publisher backpressure against a server that never answers");
  const backpressure = await benchPublisherBackpressure();
  step("cold start");
  const coldStartMs = await benchColdStart({ executable: process.execPath, args: [] }, projectDir, sink);
  result = {
    node: process.version,
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    authorization,
    webhooks,
    trigger,
    publisher,
    coldStartMs,
    memory,
    backpressure,
  };
} finally {
  await sink.stop();
}
writeFileSync(output, `${JSON.stringify(result, null, 2)}\n`);
