import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** This package's folder. */
export const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** The portable harness: assertions, the case runner and the entry of the runtimes that run files. */
export const harnessDir = fileURLToPath(new URL("../harness/", import.meta.url));

/** The portable cases: adding a file here adds its cases to every runtime. */
export const casesDir = fileURLToPath(new URL("../cases/", import.meta.url));

/** The names of the case files, in name order. */
export function listCaseFileNames(): string[] {
  return readdirSync(casesDir)
    .filter((name) => name.endsWith(".mjs"))
    .sort();
}

/** The path of a binary that an npm package of this package's devDependencies installed. */
export function installedBinary(relativePath: string): string {
  return fileURLToPath(new URL(`../node_modules/${relativePath}`, import.meta.url));
}
