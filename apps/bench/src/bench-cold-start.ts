import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { roundOrder } from "./rounds.js";
import { SCALE } from "./run-scale.js";
import type { Sink } from "./start-sink.js";
import { PROJECT_FILES } from "./user-project.js";

/** The cold-start contenders: their report names and their scripts in `src/cold-start/`. */
export const COLD_START_CONTENDERS = {
  baseline: { name: "empty script (the runtime's own start-up)", script: "baseline.mjs" },
  oursAuth: { name: "(a) @x/server: import + first authenticate", script: "ours-auth.mjs" },
  officialAuth: { name: "(a) pusher 5.3.4: import + first authorizeChannel", script: "official-auth.mjs" },
  oursTrigger: { name: "(b) @x/server: import + first trigger", script: "ours-trigger.mjs" },
  officialTrigger: { name: "(b) pusher 5.3.4: import + first trigger", script: "official-trigger.mjs" },
} as const;

export type ColdStartContender = keyof typeof COLD_START_CONTENDERS;

/** The wall time of a fresh process in every run, in milliseconds, by contender. */
export type ColdStartResult = Record<ColdStartContender, number[]>;

/** How to start a runtime on a script: the executable and the arguments before the script. */
export interface RuntimeCommand {
  executable: string;
  args: readonly string[];
}

/**
 * Cold start: the wall time of a fresh process of `runtime` that runs one script of the user
 * project and exits, from the spawn to the exit. Every contender runs once unmeasured (the disk
 * cache, Deno's module cache), then `SCALE.coldStartRuns` times, in the rounds of rounds.ts (the
 * order reversed every other run). The trigger scripts send one trigger to the sink, whose count of
 * requests must grow by exactly one per run.
 */
export async function benchColdStart(runtime: RuntimeCommand, projectDir: string, sink: Sink): Promise<ColdStartResult> {
  const contenders = Object.keys(COLD_START_CONTENDERS) as ColdStartContender[];
  const times = Object.fromEntries(contenders.map((key) => [key, [] as number[]])) as Record<ColdStartContender, number[]>;
  const before = await sink.requestCount();
  for (let run = -1; run < SCALE.coldStartRuns; run++) {
    for (const key of roundOrder(contenders, run)) {
      const script = join(projectDir, PROJECT_FILES.coldStartDir, COLD_START_CONTENDERS[key].script);
      const started = performance.now();
      const result = spawnSync(runtime.executable, [...runtime.args, script, String(sink.port)], {
        cwd: projectDir,
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
      });
      const elapsed = performance.now() - started;
      if (result.status !== 0)
        throw new Error(`cold start of ${key} failed (${result.status ?? result.signal}): ${result.stderr.toString()}`);
      if (run >= 0) times[key].push(elapsed);
    }
  }
  const triggers = (await sink.requestCount()) - before;
  const expected = 2 * (SCALE.coldStartRuns + 1);
  if (triggers !== expected) throw new Error(`the cold-start trigger scripts sent ${triggers} requests, not ${expected}`);
  return times;
}
