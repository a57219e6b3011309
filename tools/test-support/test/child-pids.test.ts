import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { childPids, descendantPids, isRunning } from "../src/index.ts";

describe("childPids, descendantPids and isRunning", () => {
  it("descendantPids() sees a child's own child, which childPids() does not; both forget them once they end", async () => {
    const before = { children: await childPids(), descendants: await descendantPids() };
    // A shell (the child) that starts a sleep (the grandchild), prints its pid and waits for it.
    const shell = spawn("sh", ["-c", "sleep 30 & echo $!; wait"], { stdio: ["ignore", "pipe", "inherit"] });
    const exited = once(shell, "exit");
    const [chunk] = (await once(shell.stdout, "data")) as [Buffer];
    const sleepPid = Number(chunk.toString("utf8").trim());
    const shellPid = shell.pid ?? 0;
    try {
      expect(await childPids()).toEqual([...before.children, shellPid].sort((a, b) => a - b));
      expect(await descendantPids()).toEqual(expect.arrayContaining([shellPid, sleepPid]));
      expect(await descendantPids(shellPid)).toEqual([sleepPid]);
      expect(isRunning(sleepPid)).toBe(true);
    } finally {
      process.kill(sleepPid, "SIGKILL");
      await exited;
    }
    expect(isRunning(sleepPid)).toBe(false);
    expect(await childPids()).toEqual(before.children);
    expect(await descendantPids()).toEqual(before.descendants);
  });
});
