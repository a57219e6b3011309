import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import { packageDir } from "./package-paths.js";

const run = promisify(execFile);

/** The repository's `packages/` folder: the published packages. */
const packagesDir = join(packageDir, "..", "..", "packages");

/** The parts of a package.json the tests read. */
export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  files?: string[];
  exports?: Record<string, unknown>;
  imports?: Record<string, unknown>;
  main?: string;
  module?: string;
  types?: string;
  dependencies?: Record<string, string>;
  engines?: Record<string, string>;
}

/** A published package, packed by `pnpm pack` as `pnpm publish` would pack it. */
export interface PackedPackage {
  name: string;
  version: string;
  /** The `.tgz` file. */
  tarball: string;
  /** The package.json inside the tarball: `workspace:^` ranges already replaced by versions. */
  manifest: PackageManifest;
  /** The files inside the tarball, relative to the package root, e.g. "dist/index.mjs". */
  files: string[];
}

/** The workspace folders of the packages that are published: those not marked `private`. */
export function publishedPackageDirs(): string[] {
  return readdirSync(packagesDir)
    .sort()
    .map((name) => join(packagesDir, name))
    .filter((dir) => {
      try {
        return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageManifest).private !== true;
      } catch {
        return false;
      }
    });
}

/**
 * The environment for a package manager started by a test: this process's, without the
 * `npm_*`/`pnpm_*` variables that the `pnpm test` running us exported. npm reads any
 * `npm_config_*` variable as its own configuration, so they would make the "clean project" of
 * a test inherit the workspace's settings.
 */
export function packageManagerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(npm|pnpm)_/i.test(name)) env[name] = value;
  }
  return { ...env, NO_COLOR: "1", npm_config_update_notifier: "false", ...extra };
}

/**
 * Packs every published workspace package with `pnpm pack` into `destination`: the files of its
 * `files` list, its README and LICENSE, and a package.json whose `workspace:^` dependencies have
 * become version ranges. The packages must have been built (`dist/`).
 *
 * @example
 * ```ts
 * const packed = await packPublishedPackages(await mkdtemp(join(tmpdir(), "x-tarballs-")));
 * packed.map((p) => p.tarball); // [".../x-auth-0.0.0.tgz", …]
 * ```
 */
export async function packPublishedPackages(destination: string): Promise<PackedPackage[]> {
  const packed: PackedPackage[] = [];
  for (const dir of publishedPackageDirs()) {
    const { stdout } = await run("pnpm", ["pack", "--json", "--pack-destination", destination], {
      cwd: dir,
      env: packageManagerEnv(),
      maxBuffer: 16 * 1024 * 1024,
      timeout: 60_000,
    });
    const report = JSON.parse(stdout) as { name: string; version: string; filename: string; files: { path: string }[] };
    const tarball = report.filename;
    const { stdout: manifestText } = await run("tar", ["-xzOf", tarball, "package/package.json"]);
    packed.push({
      name: report.name,
      version: report.version,
      tarball,
      manifest: JSON.parse(manifestText) as PackageManifest,
      files: report.files.map((file) => file.path).sort(),
    });
  }
  return packed;
}

/** The npm command line of the machine (`npm` on the PATH), as a script that any Node can run. */
function npmCliScript(): string {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, "npm");
    if (existsSync(candidate)) return realpathSync(candidate);
  }
  throw new Error("npm is not on the PATH");
}

/** What an install printed, for tests that read its warnings. */
export interface InstallOutput {
  stdout: string;
  stderr: string;
}

/**
 * Installs packed packages into a project folder that holds a package.json, the way a user who
 * downloaded the tarballs would: they become the project's dependencies (`file:<tarball>`), with
 * `overrides` that send the packages' dependencies on each other to the same tarballs (none of
 * them is on the registry, and npm would ask it first), then one `npm install`, which also adds
 * `registryPackages` (e.g. `"@types/node@22.20.7"`) from the npm registry. No workspace link is
 * involved: the project's `node_modules` holds exactly what npm put there. `node` is the Node
 * that runs npm (its version is the one npm checks `engines` against). An install that takes
 * more than 5 minutes is stopped and reported.
 *
 * @example
 * ```ts
 * const { stderr } = await npmInstall(projectDir, packed);
 * ```
 */
export async function npmInstall(
  projectDir: string,
  packages: PackedPackage[],
  options: { registryPackages?: string[]; node?: string } = {},
): Promise<InstallOutput> {
  const manifestFile = join(projectDir, "package.json");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, Record<string, string> | undefined>;
  const tarballs = Object.fromEntries(packages.map(({ name, tarball }) => [name, `file:${tarball}`]));
  const overrides = Object.fromEntries(packages.map(({ name }) => [name, `$${name}`]));
  writeFileSync(
    manifestFile,
    `${JSON.stringify({ ...manifest, dependencies: { ...manifest.dependencies, ...tarballs }, overrides: { ...manifest.overrides, ...overrides } }, null, 2)}\n`,
  );
  const args = ["install", "--no-audit", "--no-fund", "--prefer-offline", ...(options.registryPackages ?? [])];
  const { stdout, stderr } = await run(options.node ?? process.execPath, [npmCliScript(), ...args], {
    cwd: projectDir,
    env: packageManagerEnv(),
    maxBuffer: 16 * 1024 * 1024,
    timeout: 300_000,
  });
  return { stdout, stderr };
}
