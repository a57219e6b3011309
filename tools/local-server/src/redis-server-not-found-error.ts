// The command that installs Redis on Debian and Ubuntu, the systems the tests and CI run on.
const REDIS_INSTALL_COMMAND = "apt-get install -y redis-server";

/**
 * A cluster needs a `redis-server` program and none was found (or the path given does not run).
 * The message says how to install one.
 *
 * @example
 * ```ts
 * await expect(startLocalCluster({ redisServer: "/nowhere/redis-server" })).rejects.toBeInstanceOf(RedisServerNotFoundError);
 * ```
 */
export class RedisServerNotFoundError extends Error {
  override readonly name = "RedisServerNotFoundError";

  constructor(looked: string) {
    super(
      `redis-server was not found: ${looked}. A local cluster shares its state through Redis: ` +
        `install it with \`${REDIS_INSTALL_COMMAND}\` (Debian/Ubuntu), or pass the path of a redis-server ` +
        "program as the redisServer option.",
    );
  }
}
