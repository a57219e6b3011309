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
import type { CaseResult, HostileRunSummary } from "./hostile-driver.js";

/** What a child process printed, and its exit code. */
export interface StrictNodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Arguments of a script that leaves a rejection unhandled: a strict Node must exit non-zero on it. */
export const UNHANDLED_REJECTION_SCRIPT = [
  "--input-type=module",
  "-e",
  "Promise.reject(new Error('unhandled')); await new Promise((r) => setTimeout(r, 50));",
];

/** Runs `node --unhandled-rejections=strict <args>` and collects what it printed and its exit code. */
export function runStrictNode(args: string[]): Promise<StrictNodeRun> {
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
export async function runHostileDriver(driver: URL): Promise<StrictNodeRun> {
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
export function summaryOf<R extends CaseResult>(run: StrictNodeRun): HostileRunSummary<R> {
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
