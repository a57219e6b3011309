import type { CaseContext, PusherTarget, RuntimeReport } from "../harness/run-cases.mjs";
import { runProcessRuntime } from "./run-process-runtime.js";
import { runWorkerdRuntime } from "./run-workerd-runtime.js";
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

/** Runs the project's case files in one runtime of the matrix, with the local server in the context. */
export async function runRuntime(runtime: Runtime, project: UserProject, server: PusherTarget | undefined): Promise<RuntimeRun> {
  const context = caseContext(runtime, server);
  if (runtime.kind === "workerd") return runWorkerdRuntime(runtime, project, context);
  return { report: await runProcessRuntime(runtime, project, context) };
}
