// Node is the target; the fake also loads and answers in Bun and Deno (node:http, node:crypto).
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const bin = (name: string) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
const script = fileURLToPath(new URL("./runtimes/smoke.ts", import.meta.url));

describe.each([
  { runtime: "bun", args: [script] },
  // --sloppy-imports: the sources import "./x.js" for "./x.ts", as TypeScript's NodeNext wants.
  { runtime: "deno", args: ["run", "--allow-net", "--allow-read", "--allow-env", "--sloppy-imports", script] },
])("under $runtime", ({ runtime, args }) => {
  it("starts the fake, accepts a signed trigger, records it and closes", async () => {
    const { stdout } = await run(bin(runtime), args, { timeout: 60_000, env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" } });
    expect(JSON.parse(stdout.trim().split("\n").at(-1) ?? "")).toEqual({ status: 200, answer: "{}", event: "ping" });
  });
});
