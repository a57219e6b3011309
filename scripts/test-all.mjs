// The one test command (`pnpm test`): lint, typecheck, build, package checks and every test of
// every workspace package through turbo, then one summary line that CI reads:
// `N passed, N failed, N skipped`. Exits non-zero on any failure.
//
// The counting is in test-summary.mjs: a test file that crashed, a package that wrote no report,
// a test task that failed with every test passed, each counts as a failure.
//
// It prints what a person should read and nothing else: the logs of the tasks that failed (turbo
// `--output-logs=errors-only`; a passing task's log is in `.turbo/` and replayed by
// `turbo run <task> --filter <package>`), the notes the tests print for people (sizes, the
// runtime and consumer matrices, install figures: `test-results/notes.txt` of each package), and
// the summary.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { summarize } from "./test-summary.mjs";

const TASKS = ["lint", "typecheck", "build", "check-package", "test"];
const root = new URL("..", import.meta.url).pathname;
const workspaces = ["packages", "apps", "tests", "tools"].flatMap((dir) =>
  existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((name) => join(root, dir, name)) : [],
);

for (const workspace of workspaces) rmSync(join(workspace, "test-results"), { recursive: true, force: true });
rmSync(join(root, ".turbo", "runs"), { recursive: true, force: true });

// Three tasks at a time: the machines have two cores, and integration tests start real servers
// (soketi, workerd, Chromium) that must not starve each other.
const turbo = spawnSync(
  "pnpm",
  ["exec", "turbo", "run", ...TASKS, "--continue", "--summarize", "--concurrency=3", "--output-logs=errors-only", ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit", env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } },
);

// Every task of the run, from turbo's summary of it; an unreadable summary is a failed check.
const tasks = [];
const runsDir = join(root, ".turbo", "runs");
if (existsSync(runsDir)) {
  for (const file of readdirSync(runsDir).filter((name) => name.endsWith(".json"))) {
    try {
      tasks.push(...(JSON.parse(readFileSync(join(runsDir, file), "utf8")).tasks ?? []));
    } catch {
      tasks.push({ task: "summary", taskId: `turbo's run summary .turbo/runs/${file} (unreadable)`, directory: "" });
    }
  }
}

// Every vitest report; one that cannot be read (a run killed while writing it) is kept as such.
const reports = [];
for (const workspace of workspaces) {
  const resultsDir = join(workspace, "test-results");
  if (!existsSync(resultsDir)) continue;
  for (const file of readdirSync(resultsDir).filter((name) => name.endsWith(".json"))) {
    const entry = { workspace: workspace.slice(root.length), file };
    try {
      reports.push({ ...entry, report: JSON.parse(readFileSync(join(resultsDir, file), "utf8")) });
    } catch (error) {
      reports.push({ ...entry, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

const { rows, checksPassed, checksFailed, passed, failed, skipped } = summarize(tasks, reports);

const notes = [];
for (const workspace of workspaces) {
  const file = join(workspace, "test-results", "notes.txt");
  const text = existsSync(file) ? readFileSync(file, "utf8").trimEnd() : "";
  if (text !== "") notes.push(`${workspace.slice(root.length)}\n${text.replace(/^/gm, "  ")}`);
}
if (notes.length > 0) console.log(`\nNotes from the tests\n${notes.join("\n")}`);

console.log("\nTest summary");
for (const row of rows) console.log(`  ${row.suite.padEnd(40)} ${row.passed} passed, ${row.failed} failed, ${row.skipped} skipped`);
console.log(`  checks (lint, typecheck, build, package)  ${checksPassed} passed, ${checksFailed.length} failed`);
for (const task of checksFailed) console.log(`    failed: ${task}`);
let failures = failed + checksFailed.length;
if (turbo.status !== 0 && failures === 0) {
  console.log("  turbo failed without a failing task report");
  failures = 1;
}
console.log(`${passed + checksPassed} passed, ${failures} failed, ${skipped} skipped`);
process.exit(turbo.status === 0 && failures === 0 ? 0 : 1);
