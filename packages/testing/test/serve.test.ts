// `npx @x/testing serve`, as its bin runs it: the built dist/cli.mjs in a process of its own.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Pusher from "pusher";
import { afterEach, describe, expect, it } from "vitest";
import type { LocalPusher } from "../src/index.js";
import { childrenOf, connectionRefused, isRunning } from "./support/processes.js";
import { connectTo } from "./support/pusher-js.js";

const CLI = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const require = createRequire(import.meta.url);

interface Served {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  errors: () => string;
}

const running: Served[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const { child } of running.splice(0)) child.kill("SIGKILL");
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function serve(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Served {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? dirname(CLI), env: options.env ?? process.env });
  let output = "";
  let errors = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString("utf8")));
  const served = { child, output: () => output, errors: () => errors };
  running.push(served);
  return served;
}

/** The printed PUSHER_URL, SDK options and pusher-js options, once all are out. */
async function printed({
  child,
  output,
  errors,
}: Served): Promise<{ url: string; config: LocalPusher["config"]; clientOptions?: LocalPusher["clientOptions"] }> {
  while (!output().includes("Running: Ctrl-C stops it.\n")) {
    if (child.exitCode !== null) throw new Error(`serve exited (${child.exitCode}): ${errors()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const text = output();
  const url = /^PUSHER_URL=(\S+)$/m.exec(text)?.[1] ?? "";
  const json = [...text.matchAll(/^\{\n[\s\S]*?\n\}$/gm)].map(([block]) => JSON.parse(block) as unknown);
  return {
    url,
    config: json[0] as LocalPusher["config"],
    ...(json[1] === undefined ? {} : { clientOptions: json[1] as LocalPusher["clientOptions"] }),
  };
}

async function interrupt({ child }: Served): Promise<number | null> {
  child.kill("SIGINT");
  const [code] = (await once(child, "exit")) as [number | null];
  return code;
}

describe("npx @x/testing serve", () => {
  it("serves the fake, prints its PUSHER_URL and SDK options, answers, and stops clean on Ctrl-C", async () => {
    const served = serve(["serve"]);
    const { url, config, clientOptions } = await printed(served);
    expect(url).toBe(`http://fake-app-key:fake-app-secret@127.0.0.1:${config.port}/apps/1000001`);
    expect(config).toEqual({
      appId: "1000001",
      key: "fake-app-key",
      secret: "fake-app-secret",
      host: "127.0.0.1",
      port: config.port,
      useTLS: false,
    });
    expect(clientOptions).toBeUndefined();
    expect(served.output()).toContain(
      "pusher-js client options: none, the fake has no WebSocket side (serve --soketi runs a server pusher-js connects to).",
    );
    expect((await Pusher.forURL(url).trigger("orders", "created", { id: 7 })).status).toBe(200);

    expect(await interrupt(served)).toBe(0);
    expect(served.output()).toMatch(/@x\/testing serve: stopped\.\n$/);
    expect(await connectionRefused(config.port)).toBe(true);
  });

  it("serve --soketi prints the pusher-js options a client connects with, and stops soketi on Ctrl-C", async () => {
    const served = serve(["serve", "--soketi", "--key", "served-key"]);
    const { url, config, clientOptions } = await printed(served);
    const soketi = childrenOf(served.child.pid!);
    expect(soketi).toHaveLength(1);
    expect(clientOptions).toEqual({
      wsHost: "127.0.0.1",
      wsPort: config.port,
      forceTLS: false,
      enabledTransports: ["ws"],
      cluster: "mt1",
      disableStats: true,
    });
    expect(served.output()).toContain('pusher-js client options (new Pusher("served-key", options)):');
    const client = await connectTo({ config, clientOptions: clientOptions! });
    await client.subscribe("orders");
    const received = client.next("orders", "created");
    await Pusher.forURL(url).trigger("orders", "created", { id: 7 });
    expect(await received).toEqual({ id: 7 });
    client.disconnect();

    expect(await interrupt(served)).toBe(0);
    expect(soketi.filter(isRunning)).toEqual([]);
    expect(await connectionRefused(config.port)).toBe(true);
  });

  it("serve --soketi finds soketi and a Node.js 20 installed in the project it runs in, with no option or variable", async () => {
    const project = mkdtempSync(join(tmpdir(), "x-testing-project-"));
    folders.push(project);
    writeFileSync(join(project, "package.json"), '{ "name": "an-app", "private": true }');
    mkdirSync(join(project, "node_modules", "@soketi"), { recursive: true });
    symlinkSync(dirname(require.resolve("@soketi/soketi/package.json")), join(project, "node_modules", "@soketi", "soketi"));
    const node20 = dirname(dirname(process.env.X_TESTING_SOKETI_NODE ?? ""));
    symlinkSync(node20, join(project, "node_modules", `node-${process.platform}-${process.arch}`));
    // Nothing names the Node.js 20: the project's node-<os>-<arch> package is found.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "X_TESTING_SOKETI_NODE"));

    const served = serve(["serve", "--soketi"], { cwd: project, env });
    const { config } = await printed(served);
    expect(await (await fetch(`http://127.0.0.1:${config.port}/`)).text()).toBe("OK");
    expect(await interrupt(served)).toBe(0);
  });

  it("serve --soketi in a project without soketi exits 1 with what to install", async () => {
    const project = mkdtempSync(join(tmpdir(), "x-testing-project-"));
    folders.push(project);
    const served = serve(["serve", "--soketi"], { cwd: project });
    const [code] = (await once(served.child, "exit")) as [number];
    expect(code).toBe(1);
    expect(served.errors()).toMatch(
      /^@x\/testing serve: startLocalPusher: no @soketi\/soketi in the project of .+\.\nsoketi is not a dependency of @x\/testing/,
    );
    expect(served.errors()).toContain("npm i -D @soketi/soketi@1.6.1");
  });

  it("prints its usage for --help (exit 0) and for arguments it does not know (exit 2)", async () => {
    const help = serve(["--help"]);
    expect(((await once(help.child, "exit")) as [number])[0]).toBe(0);
    expect(help.output()).toMatch(/^Usage: npx @x\/testing serve \[--soketi\] \[--nodes N\]/);
    for (const args of [["serve", "--nodes", "two"], ["serve", "--port", "1"], ["start"], []]) {
      const wrong = serve(args);
      expect(((await once(wrong.child, "exit")) as [number])[0]).toBe(2);
      expect(wrong.errors()).toContain("Usage: npx @x/testing serve");
    }
  });
});
