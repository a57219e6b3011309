// The hostile-input run of the auth handler in a real child process: the driver script
// (test/hostile/drive-auth-handler.ts, bundled with esbuild) sends hundreds of hostile requests
// and decisions through createAuthHandler under `node --unhandled-rejections=strict`, where any
// rejection nobody handles kills the process. The test asserts that the process exits 0 and that
// every case got its expected status, with a signature only for the explicit allows.
import { beforeAll, describe, expect, it } from "vitest";
import {
  UNHANDLED_REJECTION_SCRIPT,
  runHostileDriver,
  runStrictNode,
  statusesByGroup,
  summaryOf,
  type StrictNodeRun,
} from "../../types/test/support/run-hostile-driver.js";
import type { AuthCaseResult } from "./hostile/drive-auth-handler.js";

let run: StrictNodeRun;

beforeAll(async () => {
  run = await runHostileDriver(new URL("./hostile/drive-auth-handler.ts", import.meta.url));
}, 600_000);

describe("createAuthHandler under hostile input, in a child process with --unhandled-rejections=strict", () => {
  it("a rejection nobody handles ends such a process with a non-zero code (so a crash fails this suite)", async () => {
    const crash = await runStrictNode(UNHANDLED_REJECTION_SCRIPT);
    expect(crash.code).not.toBe(0);
  });

  it("drives hundreds of hostile requests and exits 0", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("answers every case with its expected status, and signs only the explicit allows", () => {
    const { requests, elapsedMs, node, results } = summaryOf<AuthCaseResult>(run);
    expect(requests).toBeGreaterThan(500);
    expect(results.filter((result) => result.status !== result.expected)).toEqual([]);
    expect(results.filter((result) => result.signed !== (result.expected === 200))).toEqual([]);
    console.log(`auth handler, hostile run on Node ${node}: ${requests} requests in ${elapsedMs} ms\n  ${statusesByGroup(results).join("\n  ")}`);
  });
});
