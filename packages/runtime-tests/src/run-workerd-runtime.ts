import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import type { CaseContext, RuntimeReport } from "../harness/run-cases.mjs";
import { bundleWorker } from "./bundle-worker.js";
import { installedBinary } from "./package-paths.js";
import type { WorkerdRuntime } from "./runtimes.js";
import type { UserProject } from "./user-project.js";
import { workerdConfig } from "./workerd-config.js";

/** The report of the cases run in workerd, and the files the Worker was bundled from. */
export interface WorkerdRun {
  report: RuntimeReport;
  bundleInputs: string[];
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
        const message = JSON.parse(line) as { event?: string; socket?: string; port?: number };
        if (message.event === "listen" && message.socket === "http" && message.port !== undefined) resolve(message.port);
      }
    });
    child.once("error", reject);
    child.once("close", (code) => reject(new Error(`workerd exited with ${code} before listening:\n${stderr()}`)));
  });
}

/**
 * Bundles the project's case files into a Worker, serves it with `workerd serve` on a loopback port the
 * kernel picks, asks it for the report over HTTP, then stops workerd and deletes its files, also
 * when something failed.
 */
export async function runWorkerdRuntime(runtime: WorkerdRuntime, project: UserProject, context: CaseContext): Promise<WorkerdRun> {
  const bundle = await bundleWorker(project);
  // The config holds the context, and so the local server's test secret: private to this run.
  const dir = await mkdtemp(join(tmpdir(), "x-runtime-tests-workerd-"));
  try {
    await writeFile(join(dir, "worker.mjs"), bundle.code);
    const contextJson = JSON.stringify(context);
    await writeFile(join(dir, "config.capnp"), workerdConfig({ moduleFile: "worker.mjs", compatibilityFlags: runtime.compatibilityFlags, contextJson }));
    const report = await serveAndFetchReport(dir);
    return { report, bundleInputs: bundle.inputs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `workerd serve` on the config in `dir`, fetches the report, and always stops workerd. */
async function serveAndFetchReport(dir: string): Promise<RuntimeReport> {
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
  try {
    const port = await listeningPort(child, () => stderr);
    const response = await fetch(`http://127.0.0.1:${port}/`);
    const body = await response.text();
    if (response.status !== 200) throw new Error(`the test Worker answered ${response.status}:\n${body}\n${stderr}`);
    return JSON.parse(body) as RuntimeReport;
  } finally {
    child.kill();
    await exited;
  }
}
