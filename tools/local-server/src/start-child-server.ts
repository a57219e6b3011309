import type { ChildProcess } from "node:child_process";
import { createInterface, type Interface } from "node:readline";
import { OutputTail } from "./output-tail.ts";
import { isSoleListener } from "./port-ownership.ts";
import { spawnTracked, stopChild } from "./tracked-children.ts";

/**
 * How to start one server process (soketi, redis-server) and how to tell that it is up.
 *
 * @example
 * ```ts
 * const spec: ChildServerSpec = {
 *   name: "redis-server",
 *   command: "/usr/bin/redis-server",
 *   args: ["--port", "6380"],
 *   env: {},
 *   stdin: "ignore",
 *   readyLine: "Ready to accept connections",
 *   ports: [6380],
 *   secrets: [],
 *   startTimeoutMs: 45_000,
 * };
 * ```
 */
export interface ChildServerSpec {
  /** Names the process in error messages, e.g. `"soketi"`. */
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  /** The whole environment: nothing is inherited. */
  env: Record<string, string>;
  /** `"pipe"` when the process watches its stdin to exit with this one (exit-with-parent.cjs). */
  stdin: "pipe" | "ignore";
  /** A line of output that means the server is up. */
  readyLine: string;
  /** The TCP ports the server must listen on alone once it is up. */
  ports: number[];
  /** Redacted from the output kept for error messages. */
  secrets: string[];
  startTimeoutMs: number;
  /** Output, seen before an early exit, that means one of `ports` was taken by someone else. */
  portTakenPattern?: RegExp;
}

/**
 * A server process that said it is up and owns its ports.
 *
 * @example
 * ```ts
 * const { child, pid }: ChildServer = await startChildServer(spec);
 * ```
 */
export interface ChildServer {
  child: ChildProcess;
  pid: number;
}

/**
 * One of the ports chosen for a server was taken by another process before the server bound
 * it; starting again on new ports is the cure.
 *
 * @example
 * ```ts
 * if (error instanceof PortCollisionError) return start();
 * ```
 */
export class PortCollisionError extends Error {
  override readonly name = "PortCollisionError";
}

const OUTPUT_LINES_KEPT = 20;

function waitUntilReady(child: ChildProcess, lines: Interface[], tail: OutputTail, spec: ChildServerSpec): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      clearTimeout(timer);
      for (const reader of lines) reader.off("line", onLine);
      child.off("close", onClose);
      child.off("error", onError);
      if (error) reject(error);
      else resolve();
    };
    const fail = (reason: string) => settle(new Error(`${spec.name} ${reason}. Its last output:\n${tail.text()}`));
    const onLine = (line: string) => {
      if (line.includes(spec.readyLine)) settle();
    };
    // "close" rather than "exit": it comes after the last output has been read.
    const onClose = (code: number | null, signal: NodeJS.Signals | null) => {
      if (spec.portTakenPattern?.test(tail.text())) {
        settle(new PortCollisionError(`${spec.name} could not listen: one of ports ${spec.ports.join(", ")} was taken`));
      } else {
        fail(`exited (${signal ?? `code ${code}`}) before it was ready`);
      }
    };
    const onError = (error: Error) => fail(`could not be started: ${error.message}`);
    const timer = setTimeout(() => fail(`did not start within ${spec.startTimeoutMs} ms`), spec.startTimeoutMs);
    for (const reader of lines) reader.on("line", onLine);
    child.on("close", onClose);
    child.on("error", onError);
  });
}

/**
 * Starts a server process, tracked so that it is killed when this process exits, and resolves
 * once it has printed its ready line and is the only listener on each of its ports. A failed
 * start (early exit, timeout, a port taken) kills the process and rejects with its last output
 * lines, secrets redacted; a taken port rejects with a {@link PortCollisionError}.
 *
 * @example
 * ```ts
 * const { child, pid } = await startChildServer(spec);
 * // … later
 * await stopChild(child);
 * ```
 */
export async function startChildServer(spec: ChildServerSpec): Promise<ChildServer> {
  const child = spawnTracked(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: [spec.stdin, "pipe", "pipe"],
  });
  const tail = new OutputTail(OUTPUT_LINES_KEPT, spec.secrets);
  // Read both streams for the child's whole life: a full pipe would block the server.
  const lines = [child.stdout, child.stderr].flatMap((stream) => (stream ? [createInterface({ input: stream })] : []));
  for (const reader of lines) reader.on("line", (line) => tail.push(line));
  try {
    await waitUntilReady(child, lines, tail, spec);
    const pid = child.pid;
    // A child without a pid never started, and that rejected above.
    if (pid === undefined) throw new Error(`${spec.name} has no process id`);
    // Each listener must be this child's alone; see isSoleListener for why the log is not enough.
    for (const port of spec.ports) {
      if (!(await isSoleListener(pid, port))) {
        throw new PortCollisionError(`port ${port} of ${spec.name} was taken by another process`);
      }
    }
    return { child, pid };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/**
 * Runs `start`, and runs it once more if it failed on a {@link PortCollisionError} (the ports
 * are chosen anew inside `start`).
 *
 * @example
 * ```ts
 * const server = await retryOnPortCollision(() => startOnFreePorts(options));
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
