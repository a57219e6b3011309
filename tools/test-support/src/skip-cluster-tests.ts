import { findExecutable } from "./find-executable.ts";

/**
 * Whether this run is continuous integration: `CI` is set to anything but `""`, `"0"` or
 * `"false"` (CI services set `CI=true`, and so does the repository's `.ci/run`).
 *
 * @example
 * ```ts
 * isContinuousIntegration({ CI: "true" }); // true
 * ```
 */
export function isContinuousIntegration(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== "" && value !== "0" && value !== "false";
}

/**
 * Whether the tests that start a local cluster should be skipped: only outside CI, when no
 * `redis-server` can be found, and then it prints a notice that says how to install it. In CI
 * the tests run, and fail with @x/testing's `LocalPusherSetupError` that says the same, so that a CI
 * machine without Redis cannot pass them by skipping.
 *
 * @example
 * ```ts
 * describe.skipIf(skipClusterTests())("a two-node cluster", () => {
 *   // … startLocalCluster() in beforeAll …
 * });
 * ```
 */
export function skipClusterTests(env: Record<string, string | undefined> = process.env): boolean {
  if (isContinuousIntegration(env) || findExecutable("redis-server", env.PATH) !== undefined) return false;
  console.warn(
    "Skipping the cluster tests (they fail instead when CI=true): no redis-server on PATH. " +
      "Install it with `apt-get install -y redis-server` (Debian/Ubuntu).",
  );
  return true;
}
