import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../src/index.ts";
import { isSoleListener } from "../src/port-ownership.ts";

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

describe("freePort and isSoleListener", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it("freePort() returns a loopback port that a server can listen on next", async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    servers.push(await listen(port));
  });

  it("isSoleListener(pid, port) is true only for the process that alone listens on the port", async () => {
    const port = await freePort();
    expect(await isSoleListener(process.pid, port)).toBe(false);

    servers.push(await listen(port));
    expect(await isSoleListener(process.pid, port)).toBe(true);
    // Any other process, here our parent, does not own that listener.
    expect(await isSoleListener(process.ppid, port)).toBe(false);
  });
});
