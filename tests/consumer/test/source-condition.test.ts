// In the workspace, each published package names its `src` under the "@x/source" export condition,
// so that the other packages' tests and typecheck see a change without a build (CONTRIBUTING.md).
// The tarball must not carry it: `publishConfig` holds the same maps without it, and these tests
// keep the two copies equal.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { repositoryRoot } from "../src/paths.js";

const SOURCE = "@x/source";
const packed = inject("packed");

/** A conditions map with every "@x/source" branch removed. */
function withoutSource(map: unknown): unknown {
  if (map === null || typeof map !== "object") return map;
  return Object.fromEntries(
    Object.entries(map)
      .filter(([key]) => key !== SOURCE)
      .map(([key, value]) => [key, withoutSource(value)]),
  );
}

/** Every file path a conditions map names. */
function filesOf(map: unknown): string[] {
  if (typeof map === "string") return [map];
  if (map === null || typeof map !== "object") return [];
  return Object.values(map).flatMap(filesOf);
}

describe("the development-only @x/source condition", () => {
  for (const { name, manifest } of packed) {
    const dir = join(repositoryRoot, "packages", name.slice("@x/".length));
    const workspace = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      exports: Record<string, unknown>;
      imports?: Record<string, unknown>;
    };

    it(`${name}: the packed exports and imports are the workspace's without it`, () => {
      expect(JSON.stringify(manifest)).not.toContain(SOURCE);
      expect(manifest.exports).toEqual(withoutSource(workspace.exports));
      expect(manifest.imports).toEqual(withoutSource(workspace.imports));
    });

    it(`${name}: comes first in every entry of the workspace's exports and imports, naming files of src`, () => {
      const entries = [...Object.values(workspace.exports), ...Object.values(workspace.imports ?? {})].filter(
        (entry) => typeof entry === "object",
      );
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        expect(Object.keys(entry as object)[0]).toBe(SOURCE);
        for (const file of filesOf((entry as Record<string, unknown>)[SOURCE])) {
          expect(file).toMatch(/^\.\/src\/.+\.ts$/);
          expect(existsSync(join(dir, file)), `${name}: ${file}`).toBe(true);
        }
      }
    });
  }
});
