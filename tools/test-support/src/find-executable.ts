import which from "which";

/**
 * The path of a program, looked up in each folder of `PATH` as a shell's `command -v` would, or
 * `undefined` when there is none. A name with a `/` is a path: it is returned if it is an
 * executable file.
 *
 * @example
 * ```ts
 * findExecutable("redis-server"); // "/usr/bin/redis-server"
 * ```
 */
export function findExecutable(name: string, path = process.env.PATH ?? ""): string | undefined {
  return which.sync(name, { path, nothrow: true }) ?? undefined;
}
