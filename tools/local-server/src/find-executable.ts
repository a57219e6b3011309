import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The path of a program, looked up in each folder of `PATH` as a shell's `command -v` would, or
 * `undefined` when there is none. A name with a `/` is a path: it is returned if it is an
 * executable file.
 *
 * @example
 * ```ts
 * findExecutable("redis-server"); // "/usr/bin/redis-server"
 * findExecutable("/opt/redis/bin/redis-server"); // that path, if it can be run
 * ```
 */
export function findExecutable(name: string, path = process.env.PATH ?? ""): string | undefined {
  if (name.includes("/")) return isExecutableFile(name) ? name : undefined;
  return path
    .split(delimiter)
    .filter((directory) => directory !== "")
    .map((directory) => join(directory, name))
    .find(isExecutableFile);
}
