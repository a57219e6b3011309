import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { TRIGGER_CONCURRENCY } from "./bench-trigger.js";
import { benchColdStart, type ColdStartResult, type RuntimeCommand } from "./bench-cold-start.js";
import type { Throughput } from "./measure-trigger-slices.js";
import { runtimeBinary } from "./node-binaries.js";
import { SCALE } from "./run-scale.js";
import type { PublisherResult } from "./bench-publisher.js";
import type { RuntimeSuiteOptions, RuntimeSuiteResult } from "./runtime-suite.js";
import type { Sink } from "./start-sink.js";
import { PROJECT_FILES } from "./user-project.js";

/** The runtimes other than Node that the report covers. */
export const OTHER_RUNTIMES = ["bun", "deno"] as const;
export type OtherRuntime = (typeof OTHER_RUNTIMES)[number];

/** The figures of a part, or why it could not be measured. */
export type Outcome<T> = { measured: true; figures: T } | { measured: false; reason: string };

/** What one runtime measured; a part it could not run says why instead. */
export interface RuntimeResult {
  runtime: OtherRuntime;
  /** e.g. "Bun 1.4.4", "Deno 2.9.6". */
  version: string;
  trigger: Outcome<Record<string, Throughput>>;
  publisher: Outcome<PublisherResult>;
  coldStartMs: Outcome<ColdStartResult>;
}

// Deno runs the npm packages of the project's node_modules (`manual`: no download, no lockfile),
// with the permissions the scripts need: read modules, loopback, the environment and the CPU
// usage that node-fetch and `process.cpuUsage` read.
const COMMANDS: Record<OtherRuntime, RuntimeCommand> = {
  bun: { executable: runtimeBinary("bun"), args: [] },
  deno: {
    executable: runtimeBinary("deno"),
    args: [
      "run",
      "--no-lock",
      "--no-prompt",
      "--node-modules-dir=manual",
      "--allow-read",
      "--allow-env",
      "--allow-sys",
      "--allow-net=127.0.0.1",
    ],
  },
};

/** Runs one part; a failure becomes "not measured" with the first line of its error. */
async function attempt<T>(part: () => Promise<T> | T): Promise<Outcome<T>> {
  try {
    return { measured: true, figures: await part() };
  } catch (error) {
    return { measured: false, reason: (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "failed" };
  }
}

/**
 * Bun and Deno: the trigger benchmark (`@x/rest`, the official SDK and the floor, in interleaved
 * slices) and the publisher benchmark (runtime-suite.ts), and the cold-start benchmark, in the user project, against the same
 * sink as the Node suites. A part that fails is reported as not measured, with the reason.
 */
export async function benchRuntime(runtime: OtherRuntime, projectDir: string, sink: Sink): Promise<RuntimeResult> {
  const command = COMMANDS[runtime];
  const versionOutput = spawnSync(command.executable, ["--version"], { encoding: "utf8" }).stdout ?? "";
  const versionNumber = /\d+\.\d+\.\d+/.exec(versionOutput)?.[0] ?? "unknown";
  const version = `${runtime === "bun" ? "Bun" : "Deno"} ${versionNumber}`;

  const suite = await attempt(() => runSuite(command, projectDir, sink));
  const trigger = suite.measured ? { measured: true as const, figures: suite.figures.trigger } : suite;
  const publisher = suite.measured ? { measured: true as const, figures: suite.figures.publisher } : suite;
  const coldStartMs = await attempt(() => benchColdStart(command, projectDir, sink));
  return { runtime, version, trigger, publisher, coldStartMs };
}

function runSuite(command: RuntimeCommand, projectDir: string, sink: Sink): RuntimeSuiteResult {
  const options: RuntimeSuiteOptions = {
    port: sink.port,
    requests: SCALE.triggerRequests,
    warmUp: SCALE.triggerWarmUp,
    slices: SCALE.triggerSlices,
    concurrency: TRIGGER_CONCURRENCY,
  };
  const suite = spawnSync(command.executable, [...command.args, join(projectDir, PROJECT_FILES.runtimeSuite), JSON.stringify(options)], {
    cwd: projectDir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
    maxBuffer: 16 * 1024 * 1024,
  });
  const lastLine = suite.stdout?.trimEnd().split("\n").at(-1) ?? "";
  if (suite.status !== 0 || !lastLine.startsWith("{")) {
    throw new Error(
      `the trigger suite exited with ${suite.status ?? suite.signal}: ${(suite.stderr ?? "").trim().split("\n").slice(-3).join(" / ")}`,
    );
  }
  const result = JSON.parse(lastLine) as RuntimeSuiteResult;
  const sent = result.triggerRequestsAnswered;
  const expected = Object.keys(result.trigger).length * (SCALE.triggerWarmUp + SCALE.triggerRequests);
  if (sent !== expected) throw new Error(`the sink answered ${sent} trigger requests, not ${expected}`);
  return result;
}
