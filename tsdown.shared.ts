import { defineConfig, mergeConfig, type UserConfig } from "tsdown";

/**
 * The build every published `@x` package shares: ESM and CommonJS with type declarations for
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
      deps: {
        // Left to the runtime: Node built-ins (only the "node" condition's entries import them,
        // and `platform: "neutral"` knows none, so each would be an "unresolved import" warning),
        // and the packages' own `#crypto`/`#transport` import maps, which choose an entry per
        // runtime when the package is loaded, not when it is built.
        neverBundle: [/^node:/, /^#/],
      },
      outputOptions: {
        // The helpers rolldown adds to CommonJS output get a chunk of their own. By default they
        // land in one entry (`crypto-node.cjs`, which requires `node:crypto`), and every other
        // CommonJS entry requires that one for them: `require("@x/signing")` then loaded
        // `node:crypto` even where the portable entry was chosen (workerd without
        // `nodejs_compat`, browsers), and failed there.
        codeSplitting: { groups: [{ name: "rolldown-runtime", test: /rolldown[\\/]runtime/ }] },
      },
      checks: {
        // CommonJS stays a second build on purpose (README: every package ships ES modules and
        // CommonJS), so tsdown's advice to publish ESM only is noise here.
        legacyCjs: false,
        // A report of which plugin took most of a build of a few seconds (the d.ts generation, on
        // a loaded machine): nothing anyone acts on, printed on every build.
        pluginTimings: false,
      },
    }),
    overrides,
  );
}
