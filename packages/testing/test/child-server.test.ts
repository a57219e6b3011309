// How a server process is started and stopped: its ready line, its ports, its output on failure.
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { endChild, PortCollisionError, retryOnPortCollision, startChildServer, type ChildServerSpec } from "../src/child-server.js";
import { freePorts, isSoleListener } from "../src/ports.js";
import { childrenOf } from "./support/processes.js";

function nodeScript(script: string, overrides: Partial<ChildServerSpec> = {}): ChildServerSpec {
  return {
    name: "a-server",
    command: process.execPath,
    args: ["-e", script],
    env: {},
    stdin: "ignore",
    readyLine: "server is up",
    ports: [],
    secrets: ["hush"],
    startTimeoutMs: 30_000,
    ...overrides,
  };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen(port: number): Promise<Server> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

describe("startChildServer", () => {
  it("resolves once the ready line is printed, with the process id", async () => {
    const { child, pid } = await startChildServer(nodeScript('console.log("server is up"); setInterval(() => {}, 60000)'));
    expect(pid).toBe(child.pid);
    await endChild(child);
    expect(child.signalCode).toBe("SIGTERM");
  });

  it("rejects with the last output, secrets redacted, when the process exits before it is ready", async () => {
    const spec = nodeScript('console.error("the secret is hush"); process.exit(3)');
    await expect(startChildServer(spec)).rejects.toThrow(
      "a-server exited (code 3) before it was ready. Its last output:\nthe secret is [redacted]",
    );
  });

  it("rejects with a PortCollisionError when the process exits after printing portTakenPattern", async () => {
    const spec = nodeScript('console.log("bind: Address already in use"); process.exit(1)', { portTakenPattern: /Address already in use/ });
    await expect(startChildServer(spec)).rejects.toBeInstanceOf(PortCollisionError);
  });

  it("rejects with a PortCollisionError, and stops the process, when another process listens on its port", async () => {
    const before = childrenOf(process.pid);
    const [port = 0] = await freePorts(1);
    await listen(port);
    const spec = nodeScript('console.log("server is up"); setInterval(() => {}, 60000)', { ports: [port] });
    await expect(startChildServer(spec)).rejects.toThrow(new PortCollisionError(`port ${port} of a-server was taken by another process`));
    expect(childrenOf(process.pid)).toEqual(before);
  });
});

describe("retryOnPortCollision, freePorts and isSoleListener", () => {
  it("retryOnPortCollision runs start once more after a PortCollisionError, and never after another error", async () => {
    let calls = 0;
    await expect(
      retryOnPortCollision(() => (++calls === 1 ? Promise.reject(new PortCollisionError("taken")) : Promise.resolve(calls))),
    ).resolves.toBe(2);
    let failures = 0;
    await expect(retryOnPortCollision(() => Promise.reject(new Error(`broken ${++failures}`)))).rejects.toThrow("broken 1");
    let collisions = 0;
    await expect(retryOnPortCollision(() => Promise.reject(new PortCollisionError(`taken ${++collisions}`)))).rejects.toThrow("taken 2");
  });

  it("freePorts gives distinct free ports, never one it gave a moment ago", async () => {
    const first = await freePorts(3);
    const second = await freePorts(3);
    expect(new Set([...first, ...second]).size).toBe(6);
    for (const port of first) await listen(port);
  });

  it("isSoleListener(pid, port) is true only for the process that alone listens on the port", async () => {
    const [port = 0] = await freePorts(1);
    expect(await isSoleListener(process.pid, port)).toBe(false);
    await listen(port);
    expect(await isSoleListener(process.pid, port)).toBe(true);
    expect(await isSoleListener(process.ppid, port)).toBe(false);
  });
});
