import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { endChild, retryOnPortCollision, startChildServer } from "./child-server.js";
import { freePorts } from "./ports.js";
import { findExecutable } from "./prerequisites.js";

/**
 * Where a Redis server listens.
 * @example const address: RedisAddress = { host: "127.0.0.1", port: 6379 };
 */
export interface RedisAddress {
  host: string;
  port: number;
}

/**
 * A `redis://host[:port]` URL in parts; `undefined` for anything else (credentials, a database, TLS).
 * @example parseRedisUrl("redis://127.0.0.1:6380"); // { host: "127.0.0.1", port: 6380 }
 */
export function parseRedisUrl(url: string): RedisAddress | undefined {
  const parsed = URL.parse(url);
  if (
    parsed?.protocol !== "redis:" ||
    parsed.hostname === "" ||
    parsed.username !== "" ||
    parsed.password !== "" ||
    !/^\/?$/.test(parsed.pathname)
  )
    return undefined;
  return { host: parsed.hostname.replace(/^\[|\]$/g, ""), port: parsed.port === "" ? 6379 : Number(parsed.port) };
}

// Two commands in RESP, not a Redis client: the kit installs no dependency into a user's project.
const encode = (args: string[]) => `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join("")}`;

/**
 * How many clients subscribe to a Redis channel (`PUBSUB NUMSUB`), asked over a connection of its
 * own in Redis's wire protocol: no client library for one command.
 * @example await subscriberCount(redis.address, "news"); // 0
 */
export function subscriberCount(redis: RedisAddress, channel: string): Promise<number> {
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
    socket.end([["PUBSUB", "NUMSUB", channel], ["QUIT"]].map(encode).join(""));
  });
}

/**
 * A private `redis-server` on loopback, from {@link startRedis}.
 * @example await redis.stop();
 */
export interface LocalRedis {
  address: RedisAddress;
  pid: number;
  /** Stops it and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts `redis-server` on a free loopback port, without persistence, in a temporary folder, and
 * resolves once it accepts connections. On Linux it runs under `setpriv --pdeathsig KILL`: the
 * kernel kills it if this process dies without stopping it.
 * @example const redis = await startRedis("/usr/bin/redis-server", 45_000);
 */
export function startRedis(redisServer: string, startTimeoutMs: number): Promise<LocalRedis> {
  return retryOnPortCollision(async () => {
    const [port = 0] = await freePorts(1);
    const folder = mkdtempSync(join(tmpdir(), "x-testing-redis-"));
    const removeFolder = () => rmSync(folder, { recursive: true, force: true });
    const redisArgs = [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      folder,
      "--daemonize",
      "no",
      "--logfile",
      "",
    ];
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
      return { address: { host: "127.0.0.1", port }, pid, stop: () => (stopping ??= endChild(child).then(removeFolder)) };
    } catch (error) {
      removeFolder();
      throw error;
    }
  });
}
