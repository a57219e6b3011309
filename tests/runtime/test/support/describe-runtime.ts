import { beforeAll, describe, expect, inject, it } from "vitest";
import { formatSummary } from "../../harness/run-cases.mjs";
import { loadSuites } from "../../src/load-suites.js";
import { runRuntime, type RuntimeRun } from "../../src/run-runtime.js";
import { runtime, type RuntimeId } from "../../src/runtimes.js";

const project = inject("userProject");
const suites = await loadSuites(project.caseFiles);

/**
 * The tests of one runtime: every case of `cases/` run once in that runtime (in `beforeAll`),
 * then one vitest test per case that passes only if the runtime reported that case as passed.
 */
export function describeRuntime(id: RuntimeId): void {
  const target = runtime(id);
  describe(id, () => {
    let run: RuntimeRun;
    beforeAll(async () => {
      run = await runRuntime(target, project, inject("pusherServer"));
      console.log(`the runtime cases, from the packed tarballs, on ${formatSummary(run.report)}`);
    });

    it(`runs as ${target.expectedVersion}`, () => {
      expect(run.report.version.startsWith(target.expectedVersion), run.report.version).toBe(true);
    });

    for (const { suite, cases } of suites) {
      for (const { name } of cases) {
        it(`${suite} › ${name}`, () => {
          const result = run.report.results.find((candidate) => candidate.suite === suite && candidate.name === name);
          expect(result, `${id} reported no result for this case`).toBeDefined();
          expect(result?.passed, result?.error).toBe(true);
        });
      }
    }

    if (target.kind === "workerd") {
      it("bundles @x/signing's portable crypto entry and not its node:crypto one", () => {
        const signingFiles = run.bundleInputs?.filter((input) => input.includes("@x/signing/dist/")) ?? [];
        expect(
          signingFiles.some((file) => file.endsWith("crypto-portable.mjs")),
          signingFiles.join(", "),
        ).toBe(true);
        expect(
          signingFiles.some((file) => file.endsWith("crypto-node.mjs")),
          signingFiles.join(", "),
        ).toBe(false);
      });
    }
  });
}
