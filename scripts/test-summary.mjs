// The arithmetic of `pnpm test`'s summary (scripts/test-all.mjs), apart from the files it reads,
// so that a test can feed it what a crash leaves behind (tests/consumer/test/test-summary.test.ts).
// It adds up what vitest's JSON reporter and turbo's --summarize write; vitest --merge-reports
// cannot, as it needs one vitest config for every package, and turbo's summary has no test counts.
//
// What it guards against is a failure that vanishes from the count: a test file whose worker
// died mid-run (vitest lists its unfinished tests as "pending", counted by none of its totals),
// a test file that failed to load, a package whose test run wrote no report or an unreadable
// one, a test task that exited non-zero with every test passed (a coverage threshold, a crash
// after the tests). Each counts as at least one failure.

/**
 * @typedef {{ task: string; taskId: string; directory: string; execution?: { exitCode: number | null } }} TurboTask
 *   a task of turbo's run summary (`.turbo/runs/*.json`, `--summarize`)
 * @typedef {{ workspace: string; file: string; report?: unknown; error?: string }} TestReport
 *   a vitest JSON report (`<workspace>/test-results/*.json`), or why it could not be read
 * @typedef {{ testResults?: { status: string; assertionResults?: { status: string }[] }[] }} VitestReport
 *   the parts of a vitest JSON report that are counted
 * @typedef {{ suite: string; passed: number; failed: number; skipped: number }} SummaryRow
 * @typedef {{ rows: SummaryRow[]; checksPassed: number; checksFailed: string[]; passed: number; failed: number; skipped: number }} Summary
 */

/**
 * Counts one vitest JSON report by its tests' statuses: "passed"; "failed", and "pending" (a
 * test that never finished: its file's worker died); "skipped" and "todo". A file that failed
 * without a failed test (it did not load, or a hook threw) counts as one failure.
 *
 * @param {VitestReport | undefined} report
 * @returns {{ passed: number; failed: number; skipped: number }}
 */
export function countReport(report) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const file of report?.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    for (const test of tests) {
      if (test.status === "passed") counts.passed++;
      else if (test.status === "skipped" || test.status === "todo") counts.skipped++;
      else counts.failed++;
    }
    if (file.status === "failed" && !tests.some((test) => test.status === "failed")) counts.failed++;
  }
  return counts;
}

/**
 * The summary of a run: one row per test report, and rows for the test tasks whose failure no
 * report shows; every other turbo task (lint, typecheck, build, package and API-report checks) is one check.
 *
 * @param {TurboTask[]} tasks every task of the run's turbo summary
 * @param {TestReport[]} reports every test report found, read or not
 * @returns {Summary}
 */
export function summarize(tasks, reports) {
  let checksPassed = 0;
  /** @type {string[]} */
  const checksFailed = [];
  /** @type {SummaryRow[]} */
  const rows = [];
  for (const { workspace, file, report, error } of reports) {
    const suite = `${workspace} ${file.replace(/\.json$/, "")}`;
    rows.push(
      error === undefined
        ? { suite, ...countReport(/** @type {VitestReport} */ (report)) }
        : { suite: `${suite} unreadable (${error})`, passed: 0, failed: 1, skipped: 0 },
    );
  }
  for (const task of tasks) {
    if (task.task !== "test") {
      if (task.execution?.exitCode === 0) checksPassed++;
      else checksFailed.push(task.taskId);
      continue;
    }
    const ownRows = rows.filter((row) => row.suite.startsWith(`${task.directory} `));
    const problem =
      task.execution === undefined
        ? "did not run"
        : ownRows.length === 0
          ? "wrote no test report (test-results/*.json)"
          : task.execution.exitCode !== 0 && !ownRows.some((row) => row.failed > 0)
            ? "exited non-zero, no test failed (its log is above)"
            : undefined;
    if (problem !== undefined) rows.push({ suite: `${task.directory} ${task.taskId} ${problem}`, passed: 0, failed: 1, skipped: 0 });
  }
  const total = (/** @type {"passed" | "failed" | "skipped"} */ key) => rows.reduce((sum, row) => sum + row[key], 0);
  return { rows, checksPassed, checksFailed, passed: total("passed"), failed: total("failed"), skipped: total("skipped") };
}
