import { type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { createInterface, type Interface } from "node:readline";
import { freePorts } from "./free-port.ts";
import { OutputTail } from "./output-tail.ts";
import { isSoleListener } from "./port-ownership.ts";
import { soketiEnvironment, type SoketiWebhook } from "./soketi-environment.ts";
import { spawnTracked, stopChild } from "./tracked-children.ts";

/**
 * How to start a local soketi server. Every field is optional.
 *
 * @example
 * ```ts
 * const options: LocalServerOptions = {
 *   webhooks: [{ url: "http://127.0.0.1:5000/", event_types: ["channel_occupied"] }],
 *   env: { SOKETI_DEBUG: "true" },
 * };
 * ```
 */
export interface LocalServerOptions {
  /** @default "app-id" */
  appId?: string;
  /** @default "app-key" */
  key?: string;
  /** @default "app-secret" */
  secret?: string;
  /** Sent to soketi as `SOKETI_DEFAULT_APP_WEBHOOKS`. @default [] */
  webhooks?: SoketiWebhook[];
  /**
   * Extra `SOKETI_*` variables, e.g. `{ SOKETI_EVENT_MAX_BATCH_SIZE: "100" }`. They may override
   * the defaults (`SOKETI_SHUTDOWN_GRACE_PERIOD=0`, client messages and user authentication on),
   * not the host, ports, credentials or webhooks, which have their own options.
   */
  env?: Record<string, string>;
  /** How long soketi may take to say it is up (about 2 s on an idle machine; generous for loaded CI). @default 45_000 */
  startTimeoutMs?: number;
}

/**
 * A running soketi server on the loopback interface.
 *
 * @example
 * ```ts
 * const server = await startLocalServer();
 * await fetch(`${server.url}/`); // "OK"
 * await server.stop();
 * ```
 */
export interface LocalServer {
  host: "127.0.0.1";
  /** The port of both the HTTP API and the WebSocket server. */
  port: number;
  appId: string;
  key: string;
  secret: string;
  /** `http://127.0.0.1:<port>`: the base of the HTTP API and the WebSocket host. */
  url: string;
  /** The soketi process id, for tests that check the process is gone. */
  pid: number;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process has exited. Safe to call twice and after a crash. */
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
const SOKETI_SERVER_JS = require.resolve("@soketi/soketi/bin/server.js");
const EXIT_WITH_PARENT_CJS = require.resolve("./exit-with-parent.cjs");
// soketi loads a `.env` from its working directory; its own package folder has none.
const SOKETI_DIRECTORY = dirname(dirname(SOKETI_SERVER_JS));
const READY_LINE = "Server is up and running";
const OUTPUT_LINES_KEPT = 20;

class PortCollisionError extends Error {
  override readonly name = "PortCollisionError";
}

function waitUntilReady(child: ChildProcess, lines: Interface[], tail: OutputTail, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      clearTimeout(timer);
      for (const reader of lines) reader.off("line", onLine);
      child.off("close", onClose);
      child.off("error", onError);
      if (error) reject(error);
      else resolve();
    };
    const fail = (reason: string) => settle(new Error(`soketi ${reason}. Its last output:\n${tail.text()}`));
    const onLine = (line: string) => {
      if (line.includes(READY_LINE)) settle();
    };
    // "close" rather than "exit": it comes after the last output has been read.
    const onClose = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(`exited (${signal ?? `code ${code}`}) before it was ready`);
    const onError = (error: Error) => fail(`could not be started: ${error.message}`);
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    for (const reader of lines) reader.on("line", onLine);
    child.on("close", onClose);
    child.on("error", onError);
  });
}

async function startSoketi(options: LocalServerOptions): Promise<LocalServer> {
  const appId = options.appId ?? "app-id";
  const key = options.key ?? "app-key";
  const secret = options.secret ?? "app-secret";
  const [port, metricsPort, clusterPort] = (await freePorts(3)) as [number, number, number];
  const env = soketiEnvironment({
    port,
    metricsPort,
    clusterPort,
    appId,
    key,
    secret,
    webhooks: options.webhooks ?? [],
    extraEnv: options.env ?? {},
  });
  const child = spawnTracked(process.execPath, ["--require", EXIT_WITH_PARENT_CJS, SOKETI_SERVER_JS, "start"], {
    cwd: SOKETI_DIRECTORY,
    env,
    // stdin is the pipe whose end tells soketi that this process is gone (exit-with-parent.cjs).
    stdio: ["pipe", "pipe", "pipe"],
  });
  const tail = new OutputTail(OUTPUT_LINES_KEPT, [secret]);
  // Read both streams for the child's whole life: a full pipe would block soketi.
  const lines = [child.stdout, child.stderr].flatMap((stream) => (stream ? [createInterface({ input: stream })] : []));
  for (const reader of lines) reader.on("line", (line) => tail.push(line));
  try {
    await waitUntilReady(child, lines, tail, options.startTimeoutMs ?? 45_000);
    const pid = child.pid;
    // A child without a pid never started, and that rejected above.
    if (pid === undefined) throw new Error("soketi has no process id");
    // Both listeners must be this child's alone; see isSoleListener for why the log is not enough.
    if (!(await isSoleListener(pid, port)) || !(await isSoleListener(pid, metricsPort))) {
      throw new PortCollisionError(`port ${port} or ${metricsPort} was taken by another process`);
    }
    let stopping: Promise<void> | undefined;
    return {
      host: "127.0.0.1",
      port,
      appId,
      key,
      secret,
      url: `http://127.0.0.1:${port}`,
      pid,
      stop: () => (stopping ??= stopChild(child)),
    };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/**
 * Starts soketi, a Pusher-compatible server (PROTOCOL §8), on free loopback ports, and resolves
 * once it is up. The process is stopped by `stop()`, and killed when this process exits. A
 * failed start (early exit, timeout) rejects with soketi's last output lines, secrets
 * redacted, after killing the process; a port taken by another process is retried once.
 *
 * @example
 * ```ts
 * const server = await startLocalServer({ env: { SOKETI_EVENT_MAX_BATCH_SIZE: "100" } });
 * try {
 *   const client = await connectClient(server);
 *   await client.subscribe("my-channel");
 * } finally {
 *   await server.stop();
 * }
 * ```
 */
export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  try {
    return await startSoketi(options);
  } catch (error) {
    if (error instanceof PortCollisionError) return startSoketi(options);
    throw error;
  }
}
