import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { isContinuousIntegration, skipClusterTests } from "../src/index.ts";

describe("skipClusterTests and isContinuousIntegration", () => {
  it("isContinuousIntegration(env) is true for CI=true or 1, false when CI is unset, empty, 0 or false", () => {
    expect([{ CI: "true" }, { CI: "1" }, { CI: "TRUE" }].map((env) => isContinuousIntegration(env))).toEqual([true, true, true]);
    expect([{}, { CI: "" }, { CI: "0" }, { CI: "false" }].map((env) => isContinuousIntegration(env))).toEqual([false, false, false, false]);
  });

  it("skipClusterTests(env) never skips in CI, so that a CI machine without Redis fails the tests", () => {
    expect(skipClusterTests({ CI: "true", PATH: "/nonexistent" })).toBe(false);
  });

  it("skipClusterTests(env) outside CI skips, with a notice that says how to install Redis, only when redis-server is not on PATH", () => {
    const directory = mkdtempSync(join(tmpdir(), "x-fake-redis-"));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      writeFileSync(join(directory, "redis-server"), "#!/bin/sh\n", { mode: 0o755 });
      expect(skipClusterTests({ PATH: directory })).toBe(false);
      expect(warn).not.toHaveBeenCalled();

      expect(skipClusterTests({ PATH: "/nonexistent" })).toBe(true);
      expect(warn).toHaveBeenCalledWith(
        "Skipping the cluster tests (they fail instead when CI=true): no redis-server on PATH. Install it with `apt-get install -y redis-server` (Debian/Ubuntu).",
      );
    } finally {
      warn.mockRestore();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
