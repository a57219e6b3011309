import { join } from "node:path";
import type { CaseContext, PusherTarget, RuntimeReport } from "../harness/run-cases.mjs";
import { bundleWorker, casesWorkerEntry } from "./bundle-worker.js";
import { runProcessForReport, runWorkerForReport } from "./run-for-report.js";
import type { Runtime } from "./runtimes.js";
import type { UserProject } from "./user-project.js";

/** One runtime's report; for workerd also the files its Worker was bundled from. */
export interface RuntimeRun {
  report: RuntimeReport;
  bundleInputs?: string[];
}

/** The case context a runtime receives: its id, the crypto it must select, the local server. */
function caseContext(runtime: Runtime, server: PusherTarget | undefined): CaseContext {
  return { runtime: runtime.id, expectedCrypto: runtime.expectedCrypto, ...(server && { server }) };
}

/**
 * Runs the project's case files in one runtime of the matrix, with the local server in the
 * context. Node, Bun and Deno run `harness/run-cli.mjs` on the case files, from the project's
 * folder; for workerd the case files are bundled into a Worker (its `env.CONTEXT` is the
 * context) and served. Rejects when the runtime produced no report (it crashed, could not load
 * a case file, or hung).
 */
export async function runRuntime(runtime: Runtime, project: UserProject, server: PusherTarget | undefined): Promise<RuntimeRun> {
  const context = caseContext(runtime, server);
  if (runtime.kind === "workerd") {
    const bundle = await bundleWorker(project.dir, { contents: casesWorkerEntry(project) });
    const worker = { code: bundle.code, compatibilityFlags: runtime.compatibilityFlags, bindings: { CONTEXT: context } };
    return { report: await runWorkerForReport<RuntimeReport>(worker, { label: `${runtime.id} test` }), bundleInputs: bundle.inputs };
  }
  const entry = [join(project.dir, "harness", "run-cli.mjs"), ...project.caseFiles];
  return { report: await runProcessForReport<RuntimeReport>(runtime.command(), entry, { cwd: project.dir, context, label: runtime.id }) };
}
