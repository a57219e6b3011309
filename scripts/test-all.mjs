// The one test command (`pnpm test`): lint, typecheck, build, package and API-report checks and every test of
// every workspace package through turbo. While it runs, one line per finished task (how many of
// how many, the time so far, and for a test task its counts and duration), with the log of a task
// that failed; at the end, the notes the tests print for people, one line per test report, the
// checks on a line of their own, and last the line CI reads: `N passed, N failed, N skipped`, which
// counts tests only. Exits non-zero on any failure, a failed check included.
//
// The counting is in test-summary.mjs: a test file that crashed, a package that wrote no report,
// a test task that failed with every test passed, each counts as a failure. A passing task's log
// stays in its package's `.turbo/` folder (`turbo run <task> --filter <package>` replays it).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { countReport, summarize } from "./test-summary.mjs";

const TASKS = ["check-format", "lint", "typecheck", "build", "check-package", "check-api", "test"];
const root = new URL("..", import.meta.url).pathname;
const workspaces = ["packages", "apps", "tests", "tools"].flatMap((dir) =>
  existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((name) => join(root, dir, name)) : [],
);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };
// Three tasks at a time: the machines have two cores, and integration tests start real servers
// (soketi, workerd, Chromium) that must not starve each other.
const turboArgs = ["exec", "turbo", "run", ...TASKS, "--continue", "--concurrency=3", "--no-color", ...process.argv.slice(2)];

for (const workspace of workspaces) rmSync(join(workspace, "test-results"), { recursive: true, force: true });
rmSync(join(root, ".turbo", "runs"), { recursive: true, force: true });

// The tasks of the run, from turbo's dry run: packages without the script have none.
const dryRun = spawnSync("pnpm", [...turboArgs, "--dry=json"], { cwd: root, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
if (dryRun.status !== 0) {
  process.stderr.write(dryRun.stderr);
  console.log("turbo could not plan the run\n0 passed, 1 failed, 0 skipped");
  process.exit(1);
}
/** @type {{ taskId: string; task: string; package: string; directory: string; command: string; cache: { status: string } }[]} */
const planned = JSON.parse(dryRun.stdout).tasks.filter((task) => task.command !== "<NONEXISTENT>");
const byPrefix = new Map(planned.map((task) => [`${task.package}:${task.task}: `, task]));
const byId = new Map(planned.map((task) => [`${task.taskId}: `, task]));
const started = Date.now();
console.log(`pnpm test: ${planned.length} tasks (${planned.filter((task) => task.task === "test").length} of them tests), 3 at a time\n`);

/** `m:ss` since the run started. */
function elapsed() {
  const seconds = Math.round((Date.now() - started) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** A test task's counts and duration, from the vitest JSON report it wrote. */
function testOutcome(task) {
  const file = join(root, task.directory, "test-results", "vitest.json");
  if (!existsSync(file)) return "no test report";
  try {
    const report = JSON.parse(readFileSync(file, "utf8"));
    const { passed, failed, skipped } = countReport(report);
    const ends = (report.testResults ?? []).map((result) => result.endTime ?? 0);
    const seconds = Math.round((Math.max(report.startTime, ...ends) - report.startTime) / 1000);
    return `${passed} passed, ${failed} failed, ${skipped} skipped (${seconds} s${task.cache.status === "HIT" ? ", cached" : ""})`;
  } catch {
    return "unreadable test report";
  }
}

let done = 0;
/** Tasks turbo said failed, on stderr: "<taskId>:  ERROR  command … exited (1)". */
const failedIds = new Set();
/** @type {{ task: (typeof planned)[number]; lines: string[] } | undefined} */
let current;

/** Prints the progress line of the task whose log just ended, and the log itself if it failed. */
function finish() {
  if (current === undefined) return;
  const { task, lines } = current;
  // pnpm ends the log of a script that failed with "[ELIFECYCLE] Command failed with exit code N.".
  const failed = failedIds.has(task.taskId) || lines.some((line) => line.startsWith("[ELIFECYCLE]"));
  done++;
  const counter = `[${String(done).padStart(String(planned.length).length)}/${planned.length} ${elapsed().padStart(5)}]`;
  const outcome = task.task === "test" ? `: ${testOutcome(task)}` : task.cache.status === "HIT" ? " (cached)" : "";
  console.log(`${counter} ${failed ? "✗" : "✓"} ${task.package} ${task.task}${outcome}`);
  if (failed) console.log(`${lines.map((line) => `    ${line}`).join("\n")}\n`);
  current = undefined;
}

// turbo prints no machine-readable event when a task ends (--json streams log lines, the run
// summary comes last); in grouped order it prints each task's log, every line prefixed with its
// task id, once the task has finished: the first line of a log is the event read here.
const turbo = spawn("pnpm", [...turboArgs, "--summarize", "--log-order=grouped", "--output-logs=full", "--log-prefix=task"], {
  cwd: root,
  env,
  stdio: ["ignore", "pipe", "pipe"],
});
const turboExit = new Promise((resolve) => turbo.on("close", (code) => resolve(code ?? 1)));
const turboOwnLines = [];
const readStderr = (async () => {
  for await (const line of createInterface({ input: turbo.stderr })) {
    const task = byId.get(line.slice(0, line.indexOf(": ") + 2));
    if (task !== undefined && line.includes(" ERROR ")) failedIds.add(task.taskId);
    else if (task === undefined && line.trim() !== "") turboOwnLines.push(line);
  }
})();
for await (const line of createInterface({ input: turbo.stdout })) {
  const prefix = line.slice(0, line.indexOf(": ") + 2);
  const task = byPrefix.get(prefix);
  if (task !== undefined) {
    if (current?.task !== task) {
      finish();
      current = { task, lines: [] };
    }
    current.lines.push(line.slice(prefix.length));
  } else {
    finish();
    if (line.trim() !== "") turboOwnLines.push(line);
  }
}
finish();
await readStderr;
const turboStatus = await turboExit;

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
console.log(`Checks (format, lint, typecheck, build, package, API report): ${checksPassed} passed, ${checksFailed.length} failed`);
for (const task of checksFailed) console.log(`  failed: ${task}`);
let testFailures = failed;
if (turboStatus !== 0 && failed === 0 && checksFailed.length === 0) {
  console.log(`turbo failed without a failing task report:\n${turboOwnLines.join("\n")}`);
  testFailures = 1;
}
console.log(`${passed} passed, ${testFailures} failed, ${skipped} skipped`);
process.exit(turboStatus === 0 && testFailures === 0 && checksFailed.length === 0 ? 0 : 1);
