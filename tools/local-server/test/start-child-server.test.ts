import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { childPids, freePort } from "../src/index.ts";
import { PortCollisionError, retryOnPortCollision, startChildServer, type ChildServerSpec } from "../src/start-child-server.ts";
import { stopChild } from "../src/tracked-children.ts";

function nodeScript(script: string, overrides: Partial<ChildServerSpec> = {}): ChildServerSpec {
  return {
    name: "fake-server",
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

describe("startChildServer and retryOnPortCollision", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it("startChildServer() resolves once the ready line is printed, with the process id", async () => {
    const { child, pid } = await startChildServer(nodeScript('console.log("server is up"); setInterval(() => {}, 60000)'));
    expect(pid).toBe(child.pid);
    await stopChild(child);
  });

  it("startChildServer() rejects with a PortCollisionError when the process exits after printing portTakenPattern", async () => {
    const spec = nodeScript('console.log("bind: Address already in use"); process.exit(1)', { portTakenPattern: /Address already in use/ });
    await expect(startChildServer(spec)).rejects.toBeInstanceOf(PortCollisionError);
  });

  it("startChildServer() rejects with the last output, secrets redacted, when the process exits before it is ready", async () => {
    const spec = nodeScript('console.error("the secret is hush"); process.exit(3)', { portTakenPattern: /Address already in use/ });
    await expect(startChildServer(spec)).rejects.toThrow(
      "fake-server exited (code 3) before it was ready. Its last output:\nthe secret is [redacted]",
    );
  });

  it("startChildServer() rejects with a PortCollisionError, and stops the process, when another process listens on its port", async () => {
    const before = await childPids();
    const port = await freePort();
    const squatter = createServer();
    servers.push(squatter);
    await new Promise<void>((resolve) => squatter.listen(port, "127.0.0.1", resolve));

    const spec = nodeScript('console.log("server is up"); setInterval(() => {}, 60000)', { ports: [port] });
    await expect(startChildServer(spec)).rejects.toThrow(new PortCollisionError(`port ${port} of fake-server was taken by another process`));
    expect(await childPids()).toEqual(before);
  });

  it("retryOnPortCollision(start) runs start once more after a PortCollisionError, and never after another error", async () => {
    let calls = 0;
    const collideOnce = () => (++calls === 1 ? Promise.reject(new PortCollisionError("taken")) : Promise.resolve(calls));
    await expect(retryOnPortCollision(collideOnce)).resolves.toBe(2);

    let otherCalls = 0;
    const failing = () => {
      otherCalls++;
      return Promise.reject(new Error("broken"));
    };
    await expect(retryOnPortCollision(failing)).rejects.toThrow("broken");
    expect(otherCalls).toBe(1);

    let collisions = 0;
    const alwaysColliding = () => {
      collisions++;
      return Promise.reject(new PortCollisionError("taken again"));
    };
    await expect(retryOnPortCollision(alwaysColliding)).rejects.toThrow("taken again");
    expect(collisions).toBe(2);
  });
});
