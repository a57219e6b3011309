import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { createRequire } from "node:module";
import { killChild, spawnTracked, stopChild } from "./tracked-children.ts";

/**
 * A Node.js script running in a child process of its own, which cannot outlive this process.
 *
 * @example
 * ```ts
 * const app = startNodeProcess(new URL("./app.mjs", import.meta.url).pathname, ["--port", String(node.port)]);
 * app.child.stdout.on("data", (chunk) => console.log(String(chunk)));
 * app.child.stdin.write("stop\n");
 * await app.stop();
 * ```
 */
export interface NodeProcess {
  /** The child, with its stdin, stdout and stderr as pipes: read both outputs, or they fill up and block it. */
  child: ChildProcessWithoutNullStreams;
  pid: number;
  /** SIGTERM, then SIGKILL after a grace period; resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
  /** SIGKILL at once; resolves once it has exited. */
  kill(): Promise<void>;
}

const EXIT_WITH_PARENT_CJS = createRequire(import.meta.url).resolve("./exit-with-parent.cjs");

/**
 * Runs a Node.js script (with this process's `node`, or the one `node` names) as an app process for tests and benchmarks,
 * for instance one app per cluster node as behind a load balancer. It cannot outlive this
 * process, the same three ways as soketi: `stop()`, a kill when this process exits, and the
 * exit-with-parent watchdog, which ends it when its stdin pipe closes, that is when this process
 * dies in any way. The script may read lines from its stdin too (commands from the test); it
 * must not close it, and, as the watchdog keeps stdin flowing, it calls `process.exit()` when
 * it is done, from the callback of its last `process.stdout.write()`: stdout is a socket that
 * holds only so much, and what has not left when the process exits is lost. It inherits this
 * process's environment unless `env` is given.
 *
 * @example
 * ```ts
 * const app = startNodeProcess("/path/to/publisher-app.mjs", [JSON.stringify(config)]);
 * const [exitCode] = await once(app.child, "exit");
 * const onNode22 = startNodeProcess("service.ts", [], { cwd: projectDir, node: "/path/to/node-22/bin/node" });
 * ```
 */
export function startNodeProcess(
  scriptPath: string,
  args: string[] = [],
  options: { cwd?: string; env?: Record<string, string | undefined>; node?: string } = {},
): NodeProcess {
  const child = spawnTracked(options.node ?? process.execPath, ["--require", EXIT_WITH_PARENT_CJS, scriptPath, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["pipe", "pipe", "pipe"],
  }) as ChildProcessWithoutNullStreams;
  if (child.pid === undefined) throw new Error(`node ${scriptPath} could not be started`);
  return {
    child,
    pid: child.pid,
    stop: () => stopChild(child),
    kill: () => killChild(child),
  };
}
