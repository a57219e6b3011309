// `npx @x/testing serve` as a user runs it, in the clean npm project that installed the tarballs:
// npx finds the package's one bin, which serves until Ctrl-C.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { connect } from "node:net";
import { join } from "node:path";
import { packageManagerEnv } from "tests-runtime";
import { afterEach, describe, expect, inject, it } from "vitest";

const project = inject("consumerProjects").npm;
// NODE_PATH (set by pnpm) would let the project see the workspace's packages.
const env = Object.fromEntries(Object.entries(packageManagerEnv()).filter(([name]) => name !== "NODE_PATH"));
const started: number[] = [];
afterEach(() => {
  // Should a test fail, nothing it started outlives it.
  for (const pid of started.splice(0)) process.kill(-pid, "SIGKILL");
});

function run(command: string, args: string[]) {
  // A process group of its own, as a terminal gives a command: Ctrl-C reaches all of it.
  const child = spawn(command, args, { cwd: project.dir, env, detached: true });
  started.push(child.pid!);
  let output = "";
  let errors = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString("utf8")));
  const exited = once(child, "exit").then(([code]) => {
    started.splice(started.indexOf(child.pid!), 1);
    return code as number | null;
  });
  return { child, exited, output: () => output, errors: () => errors };
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });

describe("npx @x/testing serve, from the installed tarball", () => {
  it("npx finds the bin: --help prints the usage and exits 0", async () => {
    const help = run("npx", ["--no", "--", "@x/testing", "--help"]);
    expect(await help.exited).toBe(0);
    expect(help.output()).toMatch(/^Usage: npx @x\/testing serve/);
  });

  it("serves the fake until Ctrl-C, printing a PUSHER_URL that answers, and exits 0 with its port closed", async () => {
    const served = run(join(project.dir, "node_modules", ".bin", "x-testing"), ["serve"]);
    while (!served.output().includes("Running: Ctrl-C stops it.")) {
      if (served.child.exitCode !== null) throw new Error(`serve exited ${served.child.exitCode}: ${served.errors()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const port = Number(/^PUSHER_URL=http:\/\/[^@]+@127\.0\.0\.1:(\d+)\/apps\/1000001$/m.exec(served.output())?.[1]);
    // An unsigned request: the fake refuses it as Pusher would.
    expect((await fetch(`http://127.0.0.1:${port}/apps/1000001/channels`)).status).toBe(401);

    process.kill(-served.child.pid!, "SIGINT");
    expect(await served.exited).toBe(0);
    expect(await refused(port)).toBe(true);
  });

  it("serve --soketi, in a project without soketi, exits 1 and says what to install", async () => {
    const served = run("npx", ["--no", "@x/testing", "serve", "--soketi"]);
    expect(await served.exited).toBe(1);
    expect(served.errors()).toContain("npm i -D @soketi/soketi@1.6.1");
  });
});
