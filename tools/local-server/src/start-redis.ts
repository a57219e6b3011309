import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findExecutable } from "./find-executable.ts";
import { freePort } from "./free-port.ts";
import { RedisServerNotFoundError } from "./redis-server-not-found-error.ts";
import { retryOnPortCollision, startChildServer } from "./start-child-server.ts";
import { stopChild } from "./tracked-children.ts";

/**
 * A running `redis-server` on the loopback interface, without persistence.
 *
 * @example
 * ```ts
 * const redis = await startRedis({ redisServer: "/usr/bin/redis-server" });
 * await redisCommand(redis.port, ["PING"]); // "PONG"
 * await redis.stop();
 * ```
 */
export interface LocalRedis {
  host: "127.0.0.1";
  port: number;
  pid: number;
  /** SIGTERM, then SIGKILL after a grace period; resolves once it has exited and its temporary directory is gone. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * How to start Redis. Every field is optional.
 *
 * @example
 * ```ts
 * const options: LocalRedisOptions = { redisServer: "/usr/bin/redis-server", startTimeoutMs: 10_000 };
 * ```
 */
export interface LocalRedisOptions {
  /** The `redis-server` program: a path, or a name looked up on `PATH`. @default "redis-server" */
  redisServer?: string;
  /** @default 45_000 */
  startTimeoutMs?: number;
}

const READY_LINE = "Ready to accept connections";
// What redis-server prints, before it exits, when its port is taken.
const PORT_TAKEN = /Address already in use/;

// Directories of servers still running: removed when this process exits, whatever stops them.
const liveDirectories = new Set<string>();
process.on("exit", () => {
  for (const directory of liveDirectories) rmSync(directory, { recursive: true, force: true });
});

/**
 * The command line of a Redis server for tests: loopback only, no persistence (no RDB
 * snapshots, no append-only file), logging to stdout, working in `directory`. On Linux it runs
 * under `setpriv --pdeathsig KILL`, which asks the kernel to kill it when the process that
 * started it dies, however it dies (redis-server cannot watch a pipe as soketi does through
 * exit-with-parent.cjs); `setpriv` then becomes redis-server itself, with the same pid.
 *
 * @example
 * ```ts
 * const { command, args } = redisServerCommand("/usr/bin/redis-server", 6380, "/tmp/x-local-redis-abc");
 * spawn(command, args);
 * ```
 */
export function redisServerCommand(redisServer: string, port: number, directory: string): { command: string; args: string[] } {
  const redisArgs = [
    // No configuration file: the built-in defaults and these settings, nothing from /etc/redis.
    "--port", String(port),
    "--bind", "127.0.0.1",
    "--save", "",
    "--appendonly", "no",
    "--dir", directory,
    "--daemonize", "no",
    "--logfile", "",
  ];
  const setpriv = process.platform === "linux" ? findExecutable("setpriv") : undefined;
  if (setpriv === undefined) return { command: redisServer, args: redisArgs };
  return { command: setpriv, args: ["--pdeathsig", "KILL", "--", redisServer, ...redisArgs] };
}

function resolveRedisServer(redisServer = "redis-server"): string {
  const found = findExecutable(redisServer);
  if (found !== undefined) return found;
  throw new RedisServerNotFoundError(
    redisServer.includes("/")
      ? `${redisServer} is not an executable file`
      : `no ${redisServer} on PATH`,
  );
}

async function startRedisOnFreePort(redisServer: string, startTimeoutMs: number): Promise<LocalRedis> {
  const port = await freePort();
  const directory = mkdtempSync(join(tmpdir(), "x-local-redis-"));
  liveDirectories.add(directory);
  const removeDirectory = () => {
    rmSync(directory, { recursive: true, force: true });
    liveDirectories.delete(directory);
  };
  const { command, args } = redisServerCommand(redisServer, port, directory);
  try {
    const { child, pid } = await startChildServer({
      name: "redis-server",
      command,
      args,
      cwd: directory,
      env: {},
      stdin: "ignore",
      readyLine: READY_LINE,
      ports: [port],
      secrets: [],
      startTimeoutMs,
      portTakenPattern: PORT_TAKEN,
    });
    let stopping: Promise<void> | undefined;
    return {
      host: "127.0.0.1",
      port,
      pid,
      stop: () => (stopping ??= stopChild(child).then(removeDirectory)),
    };
  } catch (error) {
    removeDirectory();
    throw error;
  }
}

/**
 * Starts `redis-server` on a free loopback port, in a temporary directory of its own, without
 * persistence, and resolves once it accepts connections. It is stopped by `stop()`, killed when
 * this process exits, and killed by the kernel if this process dies without exiting (see
 * {@link redisServerCommand}). A missing program rejects with a {@link RedisServerNotFoundError}
 * that says how to install it; a port taken before Redis bound it is retried once.
 *
 * @example
 * ```ts
 * const redis = await startRedis();
 * try {
 *   // … point soketi nodes at 127.0.0.1:redis.port
 * } finally {
 *   await redis.stop();
 * }
 * ```
 */
export async function startRedis(options: LocalRedisOptions = {}): Promise<LocalRedis> {
  const redisServer = resolveRedisServer(options.redisServer);
  const startTimeoutMs = options.startTimeoutMs ?? 45_000;
  return retryOnPortCollision(() => startRedisOnFreePort(redisServer, startTimeoutMs));
}
