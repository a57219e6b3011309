import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { installedBinary } from "./package-paths.js";
import { workerdConfig } from "./workerd-config.js";

/** A Worker served by `workerd serve` on a loopback port. */
export interface ServedWorker {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Stops workerd and deletes its files; resolves once workerd has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** What to serve: the bundled Worker module, its compatibility settings and its `env`. */
export interface ServeWorkerOptions {
  code: string;
  /** @default WORKERD_COMPATIBILITY_DATE */
  compatibilityDate?: string;
  compatibilityFlags: readonly string[];
  bindings: Record<string, unknown>;
}

/** One JSON line of workerd's control pipe; anything else is ignored. */
function parseControlMessage(line: string): { event?: string; socket?: string; port?: number } | undefined {
  try {
    return JSON.parse(line) as { event?: string; socket?: string; port?: number };
  } catch {
    return undefined;
  }
}

/**
 * Resolves with the port of the `http` socket once workerd reports it on its control pipe (fd 3);
 * rejects if workerd exits first.
 */
function listeningPort(child: ChildProcess, stderr: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    (child.stdio[3] as Readable).setEncoding("utf8").on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const message = parseControlMessage(line);
        if (message?.event === "listen" && message.socket === "http" && message.port !== undefined) resolve(message.port);
      }
    });
    child.once("error", reject);
    child.once("close", (code) => reject(new Error(`workerd exited with ${code} before listening:\n${stderr()}`)));
  });
}

/**
 * Serves a Worker with `workerd serve` on a port of 127.0.0.1 that the kernel picks (no race
 * for a free port). The config, which holds the bindings (test credentials included), lives in
 * a private temporary folder that `stop()` deletes, as does a failed start.
 *
 * @example
 * ```ts
 * const worker = await serveWorker({ code, compatibilityFlags: ["nodejs_compat"], bindings: { API_KEY: "k" } });
 * const response = await fetch(`${worker.url}/`);
 * await worker.stop();
 * ```
 */
export async function serveWorker({ code, ...settings }: ServeWorkerOptions): Promise<ServedWorker> {
  const dir = await mkdtemp(join(tmpdir(), "x-runtime-tests-workerd-"));
  await writeFile(join(dir, "worker.mjs"), code);
  await writeFile(join(dir, "config.capnp"), workerdConfig({ moduleFile: "worker.mjs", ...settings }));
  const child = spawn(installedBinary(".bin/workerd"), ["serve", "config.capnp", "--control-fd=3"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise((resolve) => {
    child.once("close", resolve);
    child.once("error", resolve);
  });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      child.kill();
      await exited;
      await rm(dir, { recursive: true, force: true });
    })();
    return stopping;
  };
  try {
    const port = await listeningPort(child, () => stderr);
    return { url: `http://127.0.0.1:${port}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
