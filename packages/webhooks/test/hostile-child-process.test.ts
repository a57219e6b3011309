// The hostile-input run of the webhook handler in a real child process: the driver script
// (test/hostile/drive-webhook-handler.ts, bundled here with esbuild) sends hundreds of hostile
// requests through createWebhookHandler, with callbacks that fail in every way, under
// `node --unhandled-rejections=strict`, where any rejection nobody handles kills the process. The
// test asserts that the process exits 0 and that every case got its expected status, with events
// reaching the callbacks only for the webhooks answered 200.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseResult } from "./hostile/drive-webhook-handler.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node --unhandled-rejections=strict <args>` and collects what it printed and its exit code. */
function runStrictNode(args: string[]): Promise<Run> {
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

let dir: string;
let run: Run;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "x-webhooks-hostile-"));
  const outfile = join(dir, "drive-webhook-handler.mjs");
  await build({
    entryPoints: [fileURLToPath(new URL("./hostile/drive-webhook-handler.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    logLevel: "silent",
  });
  run = await runStrictNode([outfile]);
}, 600_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("createWebhookHandler under hostile input, in a child process with --unhandled-rejections=strict", () => {
  it("a rejection nobody handles ends such a process with a non-zero code (so a crash fails this suite)", async () => {
    const crash = await runStrictNode(["--input-type=module", "-e", "Promise.reject(new Error('unhandled')); await new Promise((r) => setTimeout(r, 50));"]);
    expect(crash.code).not.toBe(0);
  });

  it("drives hundreds of hostile requests and exits 0", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("answers every case with its expected status, and hands events to the callbacks only for a 200", () => {
    const { requests, elapsedMs, node, timings, results } = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as {
      requests: number;
      elapsedMs: number;
      node: string;
      timings: Record<string, number>;
      results: CaseResult[];
    };
    expect(requests).toBeGreaterThan(300);
    expect(results.filter((result) => result.status !== result.expected)).toEqual([]);
    expect(results.filter((result) => result.group !== "callback that fails" && (result.delivered > 0) !== (result.expected === 200))).toEqual([]);
    expect(results.find((result) => result.name.startsWith("onEvents rejects, onEvent never called"))?.delivered).toBe(0);

    const groups = new Map<string, Map<number | string, number>>();
    for (const { group, status } of results) {
      const statuses = groups.get(group) ?? new Map<number | string, number>();
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      groups.set(group, statuses);
    }
    const lines = [...groups].map(([group, statuses]) => `${group}: ${[...statuses].map(([status, count]) => `${count}× ${status}`).join(", ")}`);
    const slow = Object.entries(timings).map(([name, ms]) => `${name}: ${ms} ms`);
    console.log(`webhook handler, hostile run on Node ${node}: ${requests} requests in ${elapsedMs} ms\n  ${lines.join("\n  ")}\n  ${slow.join("\n  ")}`);
  });
});
