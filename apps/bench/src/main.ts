// `pnpm bench`: measures the sizes, runs the suite on Node 22, 24 and 26 (the binaries of the
// private packages tools-node-22, -24, -26, whatever Node runs this file), then the trigger and
// cold-start benchmarks under Bun and Deno, then the end-to-end benchmark on soketi; prints the
// report and writes it to BENCHMARKS.md at the repository root. Each Node suite runs in a fresh
// process with `--expose-gc`. Progress goes to stderr.
//
// BENCH_QUICK=1: small counts everywhere, to check that everything runs (a minute or two); the
// report is printed, not written. BENCH_RESULTS=<file>: also write the raw figures there as JSON.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchResults } from "./bench-results.js";
import { OTHER_RUNTIMES, benchRuntime, type RuntimeResult } from "./bench-runtimes.js";
import { measureAllSizes } from "./measure-all-sizes.js";
import { REFERENCE_NODE, SUITE_NODES, nodeBinary } from "./node-binaries.js";
import { renderReport } from "./render-report.js";
import type { ClusterResult } from "./run-cluster.js";
import { QUICK } from "./run-scale.js";
import { startSink } from "./start-sink.js";
import type { SuiteResult } from "./suite-result.js";
import { createUserProject, removeUserProject } from "./user-project.js";

const benchDir = fileURLToPath(new URL("..", import.meta.url));
const reportPath = fileURLToPath(new URL("../../../BENCHMARKS.md", import.meta.url));
const started = performance.now();
const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const progress = (line: string): void => {
  process.stderr.write(`[${elapsed()}] ${line}\n`);
};

/** Runs a TypeScript entry of this app in a fresh process of `node` and reads the JSON it writes. */
function runEntry<T>(node: string, entry: string, resultFile: string, args: readonly string[] = []): T {
  const child = spawnSync(node, ["--expose-gc", "--import", "tsx", entry, resultFile, ...args], { cwd: benchDir, stdio: "inherit" });
  if (child.status !== 0) throw new Error(`${entry} failed on ${node} (exit ${child.status ?? child.signal})`);
  return JSON.parse(readFileSync(resultFile, "utf8")) as T;
}

const workDir = mkdtempSync(join(tmpdir(), "x-bench-"));
progress(`pnpm bench${QUICK ? " (quick: BENCH_QUICK=1)" : ""}: laying out the user project`);
const projectDir = await createUserProject();
try {
  progress("bundle and install sizes");
  const sizes = await measureAllSizes();

  const runs: SuiteResult[] = [];
  for (const major of SUITE_NODES) {
    progress(`suite on Node ${major}`);
    runs.push(runEntry<SuiteResult>(nodeBinary(major), "src/run-suite.ts", join(workDir, `node-${major}.json`), [projectDir]));
  }

  const runtimes: RuntimeResult[] = [];
  const sink = await startSink();
  try {
    for (const runtime of OTHER_RUNTIMES) {
      progress(`trigger and cold start under ${runtime}`);
      runtimes.push(await benchRuntime(runtime, projectDir, sink));
    }
  } finally {
    await sink.stop();
  }

  progress(`end to end on soketi (Node ${REFERENCE_NODE})`);
  let cluster: ClusterResult;
  try {
    cluster = runEntry<ClusterResult>(nodeBinary(REFERENCE_NODE), "src/run-cluster.ts", join(workDir, "cluster.json"));
  } catch (error) {
    cluster = { node: `v${REFERENCE_NODE}`, topologies: [], notMeasured: error instanceof Error ? error.message : String(error) };
  }

  const results: BenchResults = {
    date: new Date().toISOString(),
    durationSeconds: (performance.now() - started) / 1000,
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    quick: QUICK,
    sizes,
    runs,
    runtimes,
    cluster,
  };
  const resultsPath = process.env.BENCH_RESULTS;
  if (resultsPath !== undefined && resultsPath !== "") writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  const report = renderReport(results);
  console.log(report);
  if (QUICK) {
    progress("quick run: BENCHMARKS.md left as it was");
  } else {
    writeFileSync(reportPath, report);
    progress(`wrote ${reportPath}`);
  }
} finally {
  await removeUserProject(projectDir);
  rmSync(workDir, { recursive: true, force: true });
}
