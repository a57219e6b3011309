import { spawn } from "node:child_process";
import { serveWorker } from "./serve-worker.js";

/** How long a runtime may take to run a project's code and report, before it is stopped. */
const REPORT_TIMEOUT_MS = 180_000;

/**
 * The environment variable that holds the context (JSON) of a program run by
 * {@link runProcessForReport}: the runtime tests' harness (`harness/run-cli.mjs`) and the
 * consumers of tests-consumer read it. Deno is allowed to read this variable alone.
 */
export const CONTEXT_VARIABLE = "X_TEST_CONTEXT";

/** What a run is called in errors, and how long it may take. */
export interface ReportRunOptions {
  /** Names the run in errors, e.g. "deno" or "npm bun import". */
  label: string;
  /** @default 180_000 */
  timeoutMs?: number;
}

/**
 * Runs a program that prints its report as JSON on the last line of its stdout (Node, Bun or
 * Deno on a harness entry), with `context` as JSON in {@link CONTEXT_VARIABLE} and this
 * process's other variables, from `cwd`, and resolves with that report. The process is killed (SIGKILL) if it
 * runs longer than `timeoutMs`, so that a hung runtime neither hangs the test run nor outlives
 * it; a run that ends without a report rejects with its exit status and output.
 *
 * @example
 * ```ts
 * const report = await runProcessForReport<RuntimeReport>(runtime.command(), [entry], { cwd, context, label: runtime.id });
 * ```
 */
export async function runProcessForReport<T>(
  command: { executable: string; args: readonly string[] },
  extraArgs: readonly string[],
  options: ReportRunOptions & { cwd: string; context: unknown },
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? REPORT_TIMEOUT_MS;
  const child = spawn(command.executable, [...command.args, ...extraArgs], {
    cwd: options.cwd,
    env: { ...process.env, [CONTEXT_VARIABLE]: JSON.stringify(options.context), NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, timeoutMs);
  const ended = await new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve(signal === null ? `exited with ${code}` : `was killed (${signal})`));
  }).finally(() => clearTimeout(timer));
  if (timedOut)
    throw new Error(`${options.label} (${command.executable}) gave no report within ${timeoutMs} ms and was killed:\n${stderr}${stdout}`);
  const reportLine = stdout.trimEnd().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(reportLine) as T;
  } catch {
    throw new Error(`${options.label} (${command.executable}) ${ended} and no report:\n${stderr}${stdout}`);
  }
}

/**
 * Serves a bundled Worker with workerd, asks it for its report (a JSON answer to `GET /`), and
 * stops workerd, also when something failed. A Worker that does not answer within `timeoutMs`,
 * or answers anything but a 200, rejects.
 *
 * @example
 * ```ts
 * const report = await runWorkerForReport<RuntimeReport>({ code, compatibilityFlags: ["nodejs_compat"], bindings: { CONTEXT: context } }, { label: "workerd" });
 * ```
 */
export async function runWorkerForReport<T>(
  worker: { code: string; compatibilityFlags: readonly string[]; bindings: Record<string, unknown> },
  options: ReportRunOptions,
): Promise<T> {
  const served = await serveWorker(worker);
  try {
    const response = await fetch(served.url, { signal: AbortSignal.timeout(options.timeoutMs ?? REPORT_TIMEOUT_MS) });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`the ${options.label} Worker answered ${response.status}:\n${body}`);
    return JSON.parse(body) as T;
  } finally {
    await served.stop();
  }
}
