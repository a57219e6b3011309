import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

// Debian puts daemons such as redis-server in /usr/bin, and a few tools in /usr/sbin, which a
// trimmed PATH may lack.
const FALLBACK_DIRECTORIES = ["/usr/local/bin", "/usr/bin", "/usr/sbin"];

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The path of a program, looked up like a shell's `command -v` would (each folder of `PATH`,
 * then `/usr/local/bin`, `/usr/bin`, `/usr/sbin`), or `undefined` when there is none. A name
 * with a `/` is a path: it is returned if it is an executable file.
 *
 * @example
 * ```ts
 * findExecutable("redis-server"); // "/usr/bin/redis-server"
 * findExecutable("/opt/redis/bin/redis-server"); // that path, if it can be run
 * ```
 */
export function findExecutable(name: string, path = process.env.PATH ?? ""): string | undefined {
  if (name.includes("/")) return isExecutableFile(name) ? name : undefined;
  const directories = [...path.split(delimiter).filter((directory) => directory !== ""), ...FALLBACK_DIRECTORIES];
  return directories.map((directory) => join(directory, name)).find(isExecutableFile);
}
