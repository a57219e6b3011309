import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

// Every child still running. A test run that crashes or forgets a stop() must not leave servers
// behind, so they are all killed when this process exits, whatever the reason it exits.
const runningChildren = new Set<ChildProcess>();

process.on("exit", () => {
  // Only synchronous work is possible here, and there is no time left for a graceful stop.
  for (const child of runningChildren) child.kill("SIGKILL");
});

/** How long a child gets to stop on SIGTERM before it is killed with SIGKILL. */
const STOP_GRACE_MS = 3_000;

/**
 * Starts a child process that is killed when this process exits, if it has not ended before.
 *
 * @example
 * ```ts
 * const child = spawnTracked(process.execPath, ["server.js"], { stdio: "pipe" });
 * ```
 */
export function spawnTracked(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, options);
  runningChildren.add(child);
  child.once("exit", () => runningChildren.delete(child));
  // A failed spawn emits "error" and never "exit".
  child.once("error", () => runningChildren.delete(child));
  return child;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null || !runningChildren.has(child);
}

/**
 * Kills a child at once with SIGKILL (no graceful shutdown: what a crash or an out-of-memory kill
 * looks like to its peers). Resolves once the process has exited, at once if it already had.
 *
 * @example
 * ```ts
 * await killChild(child);
 * ```
 */
export function killChild(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/**
 * Stops a child: SIGTERM, then SIGKILL if it is still running after a grace period. Resolves once
 * the process has exited; resolves at once if it already had (a crash, an earlier stop).
 *
 * @example
 * ```ts
 * await stopChild(child);
 * ```
 */
export function stopChild(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const killTimer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    child.once("exit", () => {
      clearTimeout(killTimer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
