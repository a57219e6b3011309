import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median } from "./measure-ops.js";

export const COLD_START_CONTENDERS = {
  ours: "@x/server",
  official: "pusher 5.3.4",
  baseline: "node (empty script)",
} as const;
const SCRIPTS = { ours: "ours.mjs", official: "official.mjs", baseline: "baseline.mjs" } as const;
const RUNS = 15;

/**
 * Cold start: the wall time of a fresh `node` process (the one running this suite) that imports
 * the umbrella and signs one channel authorization, and exits; the median of 15 runs, taken in
 * turn. An empty script gives the cost of Node itself, the same for both.
 */
export function benchColdStart(): Record<string, number> {
  const times: Record<keyof typeof SCRIPTS, number[]> = { ours: [], official: [], baseline: [] };
  const benchDir = fileURLToPath(new URL("..", import.meta.url));
  for (let run = 0; run < RUNS; run++) {
    for (const key of Object.keys(SCRIPTS) as (keyof typeof SCRIPTS)[]) {
      const script = fileURLToPath(new URL(`./cold-start/${SCRIPTS[key]}`, import.meta.url));
      const started = performance.now();
      const result = spawnSync(process.execPath, [script], { cwd: benchDir, stdio: ["ignore", "ignore", "pipe"] });
      const elapsed = performance.now() - started;
      if (result.status !== 0) throw new Error(`cold start of ${key} failed: ${result.stderr.toString()}`);
      times[key].push(elapsed);
    }
  }
  return {
    [COLD_START_CONTENDERS.ours]: median(times.ours),
    [COLD_START_CONTENDERS.official]: median(times.official),
    [COLD_START_CONTENDERS.baseline]: median(times.baseline),
  };
}
