import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The line budget of the six core packages (CONTRIBUTING.md, "Keeping it small"): non-blank
// lines of `src`, comments included, counted as a newcomer would read them.
const CORE_PACKAGES = ["types", "signing", "auth", "webhooks", "rest", "server"];
const LINE_BUDGET = 6000;
const packagesDir = new URL("../../../packages/", import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

function nonBlankLines(text: string): number {
  return text.split("\n").filter((line) => line.trim() !== "").length;
}

describe("the source line budget", () => {
  it("counts non-blank lines only", () => {
    expect(nonBlankLines("a\n\n  \n\tb\n")).toBe(2);
  });

  it(`keeps the six core packages' src within ${LINE_BUDGET} non-blank lines`, () => {
    const counts = CORE_PACKAGES.map((name) => {
      const files = sourceFiles(join(packagesDir, name, "src"));
      return { name, files: files.length, lines: files.reduce((sum, file) => sum + nonBlankLines(readFileSync(file, "utf8")), 0) };
    });
    const total = counts.reduce((sum, count) => sum + count.lines, 0);
    console.log(
      `source lines (non-blank, src): ${counts.map((count) => `@x/${count.name} ${count.lines} in ${count.files} files`).join(", ")}; total ${total} (budget ${LINE_BUDGET})`,
    );
    for (const count of counts) expect(count.files, `@x/${count.name} has source files`).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(LINE_BUDGET);
  });
});
