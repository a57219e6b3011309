import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { isSoleListener } from "./ports.js";

/**
 * How to start one server process (soketi, redis-server), and how to tell that it is up.
 * @example const spec: ChildServerSpec = { name: "redis-server", command, args, env: {}, stdin: "ignore", readyLine: "Ready", ports: [port], secrets: [], startTimeoutMs: 45_000 };
 */
export interface ChildServerSpec {
  /** Names the process in error messages, e.g. `"soketi"`. */
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  /** The whole environment: nothing is inherited. */
  env: Record<string, string>;
  /** `"pipe"` when the process exits once its stdin closes, that is when this process dies. */
  stdin: "pipe" | "ignore";
  readyLine: string;
  /** The TCP ports it must listen on alone once up. */
  ports: number[];
  /** Redacted from the output kept for error messages. */
  secrets: string[];
  startTimeoutMs: number;
  /** Output, before an early exit, that means a port was taken. */
  portTakenPattern?: RegExp;
}

/**
 * One of a server's ports was taken by another process before the server bound it: start again on new ports.
 * @example if (error instanceof PortCollisionError) return start();
 */
export class PortCollisionError extends Error {
  override readonly name = "PortCollisionError";
}

const OUTPUT_LINES_KEPT = 20;
const STOP_GRACE_MS = 3_000;

// Children still running, killed when this process exits so that a forgotten close() leaves nothing behind.
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function killAllOnExit(): void {
  for (const child of running) child.kill("SIGKILL");
}

function spawnTracked(spec: ChildServerSpec): ChildProcess {
  if (!exitHookInstalled) {
    process.on("exit", killAllOnExit);
    exitHookInstalled = true;
  }
  const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: [spec.stdin, "pipe", "pipe"] });
  running.add(child);
  child.once("exit", () => running.delete(child));
  // A failed spawn emits "error" and never "exit".
  child.once("error", () => running.delete(child));
  return child;
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null || !running.has(child);

/**
 * Ends a child: SIGTERM (or SIGKILL at once, as a crash), then SIGKILL after a grace period;
 * resolves once it has exited, at once if it had.
 * @example await endChild(child, "SIGKILL");
 */
export function endChild(child: ChildProcess, signal: "SIGTERM" | "SIGKILL" = "SIGTERM"): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/**
 * Starts a server process, killed when this process exits, and resolves once it printed its
 * ready line and listens alone on its ports. A failed start kills it and rejects with its last
 * output lines, secrets redacted; a taken port rejects with a {@link PortCollisionError}.
 * @example const { child, pid } = await startChildServer(spec);
 */
export async function startChildServer(spec: ChildServerSpec): Promise<{ child: ChildProcess; pid: number }> {
  const child = spawnTracked(spec);
  const lines: string[] = [];
  const secrets = spec.secrets.filter((secret) => secret !== "");
  const tail = () => (lines.length === 0 ? "(no output)" : lines.join("\n"));
  let onReady: () => void = () => {};
  // Both streams are read for the child's whole life: a full pipe would block the server.
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on("line", (line) => {
      if (line.trim() !== "") lines.push(secrets.reduce((text, secret) => text.replaceAll(secret, "[redacted]"), line.trimEnd()));
      if (lines.length > OUTPUT_LINES_KEPT) lines.shift();
      if (line.includes(spec.readyLine)) onReady();
    });
  }
  try {
    // A promise settles once: whichever of ready, exit, error and timeout comes first decides.
    await new Promise<void>((resolve, reject) => {
      const fail = (reason: string) => reject(new Error(`${spec.name} ${reason}. Its last output:\n${tail()}`));
      const timer = setTimeout(() => fail(`did not start within ${spec.startTimeoutMs} ms`), spec.startTimeoutMs);
      onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      // "close" rather than "exit": it comes after the last output has been read.
      child.once("close", (code: number | null, signal: NodeJS.Signals | null) => {
        clearTimeout(timer);
        if (spec.portTakenPattern?.test(tail()))
          reject(new PortCollisionError(`${spec.name} could not listen: one of ports ${spec.ports.join(", ")} was taken`));
        else fail(`exited (${signal ?? `code ${code}`}) before it was ready`);
      });
      child.once("error", (error) => fail(`could not be started: ${error.message}`));
    });
    // A child without a pid never started, and that rejected above.
    const pid = child.pid!;
    for (const port of spec.ports) {
      if (!(await isSoleListener(pid, port))) throw new PortCollisionError(`port ${port} of ${spec.name} was taken by another process`);
    }
    return { child, pid };
  } catch (error) {
    await endChild(child);
    throw error;
  }
}

/**
 * Runs `start`, and once more if it failed on a {@link PortCollisionError} (`start` picks new ports).
 * @example const node = await retryOnPortCollision(() => startOnFreePorts(options));
 */
export async function retryOnPortCollision<T>(start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (error instanceof PortCollisionError) return start();
    throw error;
  }
}
