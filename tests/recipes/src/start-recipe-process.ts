import { spawn, type ChildProcess } from "node:child_process";

/**
 * A recipe running as a process of its own runtime (Bun, Deno, `next start`, Node with tsx).
 *
 * @example
 * ```ts
 * const app = await startRecipeProcess("bun", ["src/bun.ts"], { cwd, env, url: "http://127.0.0.1:3000" });
 * await app.stop();
 * ```
 */
export interface RecipeProcess {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  pid: number;
  /** The last lines the process printed, stdout and stderr together. */
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** What {@link startRecipeProcess} needs besides the command. */
export interface RecipeProcessOptions {
  cwd: string;
  /** The whole environment of the process. */
  env: Record<string, string | undefined>;
  /** The app's URL, `http://127.0.0.1:<port>`. */
  url: string;
  /** A path where the app answers once it is up: any HTTP answer there means ready. @default "/" */
  readyPath?: string;
  /** @default 60_000 */
  startTimeoutMs?: number;
}

const STOP_GRACE_MS = 5_000;
const KEPT_OUTPUT_LINES = 60;
const running = new Set<ChildProcess>();

process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * Starts `command args…` in `cwd` and resolves once it answers HTTP at `url` + `readyPath`. The process cannot
 * outlive this one: it runs under `setpriv --pdeathsig KILL` (the kernel kills it when this
 * process dies, however it dies), it is killed when this process exits, and `stop()` ends it.
 * Rejects, with the process's last output, if it exits before it is ready or is not ready in time.
 *
 * @example
 * ```ts
 * const app = await startRecipeProcess(denoBinary, ["run", "--allow-net=127.0.0.1", "src/deno.ts"], {
 *   cwd: appDir,
 *   env: { ...process.env, PORT: "3000" },
 *   url: "http://127.0.0.1:3000",
 * });
 * ```
 */
export async function startRecipeProcess(command: string, args: string[], options: RecipeProcessOptions): Promise<RecipeProcess> {
  const child = spawn("setpriv", ["--pdeathsig", "KILL", "--", command, ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      running.delete(child);
      resolve();
    });
    child.once("error", () => {
      running.delete(child);
      resolve();
    });
  });
  const lines: string[] = [];
  const keep = (chunk: string) => {
    lines.push(...chunk.split("\n").filter((line) => line !== ""));
    lines.splice(0, Math.max(0, lines.length - KEPT_OUTPUT_LINES));
  };
  child.stdout.setEncoding("utf8").on("data", keep);
  child.stderr.setEncoding("utf8").on("data", keep);

  const stop = async () => {
    if (!running.has(child)) return;
    const killTimer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    child.kill("SIGTERM");
    await exited;
    clearTimeout(killTimer);
  };
  const app: RecipeProcess = { url: options.url, pid: child.pid ?? -1, output: () => lines.join("\n"), stop };

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (!running.has(child)) throw new Error(`${command} exited before it answered at ${options.url}:\n${app.output()}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${command} did not answer at ${options.url} in time:\n${app.output()}`);
    }
    try {
      const response = await fetch(`${options.url}${options.readyPath ?? "/"}`, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      return app;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
