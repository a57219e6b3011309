import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { descendantPids, isRunning } from "tools-test-support";
import { listeningPorts } from "./support/listening-ports.ts";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
const STOP_WITHIN_MS = 5_000;
/** What a failed or noisy stop prints: pnpm's and Node's error lines, a stack, a warning. */
const ERROR_LINE = /ERR_|ELIFECYCLE|failed|error|exception|warning|^\s+at /i;

let demo: ChildProcess | undefined;

afterEach(() => {
  // Whatever a failed test left behind: the demo runs in a process group of its own.
  if (demo?.pid !== undefined) {
    try {
      process.kill(-demo.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  demo = undefined;
});

/** Resolves with what the demo printed once it says it is running; rejects if it exits first. */
function untilRunning(child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not start within 120 s:\n${output()}`)), 120_000);
    const check = () => {
      if (output().includes("Demo running at")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo exited with ${code} before it ran:\n${output()}`));
    });
  });
}

function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

// `pnpm demo` as a person runs it, from the repository root; the signal goes to the one process
// that command started (pnpm), or, for Ctrl-C, to its whole process group as a terminal sends it.
describe("pnpm demo stops clean", () => {
  const cases = [
    { how: "SIGTERM to the pnpm process alone", signal: "SIGTERM", toGroup: false },
    { how: "SIGINT to the pnpm process alone", signal: "SIGINT", toGroup: false },
    { how: "Ctrl-C: SIGINT to the whole process group", signal: "SIGINT", toGroup: true },
  ] as const;

  for (const { how, signal, toGroup } of cases) {
    it(`${how}: exit status 0 within 5 s, no process left, no port open, no error line`, async () => {
      const child = spawn("pnpm", ["demo"], {
        cwd: repositoryRoot,
        detached: true,
        // Nothing leaves the machine: the turbo build that `pnpm demo` runs first sends no
        // telemetry and looks for no update, whether or not the test runs under `pnpm test`.
        env: {
          ...process.env,
          PORT: "0",
          FORCE_COLOR: "0",
          TURBO_TELEMETRY_DISABLED: "1",
          TURBO_NO_UPDATE_NOTIFIER: "1",
          DO_NOT_TRACK: "1",
          npm_config_update_notifier: "false",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      demo = child;
      let output = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
      await untilRunning(child, () => output);

      const pid = child.pid ?? 0;
      const tree = await descendantPids(pid);
      const ports = listeningPorts([pid, ...tree]);
      // The demo's web server and soketi (its API and WebSocket port, and its metrics port).
      expect(ports.length, output).toBeGreaterThanOrEqual(3);

      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.once("exit", (code, exitSignal) => resolve({ code, signal: exitSignal })),
      );
      // The output may still hold lines when pnpm exits: read to its end (or for 1 s, if a
      // process left behind keeps it open) so that a failure shows all the demo printed.
      const outputRead = new Promise<void>((resolve) => {
        child.once("close", () => resolve());
        void exited.then(() => setTimeout(resolve, 1_000));
      });
      const sentAt = Date.now();
      process.kill(toGroup ? -pid : pid, signal);
      const outcome = await Promise.race([exited, new Promise<undefined>((resolve) => setTimeout(resolve, STOP_WITHIN_MS + 5_000))]);
      const elapsed = Date.now() - sentAt;
      await outputRead;

      expect(outcome, `pnpm demo, ${elapsed} ms after ${signal} (undefined: still running):\n${output}`).toEqual({ code: 0, signal: null });
      expect(elapsed).toBeLessThan(STOP_WITHIN_MS);
      expect(tree.filter(isRunning), `processes of the demo still running:\n${output}`).toEqual([]);
      for (const port of ports) expect(await isPortOpen(port), `port ${port} still open`).toBe(false);
      // pnpm echoes each script it runs ("$ turbo run build … --output-logs=errors-only …"): not an error.
      const lines = output.split("\n").filter((line) => !line.startsWith("$ ") && ERROR_LINE.test(line));
      expect(lines, output).toEqual([]);
      // Ctrl-C reaches the demo twice, from the terminal and forwarded by pnpm (as SIGTERM or
      // SIGINT), and either may come first.
      expect(output).toMatch(toGroup ? /(SIGINT|SIGTERM): stopping the demo/ : new RegExp(`${signal}: stopping the demo`));
    });
  }
});
