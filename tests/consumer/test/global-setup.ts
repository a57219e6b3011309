import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalPusher } from "@x/testing";
import { packPublishedPackages, type PackedPackage } from "tests-runtime";
import { soketiInstall } from "tools-test-support";
import type { TestProject } from "vitest/node";
import { createConsumerProject, PACKAGE_MANAGERS, type ConsumerProject, type PackageManager } from "../src/consumer-project.js";
import type { ConsumerContext } from "../src/run-consumer.js";

declare module "vitest" {
  export interface ProvidedContext {
    packed: PackedPackage[];
    consumerProjects: Record<PackageManager, ConsumerProject>;
    /** A folder of the run's temporary tree where a test file may make its own projects. */
    scratchDir: string;
    pusherServer: ConsumerContext["server"] & { url: string };
  }
}

/**
 * vitest global setup, once for the whole run: packs every published package (`pnpm pack`),
 * installs the tarballs into a clean npm project and a clean pnpm project, and starts one local
 * Pusher-compatible server. The temporary tree and the server are removed when the run ends,
 * also when tests failed.
 */
export default async function setUpRun(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), "x-consumer-tests-"));
  const stop: (() => Promise<void>)[] = [() => rm(root, { recursive: true, force: true })];
  const tearDown = async () => {
    for (const step of stop.reverse()) await step();
  };
  try {
    await mkdir(join(root, "tarballs"));
    await mkdir(join(root, "scratch"));
    const packed = await packPublishedPackages(join(root, "tarballs"));
    // Both installs and soketi's start-up at once; whatever started is stopped if anything failed.
    const [started, installed] = await Promise.allSettled([
      startLocalPusher(soketiInstall),
      Promise.all(PACKAGE_MANAGERS.map((manager) => createConsumerProject(manager, packed, join(root, manager)))),
    ]);
    if (started.status === "fulfilled") stop.push(() => started.value.close());
    if (started.status === "rejected") throw started.reason;
    if (installed.status === "rejected") throw installed.reason;
    const { appId, key, secret, host, port } = started.value.config;
    const projects = installed.value;
    project.provide("packed", packed);
    project.provide(
      "consumerProjects",
      Object.fromEntries(projects.map((p) => [p.packageManager, p])) as Record<PackageManager, ConsumerProject>,
    );
    project.provide("scratchDir", join(root, "scratch"));
    project.provide("pusherServer", { url: `http://${host}:${port}`, host, port, appId, key, secret });
    return tearDown;
  } catch (error) {
    await tearDown();
    throw error;
  }
}
