import { join } from "node:path";
import { bundleWorker, runProcessForReport, runtime, runWorkerForReport, type RuntimeId } from "tests-runtime";
import type { ConsumerProject } from "./consumer-project.js";

/** How a consumer loads the packages. */
export const MODES = ["import", "require"] as const;
export type Mode = (typeof MODES)[number];

/** The runtimes a consumer runs in (those of the runtime matrix), in the order of the matrix's columns. */
export const CONSUMER_RUNTIMES = [
  "node-22",
  "node-24",
  "node-26",
  "bun",
  "deno",
  "workerd",
  "workerd-nodejs-compat",
] as const satisfies readonly RuntimeId[];
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

/**
 * Runs the consumer of a project in a runtime of the runtime matrix (`tests-runtime`: the
 * same binaries, flags and Deno permissions), loading the packages through `mode`, and returns
 * its report. Node, Bun and Deno run the project's `cli.mjs` or `cli.cjs`; for workerd the
 * project's Worker (`worker-import.mjs` or `worker-require.mjs`) is bundled as wrangler bundles
 * it and served with the matrix's compatibility flags. Rejects when the runtime produced no
 * report (it crashed, or hung and was stopped).
 *
 * @example
 * ```ts
 * const report = await runConsumer(project, "node-22", "require", context);
 * report.results.every((result) => result.passed);
 * ```
 */
export async function runConsumer(
  project: ConsumerProject,
  id: ConsumerRuntime,
  mode: Mode,
  context: ConsumerContext,
): Promise<ConsumerReport> {
  const target = runtime(id);
  const label = `${context.label} ${mode}`;
  if (target.kind === "workerd") {
    const { code } = await bundleWorker(project.dir, { file: join(project.dir, `worker-${mode}.mjs`) });
    const worker = { code, compatibilityFlags: target.compatibilityFlags, bindings: { CONTEXT: context } };
    return runWorkerForReport<ConsumerReport>(worker, { label: `consumer ${label}` });
  }
  const entry = join(project.dir, mode === "import" ? "cli.mjs" : "cli.cjs");
  return runProcessForReport<ConsumerReport>(target.command(), [entry], { cwd: project.dir, context, label });
}
