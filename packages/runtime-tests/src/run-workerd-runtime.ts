import type { CaseContext, RuntimeReport } from "../harness/run-cases.mjs";
import { bundleWorker, casesWorkerEntry } from "./bundle-worker.js";
import type { WorkerdRuntime } from "./runtimes.js";
import { serveWorker } from "./serve-worker.js";
import type { UserProject } from "./user-project.js";

/** The report of the cases run in workerd, and the files the Worker was bundled from. */
export interface WorkerdRun {
  report: RuntimeReport;
  bundleInputs: string[];
}

/**
 * Bundles the project's case files into a Worker, serves it with workerd, asks it for the report
 * over HTTP, and stops workerd, also when something failed. The case context is `env.CONTEXT`.
 */
export async function runWorkerdRuntime(runtime: WorkerdRuntime, project: UserProject, context: CaseContext): Promise<WorkerdRun> {
  const bundle = await bundleWorker(project.dir, { contents: casesWorkerEntry(project) });
  const worker = await serveWorker({ code: bundle.code, compatibilityFlags: runtime.compatibilityFlags, bindings: { CONTEXT: context } });
  try {
    const response = await fetch(worker.url);
    const body = await response.text();
    if (response.status !== 200) throw new Error(`the test Worker answered ${response.status}:\n${body}`);
    return { report: JSON.parse(body) as RuntimeReport, bundleInputs: bundle.inputs };
  } finally {
    await worker.stop();
  }
}
