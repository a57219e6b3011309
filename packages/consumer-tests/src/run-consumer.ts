import { spawn } from "node:child_process";
import { join } from "node:path";
import { bundleWorker, installedBinary, nodeBinary, serveWorker } from "@x/runtime-tests";
import type { ConsumerProject } from "./consumer-project.js";

/** How a consumer loads the packages. */
export const MODES = ["import", "require"] as const;
export type Mode = (typeof MODES)[number];

/** The runtimes a consumer runs in, in the order of the matrix's columns. */
export const CONSUMER_RUNTIMES = ["node-22", "node-24", "node-26", "bun", "deno", "workerd", "workerd-nodejs-compat"] as const;
export type ConsumerRuntime = (typeof CONSUMER_RUNTIMES)[number];

/** What a consumer is told: who it is, and where the local Pusher-compatible server listens. */
export interface ConsumerContext {
  /** e.g. "npm node-22": with the mode and the specifier, names each event a consumer triggers. */
  label: string;
  server: { host: string; port: number; appId: string; key: string; secret: string };
  /** The channel and event the test's pusher-js client waits on. */
  channel: string;
  eventName: string;
}

/** The outcome of one module in one consumer (see consumer/checks.cjs). */
export interface ConsumerResult {
  specifier: string;
  passed: boolean;
  did?: string[];
  error?: string;
  /** The file the runtime resolved the specifier to (runtimes that run files only). */
  resolved?: string;
}

/** What a consumer reports. */
export interface ConsumerReport {
  /** What the runtime says it is, e.g. "node 22.23.5". */
  version: string;
  results: ConsumerResult[];
}

/** The command that runs a file in a runtime that runs files. */
function command(runtime: Exclude<ConsumerRuntime, "workerd" | "workerd-nodejs-compat">): { executable: string; args: string[] } {
  switch (runtime) {
    case "node-22":
      return { executable: nodeBinary(22), args: [] };
    case "node-24":
      return { executable: nodeBinary(24), args: [] };
    case "node-26":
      return { executable: nodeBinary(26), args: [] };
    case "bun":
      return { executable: installedBinary(".bin/bun"), args: [] };
    case "deno":
      // `manual`: the project's node_modules, as npm or pnpm laid it out; only what the checks
      // need: read the modules, the context variable, and loopback for the local server.
      return {
        executable: installedBinary(".bin/deno"),
        args: ["run", "--no-lock", "--no-prompt", "--node-modules-dir=manual", "--allow-read", "--allow-env=X_CONSUMER_CONTEXT", "--allow-net=127.0.0.1"],
      };
  }
}

/**
 * Runs the consumer of a project in a runtime, loading the packages through `mode`, and returns
 * its report. Node, Bun and Deno run the project's `cli.mjs` or `cli.cjs`; for workerd the
 * project's Worker (`worker-import.mjs` or `worker-require.mjs`) is bundled as wrangler bundles
 * it and served with or without `nodejs_compat`. Rejects when the runtime produced no report.
 *
 * @example
 * ```ts
 * const report = await runConsumer(project, "node-22", "require", context);
 * report.results.every((result) => result.passed);
 * ```
 */
export async function runConsumer(project: ConsumerProject, runtime: ConsumerRuntime, mode: Mode, context: ConsumerContext): Promise<ConsumerReport> {
  if (runtime === "workerd" || runtime === "workerd-nodejs-compat") {
    const { code } = await bundleWorker(project.dir, { file: join(project.dir, `worker-${mode}.mjs`) });
    const flags = runtime === "workerd" ? ["no_nodejs_compat", "no_nodejs_compat_v2"] : ["nodejs_compat"];
    const worker = await serveWorker({ code, compatibilityFlags: flags, bindings: { CONTEXT: context } });
    try {
      const response = await fetch(worker.url);
      const body = await response.text();
      if (response.status !== 200) throw new Error(`the consumer Worker answered ${response.status}:\n${body}`);
      return JSON.parse(body) as ConsumerReport;
    } finally {
      await worker.stop();
    }
  }
  const { executable, args } = command(runtime);
  const entry = mode === "import" ? "cli.mjs" : "cli.cjs";
  const child = spawn(executable, [...args, join(project.dir, entry)], {
    cwd: project.dir,
    env: { ...process.env, X_CONSUMER_CONTEXT: JSON.stringify(context), NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  const reportLine = stdout.trimEnd().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(reportLine) as ConsumerReport;
  } catch {
    throw new Error(`${runtime} ${entry} exited with ${exitCode} and no report:\n${stderr}${stdout}`);
  }
}
