import { defineConfig, mergeConfig, type ViteUserConfig } from "vitest/config";

/**
 * The vitest settings every workspace package shares: tests under `test/`, and a JSON report in
 * `test-results/vitest.json` that the root `pnpm test` sums into one `N passed, N failed` line.
 */
export function packageTestConfig(overrides: ViteUserConfig = {}): ViteUserConfig {
  return mergeConfig(
    defineConfig({
      test: {
        include: ["test/**/*.test.ts"],
        reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
        testTimeout: 60_000,
        hookTimeout: 90_000,
      },
    }),
    overrides,
  );
}
