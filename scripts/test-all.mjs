// The one test command (`pnpm test`): lint, typecheck, build, package checks and every test of
// every workspace package through turbo, then one summary line that CI reads:
// `N passed, N failed, N skipped`. Exits non-zero on any failure.
//
// It prints what a person should read and nothing else: the logs of the tasks that failed (turbo
// `--output-logs=errors-only`; a passing task's log is in `.turbo/` and replayed by
// `turbo run <task> --filter <package>`), the notes the tests print for people (sizes, the
// runtime and consumer matrices, install figures: `test-results/notes.txt` of each package), and
// the summary.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const TASKS = ["lint", "typecheck", "build", "check-package", "test"];
const root = new URL("..", import.meta.url).pathname;
const workspaces = ["packages", "apps"].flatMap((dir) =>
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

// Non-test tasks (lint, typecheck, build, package checks) count as one check each.
let checksPassed = 0;
const checksFailed = [];
// Test tasks that exited non-zero, by workspace folder: a failure even when no test failed (a
// coverage threshold missed, a crash after the tests).
const testTasksFailed = new Map();
const runsDir = join(root, ".turbo", "runs");
if (existsSync(runsDir)) {
  for (const file of readdirSync(runsDir).filter((name) => name.endsWith(".json"))) {
    const summary = JSON.parse(readFileSync(join(runsDir, file), "utf8"));
    for (const task of summary.tasks ?? []) {
      if (task.task === "test") {
        if (task.execution && task.execution.exitCode !== 0) testTasksFailed.set(task.directory, task.taskId);
        continue;
      }
      if (task.execution?.exitCode === 0) checksPassed++;
      else checksFailed.push(task.taskId);
    }
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const workspace of workspaces) {
  const resultsDir = join(workspace, "test-results");
  if (!existsSync(resultsDir)) continue;
  for (const file of readdirSync(resultsDir).filter((name) => name.endsWith(".json"))) {
    const report = JSON.parse(readFileSync(join(resultsDir, file), "utf8"));
    const row = {
      suite: `${workspace.slice(root.length)} ${file.replace(/\.json$/, "")}`,
      passed: report.numPassedTests ?? 0,
      failed: (report.numFailedTests ?? 0) + countSuitesThatFailedToRun(report),
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    };
    rows.push(row);
    passed += row.passed;
    failed += row.failed;
    skipped += row.skipped;
  }
}
for (const [directory, taskId] of testTasksFailed) {
  const workspaceRows = rows.filter((row) => row.suite.startsWith(`${directory} `));
  if (workspaceRows.some((row) => row.failed > 0)) continue;
  rows.push({ suite: `${directory} ${taskId} exited non-zero, no test failed (its log is above)`, passed: 0, failed: 1, skipped: 0 });
  failed++;
}

// A suite that failed to load (or whose hooks threw) counts as one failure, though no test failed.
function countSuitesThatFailedToRun(report) {
  return (report.testResults ?? []).filter(
    (suite) => suite.status === "failed" && !(suite.assertionResults ?? []).some((test) => test.status === "failed"),
  ).length;
}

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
if (turbo.status !== 0 && failed === 0 && checksFailed.length === 0) {
  console.log("  turbo failed without a failing task report");
  failed++;
}
console.log(`${passed + checksPassed} passed, ${failed + checksFailed.length} failed, ${skipped} skipped`);
process.exit(turbo.status === 0 && failed === 0 && checksFailed.length === 0 ? 0 : 1);
