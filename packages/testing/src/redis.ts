import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { retryOnPortCollision, startChildServer, stopChild } from "./child-server.js";
import { freePorts } from "./ports.js";
import { findExecutable } from "./prerequisites.js";

/** Where a Redis server listens, and how to sign in to it. */
export interface RedisAddress {
  host: string;
  port: number;
  db: number;
  username: string | undefined;
  password: string | undefined;
}

/**
 * A `redis://[[user]:password@]host[:port][/db]` URL read into its parts, or `undefined` for
 * anything else (TLS, sockets and sentinels are not supported).
 *
 * @example
 * ```ts
 * parseRedisUrl("redis://:pw@127.0.0.1:6380/2"); // { host: "127.0.0.1", port: 6380, db: 2, username: undefined, password: "pw" }
 * ```
 */
export function parseRedisUrl(url: string): RedisAddress | undefined {
  const parsed = URL.parse(url);
  if (parsed?.protocol !== "redis:" || parsed.hostname === "" || !/^(\/\d*)?$/.test(parsed.pathname)) return undefined;
  const part = (text: string) => (text === "" ? undefined : decodeURIComponent(text));
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ""),
    port: parsed.port === "" ? 6379 : Number(parsed.port),
    db: Number(parsed.pathname.slice(1) || "0"),
    username: part(parsed.username),
    password: part(parsed.password),
  };
}

const encode = (args: string[]) => `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join("")}`;

/**
 * How many clients are subscribed to a Redis channel (`PUBSUB NUMSUB`), asked over one connection
 * of its own in Redis's wire protocol: no client library for one command.
 *
 * @example
 * ```ts
 * await subscriberCount({ host: "127.0.0.1", port: 6379, db: 0, username: undefined, password: undefined }, "news"); // 0
 * ```
 */
export function subscriberCount(redis: RedisAddress, channel: string): Promise<number> {
  const auth = redis.password === undefined ? [] : [["AUTH", ...(redis.username === undefined ? [] : [redis.username]), redis.password]];
  return new Promise((resolve, reject) => {
    const socket = connect(redis.port, redis.host);
    let reply = "";
    socket.setEncoding("utf8");
    socket.setTimeout(5_000, () => socket.destroy(new Error(`Redis at ${redis.host}:${redis.port} did not answer in time`)));
    socket.on("data", (chunk: string) => (reply += chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const error = /^-(.*)$/m.exec(reply);
      const count = /:(\d+)\r\n/.exec(reply);
      if (error) reject(new Error(`Redis at ${redis.host}:${redis.port} answered: ${error[1]}`));
      else if (count) resolve(Number(count[1]));
      else reject(new Error(`Redis at ${redis.host}:${redis.port} closed the connection without an answer`));
    });
    // QUIT makes Redis close the connection once it has answered the rest.
    socket.end([...auth, ["PUBSUB", "NUMSUB", channel], ["QUIT"]].map(encode).join(""));
  });
}

/** A private `redis-server` on loopback, from {@link startRedis}. */
export interface LocalRedis {
  address: RedisAddress;
  pid: number;
  /** Stops it and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts `redis-server` on a free loopback port, without persistence, in a temporary folder,
 * and resolves once it accepts connections. On Linux it runs under `setpriv --pdeathsig KILL`,
 * so that the kernel kills it if this process dies without stopping it.
 *
 * @example
 * ```ts
 * const redis = await startRedis("/usr/bin/redis-server", 45_000);
 * await redis.stop();
 * ```
 */
export function startRedis(redisServer: string, startTimeoutMs: number): Promise<LocalRedis> {
  return retryOnPortCollision(async () => {
    const [port = 0] = await freePorts(1);
    const folder = mkdtempSync(join(tmpdir(), "x-testing-redis-"));
    const removeFolder = () => rmSync(folder, { recursive: true, force: true });
    const redisArgs = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder, "--daemonize", "no", "--logfile", ""];
    const setpriv = process.platform === "linux" ? findExecutable("setpriv") : undefined;
    try {
      const { child, pid } = await startChildServer({
        name: "redis-server",
        command: setpriv ?? redisServer,
        args: setpriv === undefined ? redisArgs : ["--pdeathsig", "KILL", "--", redisServer, ...redisArgs],
        cwd: folder,
        env: {},
        stdin: "ignore",
        readyLine: "Ready to accept connections",
        ports: [port],
        secrets: [],
        startTimeoutMs,
        portTakenPattern: /Address already in use/,
      });
      let stopping: Promise<void> | undefined;
      const address = { host: "127.0.0.1", port, db: 0, username: undefined, password: undefined };
      return { address, pid, stop: () => (stopping ??= stopChild(child).then(removeFolder)) };
    } catch (error) {
      removeFolder();
      throw error;
    }
  });
}
