import { defineConfig, mergeConfig, type UserConfig } from "tsdown";

/**
 * The build every published `@x/*` package shares: ESM and CommonJS with type declarations for
 * each (`dist/index.mjs`, `.cjs`, `.d.mts`, `.d.cts`), runtime-neutral output, no source maps.
 * Packages with runtime-specific entries (`#crypto`, `#transport`) add them as overrides.
 */
export function packageBuildConfig(overrides: UserConfig = {}): UserConfig {
  return mergeConfig(
    defineConfig({
      entry: { index: "src/index.ts" },
      format: ["esm", "cjs"],
      dts: true,
      platform: "neutral",
      sourcemap: false,
      clean: true,
      fixedExtension: true,
    }),
    overrides,
  );
}
