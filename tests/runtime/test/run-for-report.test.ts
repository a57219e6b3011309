import { childPids } from "tools-test-support";
import { describe, expect, it } from "vitest";
import { runProcessForReport } from "../src/run-for-report.js";

const node = (script: string) => ({ executable: process.execPath, args: ["-e", script] });
const options = { cwd: process.cwd(), context: { greeting: "hello" }, label: "a test program" };

describe("runProcessForReport", () => {
  it("resolves with the JSON of the last line the program prints, given the context in X_TEST_CONTEXT", async () => {
    const script = 'console.log("noise"); console.log(JSON.stringify({ got: JSON.parse(process.env.X_TEST_CONTEXT) }));';
    await expect(runProcessForReport(node(script), [], options)).resolves.toEqual({ got: { greeting: "hello" } });
  });

  it("rejects with the exit status and the output when the program ends without a report", async () => {
    const script = 'console.error("it broke"); process.exit(3);';
    await expect(runProcessForReport(node(script), [], options)).rejects.toThrow(
      /^a test program \(.+\) exited with 3 and no report:\nit broke/,
    );
  });

  it("kills a program that hangs past timeoutMs, and rejects", async () => {
    const before = await childPids();
    const script = 'console.log("started"); setInterval(() => {}, 60_000);';
    await expect(runProcessForReport(node(script), [], { ...options, timeoutMs: 500 })).rejects.toThrow(
      /^a test program \(.+\) gave no report within 500 ms and was killed:\nstarted/,
    );
    expect(await childPids()).toEqual(before);
  });
});
