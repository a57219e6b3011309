// The entry point of the runtimes that run files (Node, Bun, Deno):
//   <runtime> harness/run-cli.mjs /absolute/path/to/cases/<file>.mjs ...
// with the case context as JSON in the X_TEST_CONTEXT environment variable. Each case
// file is imported as a user's code would import it, so `@x/*` resolve to their built `dist`
// through the packages' `exports`, under this runtime's own export conditions.
// Prints the report as one JSON line on stdout and the readable summary on stderr; exits 1 when
// a case failed.
import { formatSummary, runCases } from "./run-cases.mjs";

/**
 * The runtime-specific globals this entry reads: Deno's, or the `process` Node and Bun share.
 * @typedef {{ args: string[], env: { get(name: string): string | undefined }, exit(code: number): never }} DenoGlobal
 * @typedef {{ argv: string[], env: Record<string, string | undefined>, exitCode?: number }} ProcessGlobal
 */
const { Deno: deno, process: nodeProcess } = /** @type {{ Deno?: DenoGlobal, process?: ProcessGlobal }} */ (globalThis);

// CONTEXT_VARIABLE of src/run-for-report.ts, which runs this file.
const CONTEXT_VARIABLE = "X_TEST_CONTEXT";
const files = deno ? deno.args : (nodeProcess?.argv.slice(2) ?? []);
const contextJson = deno ? deno.env.get(CONTEXT_VARIABLE) : nodeProcess?.env[CONTEXT_VARIABLE];
if (contextJson === undefined) throw new Error(`set ${CONTEXT_VARIABLE} to the case context as JSON`);
const context = /** @type {import("./run-cases.mjs").CaseContext} */ (JSON.parse(contextJson));

/** @type {import("./run-cases.mjs").CaseSuite[]} */
const suites = [];
for (const file of files) {
  if (!file.startsWith("/")) throw new Error(`case files are given as absolute paths, got ${file}`);
  const module = /** @type {{ default: import("./run-cases.mjs").TestCase[] }} */ (await import(new URL(file, "file:///").href));
  suites.push({ suite: file.slice(file.lastIndexOf("/") + 1), cases: module.default });
}

const report = await runCases(suites, context);
console.log(JSON.stringify(report));
console.error(formatSummary(report));
if (report.failed > 0) {
  if (deno) deno.exit(1);
  else if (nodeProcess) nodeProcess.exitCode = 1;
}
