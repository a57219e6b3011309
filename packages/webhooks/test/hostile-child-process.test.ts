// The hostile-input run of the webhook handler in a real child process: the driver script
// (test/hostile/drive-webhook-handler.ts, bundled with esbuild) sends hundreds of hostile
// requests through createWebhookHandler, with callbacks that fail in every way, under
// `node --unhandled-rejections=strict`, where any rejection nobody handles kills the process. The
// suite asserts that the process exits 0 and that every case got its expected status, with events
// reaching the callbacks only for the webhooks answered 200.
import { expect, it } from "vitest";
import { describeHostileRun, statusesByGroup } from "../../types/test/support/run-hostile-driver.js";
import type { WebhookCaseResult } from "./hostile/drive-webhook-handler.js";

describeHostileRun<WebhookCaseResult>(
  "createWebhookHandler under hostile input, in a child process with --unhandled-rejections=strict",
  new URL("./hostile/drive-webhook-handler.ts", import.meta.url),
  (summary) => {
    it("answers every case with its expected status, and hands events to the callbacks only for a 200", () => {
      const { requests, elapsedMs, node, results } = summary();
      expect(requests).toBeGreaterThan(300);
      expect(results.filter((result) => result.status !== result.expected)).toEqual([]);
      expect(
        results.filter((result) => result.group !== "callback that fails" && result.delivered > 0 !== (result.expected === 200)),
      ).toEqual([]);
      expect(results.find((result) => result.name.startsWith("onEvents rejects, onEvent never called"))?.delivered).toBe(0);

      const slow = results.filter((result) => result.name.includes("500,000")).map((result) => `${result.name}: ${result.elapsedMs} ms`);
      const answers = statusesByGroup(results).join("\n  ");
      console.log(
        `createWebhookHandler, ${requests} hostile requests in a strict Node ${node} process (${elapsedMs} ms), answered by kind:\n  ${answers}\n` +
          `time to answer the deepest bodies:\n  ${slow.join("\n  ")}`,
      );
    });
  },
);
