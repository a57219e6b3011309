import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { countReport, summarize, type VitestReport } from "../../../scripts/test-summary.mjs";

const VITEST = join(dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");
const scratch = mkdtempSync(join(tmpdir(), "x-test-summary-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs vitest (as the packages do, JSON report) on test files written into a fresh folder, and returns the report. */
function vitestReport(files: Record<string, string>): VitestReport {
  const dir = mkdtempSync(join(scratch, "run-"));
  mkdirSync(join(dir, "test"));
  for (const [name, source] of Object.entries(files)) writeFileSync(join(dir, "test", name), source);
  // The run under test must not take itself for a worker of this one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST")));
  const run = spawnSync(process.execPath, [VITEST, "run", "--root", dir, "--globals", "--reporter=json", "--outputFile=report.json"], {
    cwd: dir,
    env: { ...env, NODE_ENV: "test" },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.status, run.stderr).toBe(1);
  return JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as VitestReport;
}

const report = (passed: number, failed = 0) => ({
  testResults: [
    {
      status: failed > 0 ? "failed" : "passed",
      assertionResults: [...Array<string>(passed).fill("passed"), ...Array<string>(failed).fill("failed")].map((status) => ({ status })),
    },
  ],
});
const testTask = (directory: string, exitCode: number | undefined) => ({
  task: "test",
  taskId: `${directory}#test`,
  directory,
  ...(exitCode === undefined ? {} : { execution: { exitCode } }),
});

describe("pnpm test's summary (scripts/test-summary.mjs)", () => {
  it("counts the unfinished tests of a file whose worker died as failed, and a file that did not load as one failure", () => {
    const crashed = vitestReport({
      "crash.test.js": 'it("dies", () => { process.kill(process.pid, "SIGKILL"); });\nit("never runs", () => {});\n',
      "load.test.js": 'throw new Error("does not load");\n',
      "fine.test.js": 'it("passes", () => { expect(1).toBe(1); });\nit.skip("is skipped", () => {});\n',
    });

    // vitest itself counts the dead worker's tests as neither passed, failed nor pending.
    expect(crashed).toMatchObject({ numPassedTests: 1, numFailedTests: 0, numPendingTests: 1 });
    expect(countReport(crashed)).toEqual({ passed: 1, failed: 3, skipped: 1 });
  }, 90_000);

  it("fails a test task whose package wrote no report, or an unreadable one, or that did not run", () => {
    const { rows, failed } = summarize(
      [testTask("packages/a", 0), testTask("packages/b", 0), testTask("packages/c", 1), testTask("packages/d", undefined)],
      [
        { workspace: "packages/a", file: "vitest.json", report: report(3) },
        { workspace: "packages/c", file: "vitest.json", error: "Unexpected end of JSON input" },
      ],
    );

    expect(failed).toBe(3);
    expect(rows).toEqual([
      { suite: "packages/a vitest", passed: 3, failed: 0, skipped: 0 },
      { suite: "packages/c vitest unreadable (Unexpected end of JSON input)", passed: 0, failed: 1, skipped: 0 },
      { suite: "packages/b packages/b#test wrote no test report (test-results/*.json)", passed: 0, failed: 1, skipped: 0 },
      { suite: "packages/d packages/d#test did not run", passed: 0, failed: 1, skipped: 0 },
    ]);
  });

  it("fails a test task that exited non-zero with every test passed, once, and does not count a failed test twice", () => {
    const summary = summarize(
      [testTask("packages/a", 1), testTask("packages/b", 1)],
      [
        { workspace: "packages/a", file: "vitest.json", report: report(5) },
        { workspace: "packages/b", file: "vitest.json", report: report(4, 2) },
      ],
    );

    expect(summary).toMatchObject({ passed: 9, failed: 3, skipped: 0 });
    expect(summary.rows.map((row) => row.suite)).toContain("packages/a packages/a#test exited non-zero, no test failed (its log is above)");
  });

  it("counts every other task as one check, failed unless it exited with 0", () => {
    const { checksPassed, checksFailed, failed } = summarize(
      [
        { task: "lint", taskId: "@x/a#lint", directory: "packages/a", execution: { exitCode: 0 } },
        { task: "build", taskId: "@x/a#build", directory: "packages/a", execution: { exitCode: 2 } },
        { task: "typecheck", taskId: "@x/a#typecheck", directory: "packages/a" },
      ],
      [],
    );

    expect({ checksPassed, checksFailed, failed }).toEqual({ checksPassed: 1, checksFailed: ["@x/a#build", "@x/a#typecheck"], failed: 0 });
  });
});
