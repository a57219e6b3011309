import { startLocalPusher } from "@x/testing";
import { soketiInstall } from "tools-test-support";
import type { TestProject } from "vitest/node";
import type { PusherTarget } from "../harness/run-cases.mjs";
import { startTransportProbe } from "../src/transport-probe.js";
import { createUserProject, removeUserProject, type UserProject } from "../src/user-project.js";

declare module "vitest" {
  export interface ProvidedContext {
    userProject: UserProject;
    pusherServer: PusherTarget;
  }
}

/**
 * vitest global setup, once for the whole run: the user project every runtime loads the built
 * packages from, and one local Pusher-compatible server (soketi on a free loopback port) for
 * every runtime's trigger cases, and the transport probe of `cases/rest-transport.mjs`. All are
 * closed or removed when the run ends, also when tests failed.
 */
export default async function setUpRun(project: TestProject): Promise<() => Promise<void>> {
  const userProject = await createUserProject();
  try {
    const server = await startLocalPusher(soketiInstall);
    const probe = await startTransportProbe();
    const { appId, key, secret, port } = server.config;
    project.provide("userProject", userProject);
    project.provide("pusherServer", { url: `http://127.0.0.1:${port}`, appId, key, secret, probeUrl: probe.url });
    return async () => {
      await probe.close();
      await server.close();
      await removeUserProject(userProject);
    };
  } catch (error) {
    await removeUserProject(userProject);
    throw error;
  }
}
