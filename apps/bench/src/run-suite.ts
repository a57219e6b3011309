// One run of the benchmark suite on the Node that runs this file (started by main.ts with
// `--expose-gc`); it writes its SuiteResult as JSON to the file named by its one argument.
// The figures that do not depend on the Node version (bundle and install sizes) are measured
// by main.ts once.
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { benchAuthorization } from "./bench-authorization.js";
import { benchColdStart } from "./bench-cold-start.js";
import { benchMemory } from "./bench-memory.js";
import { benchPublisher } from "./bench-publisher.js";
import { benchTrigger } from "./bench-trigger.js";
import { benchWebhooks } from "./bench-webhooks.js";
import { startSink } from "./start-sink.js";
import type { SuiteResult } from "./suite-result.js";

const output = process.argv[2];
if (output === undefined) throw new Error("usage: run-suite.ts <result.json>");
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
  step("trigger throughput");
  const trigger = await benchTrigger(sink);
  step("publisher throughput");
  const publisher = await benchPublisher(sink);
  step("publisher memory");
  const memory = await benchMemory(sink);
  step("cold start");
  const coldStartMs = benchColdStart();
  result = {
    node: process.version,
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    date: new Date().toISOString(),
    authorization,
    webhooks,
    trigger,
    publisher,
    coldStartMs,
    memory,
  };
} finally {
  await sink.stop();
}
writeFileSync(output, `${JSON.stringify(result, null, 2)}\n`);
