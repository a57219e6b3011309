import type * as KyParts from "./ky-parts.js";

/** The parts of ky that @x/rest uses (ky-parts.ts), as the `import()` resolves them. */
export type KyModule = typeof KyParts;

let loading: Promise<KyModule> | undefined;

/**
 * Loads ky on first use, once per process. Importing ky evaluates `globalThis.Request` and
 * friends, which makes Node load its whole `fetch` stack (undici, ~25 ms): an app that only
 * signs authorizations through `@x/server` must not pay for it. ky is built into this package as
 * one chunk of its own (tsdown.config.ts), which this `import()` loads, in each module format.
 *
 * @example
 * ```ts
 * const { default: ky } = await loadKy();
 * ```
 */
export function loadKy(): Promise<KyModule> {
  loading ??= import("./ky-parts.js");
  return loading;
}
