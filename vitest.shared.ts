import { defineConfig, mergeConfig, type ViteUserConfig } from "vitest/config";
import { NotesReporter } from "./vitest-notes-reporter.ts";

/**
 * The export condition under which each published package's package.json names its `src`
 * (`exports` and the `#crypto`/`#transport` imports). Development only: `publishConfig` packs
 * the maps without it.
 */
export const SOURCE_CONDITION = "@x/source";

/**
 * The vitest settings every workspace package shares: tests under `test/`, a JSON report in
 * `test-results/vitest.json` that the root `pnpm test` sums into one `N passed, N failed` line,
 * and what the tests print for people in `test-results/notes.txt`, which it shows.
 *
 * `fromSource`: the published packages (`packages/*`) set it, so that their `@x/*` imports load
 * the other packages' `src` and a change there is seen without a build; apps and `tests/` leave
 * it off, to test what is built and packed.
 */
export function packageTestConfig(overrides: ViteUserConfig = {}, { fromSource = false } = {}): ViteUserConfig {
  // vitest appends its own defaults ("node", …) to these lists.
  const source = { resolve: { conditions: [SOURCE_CONDITION] }, ssr: { resolve: { conditions: [SOURCE_CONDITION] } } };
  return mergeConfig(
    defineConfig({
      ...(fromSource ? source : {}),
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
