import { defineConfig, mergeConfig, type ViteUserConfig } from "vitest/config";
import { NotesReporter } from "./vitest-notes-reporter.ts";

/**
 * The vitest settings every workspace package shares: tests under `test/`, a JSON report in
 * `test-results/vitest.json` that the root `pnpm test` sums into one `N passed, N failed` line,
 * and what the tests print for people in `test-results/notes.txt`, which it shows.
 */
export function packageTestConfig(overrides: ViteUserConfig = {}): ViteUserConfig {
  return mergeConfig(
    defineConfig({
      test: {
        include: ["test/**/*.test.ts"],
        reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }], new NotesReporter()],
        testTimeout: 60_000,
        hookTimeout: 90_000,
      },
    }),
    overrides,
  );
}
