// The hostile-input run of the auth handler in a real child process: the driver script
// (test/hostile/drive-auth-handler.ts, bundled with esbuild) sends hundreds of hostile requests
// and decisions through createAuthHandler under `node --unhandled-rejections=strict`, where any
// rejection nobody handles kills the process. The suite asserts that the process exits 0 and that
// every case got its expected status, with a signature only for the explicit allows.
import { expect, it } from "vitest";
import { describeHostileRun, statusesByGroup } from "../../types/test/support/run-hostile-driver.js";
import type { AuthCaseResult } from "./hostile/drive-auth-handler.js";

describeHostileRun<AuthCaseResult>(
  "createAuthHandler under hostile input, in a child process with --unhandled-rejections=strict",
  new URL("./hostile/drive-auth-handler.ts", import.meta.url),
  (summary) => {
    it("answers every case with its expected status, and signs only the explicit allows", () => {
      const { requests, elapsedMs, node, results } = summary();
      expect(requests).toBeGreaterThan(500);
      expect(results.filter((result) => result.status !== result.expected)).toEqual([]);
      expect(results.filter((result) => result.signed !== (result.expected === 200))).toEqual([]);
      const answers = statusesByGroup(results).join("\n  ");
      console.log(
        `createAuthHandler, ${requests} hostile requests in a strict Node ${node} process (${elapsedMs} ms), answered by kind:\n  ${answers}`,
      );
    });
  },
);
