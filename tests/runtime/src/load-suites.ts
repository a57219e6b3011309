import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import type { CaseSuite, TestCase } from "../harness/run-cases.mjs";

/**
 * Imports the case files in the test process itself, for the names of their cases: every runtime
 * must report each of these, so a case a runtime skipped or lost is a failure, not a gap.
 */
export async function loadSuites(caseFiles: string[]): Promise<CaseSuite[]> {
  const suites: CaseSuite[] = [];
  for (const file of caseFiles) {
    const module = (await import(pathToFileURL(file).href)) as { default: TestCase[] };
    suites.push({ suite: basename(file), cases: module.default });
  }
  return suites;
}
