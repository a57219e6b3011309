// Runs portable cases in whatever runtime loaded this file and reports every outcome as plain
// data, so that a runner outside the runtime (a child process, a worker behind HTTP) can read it.

/**
 * Where a case may send real requests: the local Pusher-compatible server the test run started.
 * @typedef {object} PusherTarget
 * @property {string} url base URL, e.g. "http://127.0.0.1:6001"
 * @property {string} appId
 * @property {string} key
 * @property {string} secret
 * @property {string} [probeUrl] the transport probe of `cases/rest-transport.mjs` (src/transport-probe.ts)
 */

/**
 * What every case receives.
 * @typedef {object} CaseContext
 * @property {string} runtime the runtime's id in the matrix, e.g. "deno"
 * @property {"native" | "pure-js"} expectedCrypto the crypto implementation this runtime must select
 * @property {PusherTarget} [server] the local Pusher-compatible server, when the run started one
 */

/**
 * One portable test: a name that says the call and its outcome, and a body that throws on failure.
 * @typedef {object} TestCase
 * @property {string} name
 * @property {(ctx: CaseContext) => void | Promise<void>} run
 */

/**
 * The cases of one file of `cases/`.
 * @typedef {object} CaseSuite
 * @property {string} suite the file name, e.g. "signing-request.mjs"
 * @property {TestCase[]} cases
 */

/**
 * The outcome of one case.
 * @typedef {object} CaseResult
 * @property {string} suite
 * @property {string} name
 * @property {boolean} passed
 * @property {string} [error] the failure, as "Name: message"
 */

/**
 * Everything one runtime reports.
 * @typedef {object} RuntimeReport
 * @property {string} runtime
 * @property {string} version what the runtime says it is, e.g. "deno 2.9.6"
 * @property {CaseResult[]} results
 * @property {number} passed
 * @property {number} failed
 */

/**
 * What the running runtime says it is. Deno and Bun also define `process.versions.node` and
 * workerd with `nodejs_compat` defines `process`, so Node is recognised last.
 * @returns {string}
 * @example
 * runtimeVersion(); // "deno 2.9.6"
 */
export function runtimeVersion() {
  const runtime =
    /** @type {{
     *   Deno?: { version: { deno: string } },
     *   Bun?: { version: string },
     *   navigator?: { userAgent?: string },
     *   process?: { versions?: { node?: string } },
     * }} */ (globalThis);
  if (runtime.Deno) return `deno ${runtime.Deno.version.deno}`;
  if (runtime.Bun) return `bun ${runtime.Bun.version}`;
  if (runtime.navigator?.userAgent === "Cloudflare-Workers") return "workerd";
  if (runtime.process?.versions?.node !== undefined) return `node ${runtime.process.versions.node}`;
  return "unknown";
}

/**
 * @param {unknown} error
 * @returns {string}
 */
function describeFailure(error) {
  return error instanceof Error ? `${error.name}: ${error.message}` : `thrown non-error: ${String(error)}`;
}

/**
 * Runs every case of every suite, one after the other, and never throws: a failing case is a
 * result, not an exception, so that one broken case cannot hide the others.
 * @param {CaseSuite[]} suites
 * @param {CaseContext} ctx
 * @returns {Promise<RuntimeReport>}
 * @example
 * const report = await runCases([{ suite: "signing-auth.mjs", cases }], { runtime: "bun", expectedCrypto: "native" });
 */
export async function runCases(suites, ctx) {
  /** @type {CaseResult[]} */
  const results = [];
  for (const { suite, cases } of suites) {
    for (const testCase of cases) {
      try {
        await testCase.run(ctx);
        results.push({ suite, name: testCase.name, passed: true });
      } catch (error) {
        results.push({ suite, name: testCase.name, passed: false, error: describeFailure(error) });
      }
    }
  }
  const passed = results.filter((result) => result.passed).length;
  return { runtime: ctx.runtime, version: runtimeVersion(), results, passed, failed: results.length - passed };
}

/**
 * The per-runtime summary line, e.g. "deno: 31 passed, 0 failed", followed by one line per failure.
 * @param {RuntimeReport} report
 * @returns {string}
 * @example
 * console.error(formatSummary(report)); // "bun (bun 1.4.4): 52 passed, 0 failed"
 */
export function formatSummary(report) {
  const failures = report.results
    .filter((result) => !result.passed)
    .map((result) => `\n  ✗ ${result.suite} › ${result.name}: ${result.error}`);
  return `${report.runtime} (${report.version}): ${report.passed} passed, ${report.failed} failed${failures.join("")}`;
}
