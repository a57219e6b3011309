// Runs a hostile-input driver script (see hostile-driver.ts) the way the hostile-child-process
// tests of @x/auth and @x/webhooks need it, which import this file by its relative path: bundled
// with esbuild, in a child process started with `node --unhandled-rejections=strict`, where any
// rejection nobody handles ends the process with a non-zero code.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import type { CaseResult, HostileRunSummary } from "./hostile-driver.js";

/** What a child process printed, and its exit code. */
interface StrictNodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node --unhandled-rejections=strict <args>` and collects what it printed and its exit code. */
function runStrictNode(args: string[]): Promise<StrictNodeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--unhandled-rejections=strict", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // A handler that never answered would hang the driver: that is a failure too. The limit is
    // for a shared, possibly overloaded machine; a normal run takes a few seconds.
    const timer = setTimeout(() => child.kill("SIGKILL"), 480_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Bundles the driver script at `driver` (a TypeScript file) into a temporary directory and runs it with {@link runStrictNode}. */
async function runHostileDriver(driver: URL): Promise<StrictNodeRun> {
  const dir = await mkdtemp(join(tmpdir(), "x-hostile-driver-"));
  try {
    const outfile = join(dir, "driver.mjs");
    await build({
      entryPoints: [fileURLToPath(driver)],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile,
      logLevel: "silent",
    });
    return await runStrictNode([outfile]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The summary a driver printed as its last line. */
function summaryOf<R extends CaseResult>(run: StrictNodeRun): HostileRunSummary<R> {
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!) as HostileRunSummary<R>;
}

/** One line per group of cases: how many got each status, e.g. `malformed request: 30× 400, 6× 405`. */
export function statusesByGroup(results: readonly CaseResult[]): string[] {
  const groups = new Map<string, Map<number | string, number>>();
  for (const { group, status } of results) {
    const statuses = groups.get(group) ?? new Map<number | string, number>();
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    groups.set(group, statuses);
  }
  return [...groups].map(([group, statuses]) => `${group}: ${[...statuses].map(([status, count]) => `${count}× ${status}`).join(", ")}`);
}

/**
 * A suite for the driver script at `driver`: it runs once, before the tests; two tests check that
 * a strict Node does end on an unhandled rejection (so that a crash fails the suite) and that the
 * driver exited 0 with nothing on stderr; `checks` adds the tests of its summary.
 */
export function describeHostileRun<R extends CaseResult>(
  title: string,
  driver: URL,
  checks: (summary: () => HostileRunSummary<R>) => void,
): void {
  describe(title, () => {
    let run: StrictNodeRun;
    beforeAll(async () => {
      run = await runHostileDriver(driver);
    }, 600_000);

    it("a rejection nobody handles ends such a process with a non-zero code (so a crash fails this suite)", async () => {
      const crash = await runStrictNode([
        "--input-type=module",
        "-e",
        "Promise.reject(new Error('unhandled')); await new Promise((r) => setTimeout(r, 50));",
      ]);
      expect(crash.code).not.toBe(0);
    });

    it("drives hundreds of hostile requests and exits 0", () => {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
    });

    checks(() => summaryOf<R>(run));
  });
}
