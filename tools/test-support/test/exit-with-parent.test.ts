import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { once } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { isRunning } from "../src/child-pids.ts";

const watchdog = createRequire(import.meta.url).resolve("../src/exit-with-parent.cjs");

// A parent that starts a grandchild the way startNodeProcess starts an app (stdin a pipe, the
// watchdog preloaded), prints the grandchild's pid, and then waits to be killed.
const parentScript = `
const { spawn } = require("node:child_process");
const child = spawn(process.execPath, ["--require", ${JSON.stringify(watchdog)}, "-e", "setInterval(() => {}, 60000)"], {
  stdio: ["pipe", "ignore", "ignore"],
});
console.log(child.pid);
setInterval(() => {}, 60000);
`;

describe("exit-with-parent.cjs", () => {
  it("ends the process it is preloaded into once its parent is killed with SIGKILL", async () => {
    const parent = spawn(process.execPath, ["-e", parentScript], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const [firstChunk] = (await once(parent.stdout, "data")) as [Buffer];
      const grandchild = Number(firstChunk.toString("utf8").trim());
      expect(isRunning(grandchild)).toBe(true);

      parent.kill("SIGKILL");
      await once(parent, "exit");
      // The grandchild is not ours to wait on: watch for it to go.
      await vi.waitFor(() => expect(isRunning(grandchild)).toBe(false), { timeout: 10_000, interval: 50 });
    } finally {
      parent.kill("SIGKILL");
    }
  });
});
