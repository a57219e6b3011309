import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { isSoleListener } from "./ports.js";

/** How to start one server process (soketi, redis-server) and how to tell that it is up. */
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
  /** A line of output that means the server is up. */
  readyLine: string;
  /** The TCP ports the server must listen on alone once it is up. */
  ports: number[];
  /** Redacted from the output kept for error messages. */
  secrets: string[];
  startTimeoutMs: number;
  /** Output, seen before an early exit, that means one of `ports` was taken. */
  portTakenPattern?: RegExp;
}

/** One of a server's ports was taken by another process before the server bound it: start again on new ports. */
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
 * SIGKILL at once, as a crash; resolves once the process has exited.
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
 * SIGTERM, then SIGKILL after a grace period; resolves once the process has exited, at once if it had.
 *
 * @example
 * ```ts
 * await stopChild(child);
 * ```
 */
export function stopChild(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function waitUntilReady(child: ChildProcess, spec: ChildServerSpec, tail: () => string, onLine: (listener: (line: string) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const fail = (reason: string) => settle(new Error(`${spec.name} ${reason}. Its last output:\n${tail()}`));
    onLine((line) => {
      if (line.includes(spec.readyLine)) settle();
    });
    // "close" rather than "exit": it comes after the last output has been read.
    child.once("close", (code: number | null, signal: NodeJS.Signals | null) => {
      if (spec.portTakenPattern?.test(tail())) settle(new PortCollisionError(`${spec.name} could not listen: one of ports ${spec.ports.join(", ")} was taken`));
      else fail(`exited (${signal ?? `code ${code}`}) before it was ready`);
    });
    child.once("error", (error) => fail(`could not be started: ${error.message}`));
    const timer = setTimeout(() => fail(`did not start within ${spec.startTimeoutMs} ms`), spec.startTimeoutMs);
  });
}

/**
 * Starts a server process, killed when this process exits, and resolves once it printed its
 * ready line and listens alone on each of its ports. A failed start kills it and rejects with
 * its last output lines, secrets redacted; a taken port rejects with a {@link PortCollisionError}.
 *
 * @example
 * ```ts
 * const { child } = await startChildServer({ name: "redis-server", command, args, env: {}, stdin: "ignore", readyLine: "Ready to accept connections", ports: [port], secrets: [], startTimeoutMs: 45_000 });
 * await stopChild(child);
 * ```
 */
export async function startChildServer(spec: ChildServerSpec): Promise<{ child: ChildProcess; pid: number }> {
  const child = spawnTracked(spec);
  const lines: string[] = [];
  const listeners: ((line: string) => void)[] = [];
  const secrets = spec.secrets.filter((secret) => secret !== "");
  // Both streams are read for the child's whole life: a full pipe would block the server.
  for (const stream of [child.stdout, child.stderr]) {
    if (stream === null) continue;
    createInterface({ input: stream }).on("line", (line) => {
      if (line.trim() !== "") lines.push(secrets.reduce((text, secret) => text.replaceAll(secret, "[redacted]"), line.trimEnd()));
      if (lines.length > OUTPUT_LINES_KEPT) lines.shift();
      for (const listener of listeners) listener(line);
    });
  }
  const tail = () => (lines.length === 0 ? "(no output)" : lines.join("\n"));
  try {
    await waitUntilReady(child, spec, tail, (listener) => listeners.push(listener));
    listeners.length = 0;
    const { pid } = child;
    // A child without a pid never started, and that rejected above.
    if (pid === undefined) throw new Error(`${spec.name} has no process id`);
    for (const port of spec.ports) {
      if (!(await isSoleListener(pid, port))) throw new PortCollisionError(`port ${port} of ${spec.name} was taken by another process`);
    }
    return { child, pid };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/**
 * Runs `start`, and once more if it failed on a {@link PortCollisionError} (`start` picks new ports).
 *
 * @example
 * ```ts
 * const node = await retryOnPortCollision(() => startOnFreePorts(options));
 * ```
 */
export async function retryOnPortCollision<T>(start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (error instanceof PortCollisionError) return start();
    throw error;
  }
}
