import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** What an npm install put in a project's `node_modules`. */
export interface InstalledFootprint {
  /** Every installed package as `name@version`, sorted. */
  packages: string[];
  /** The bytes of every file under `node_modules`, npm's own bookkeeping excluded. */
  bytes: number;
}

function fileBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += fileBytes(path);
    else if (entry.isFile() && entry.name !== ".package-lock.json") total += lstatSync(path).size;
  }
  return total;
}

/**
 * The packages and bytes an npm install left in a project, read from npm's own record of it
 * (`node_modules/.package-lock.json`) and from the files on disk.
 *
 * @example
 * ```ts
 * const { packages, bytes } = installedFootprint(projectDir);
 * ```
 */
export function installedFootprint(projectDir: string): InstalledFootprint {
  const lock = JSON.parse(readFileSync(join(projectDir, "node_modules", ".package-lock.json"), "utf8")) as {
    packages: Record<string, { version?: string }>;
  };
  const packages = Object.entries(lock.packages)
    .filter(([path]) => path.startsWith("node_modules/"))
    .map(([path, { version }]) => `${path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length)}@${version ?? "?"}`)
    .sort();
  return { packages, bytes: fileBytes(join(projectDir, "node_modules")) };
}

/**
 * A size for people: kB or MB, decimal, one digit after the point.
 *
 * @example
 * ```ts
 * formatBytes(389_120); // "389.1 kB"
 * ```
 */
export function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${(bytes / 1000).toFixed(1)} kB`;
}
