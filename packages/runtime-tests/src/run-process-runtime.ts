import { spawn } from "node:child_process";
import type { CaseContext, RuntimeReport } from "../harness/run-cases.mjs";
import { join } from "node:path";
import type { ProcessRuntime } from "./runtimes.js";
import type { UserProject } from "./user-project.js";

/**
 * Runs the project's case files in a runtime that runs files (Node, Bun, Deno), from the
 * project's folder, and returns its report. Rejects when the runtime produced no report (it
 * crashed or could not load a case file).
 */
export async function runProcessRuntime(runtime: ProcessRuntime, project: UserProject, context: CaseContext): Promise<RuntimeReport> {
  const { executable, args } = runtime.command();
  const child = spawn(executable, [...args, join(project.dir, "harness", "run-cli.mjs"), ...project.caseFiles], {
    cwd: project.dir,
    env: { ...process.env, X_RUNTIME_TESTS_CONTEXT: JSON.stringify(context), NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
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
    return JSON.parse(reportLine) as RuntimeReport;
  } catch {
    throw new Error(`${runtime.id} (${executable}) exited with ${exitCode} and no report:\n${stderr}${stdout}`);
  }
}
