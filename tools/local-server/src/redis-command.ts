import { Redis } from "ioredis";

/**
 * A Redis reply: a simple or bulk string, an integer, a nil, or an array of replies.
 *
 * @example
 * ```ts
 * const reply: RedisReply = ["x-local-cluster#redis-adapter#comms#req", 2]; // PUBSUB NUMSUB
 * ```
 */
export type RedisReply = string | number | null | RedisReply[];

/**
 * Sends one command to the Redis server on a loopback port, over a connection of its own that
 * is closed after the reply, and resolves with the reply; an error reply, a refused connection
 * or no reply within `timeoutMs` rejects (never a retry).
 *
 * @example
 * ```ts
 * await redisCommand(cluster.redis.port, ["PING"]); // "PONG"
 * await redisCommand(cluster.redis.port, ["CONFIG", "GET", "save"]); // ["save", ""]
 * ```
 */
export async function redisCommand(port: number, args: string[], timeoutMs = 5_000): Promise<RedisReply> {
  const [command = "", ...rest] = args;
  const client = new Redis({
    host: "127.0.0.1",
    port,
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // Failures reach the caller through connect() and call(); without a listener ioredis logs them too.
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.call(command, ...rest)) as RedisReply;
  } catch (error) {
    throw new Error(`redis ${command}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    client.disconnect();
  }
}
