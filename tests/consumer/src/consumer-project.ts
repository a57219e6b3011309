import { execFile } from "node:child_process";
import { cp, mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { nodeBinary, npmInstall, packageManagerEnv, type InstallOutput, type PackedPackage } from "tests-runtime";
import { consumerDir } from "./paths.js";

const run = promisify(execFile);

/** The package managers a consumer project is installed with. */
export const PACKAGE_MANAGERS = ["npm", "pnpm"] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

/**
 * What a user installs from the registry beside the packages: the Node types of the lowest
 * supported Node (for the TypeScript users), and `@opentelemetry/api`, the optional peer
 * dependency that `@x/rest/otel` needs.
 */
export const REGISTRY_PACKAGES = { "@types/node": "22.20.7", "@opentelemetry/api": "1.10.0" };

/**
 * The packages that run on Node.js only, and why: the workerd Workers do not load them, and the
 * matrix skips them there with this reason. (Bun and Deno run them: they have `node:http`.)
 */
export const NODE_ONLY_PACKAGES: Readonly<Record<string, string>> = {
  "@x/testing": "Node.js only: it runs servers and processes (node:http, node:child_process), which workerd has not",
};

/**
 * Why a module is not loaded in workerd, or `undefined` when it is.
 *
 * @example
 * ```ts
 * notInWorkerd("@x/testing/package.json"); // "Node.js only: …"
 * notInWorkerd("@x/server"); // undefined
 * ```
 */
export function notInWorkerd(specifier: string): string | undefined {
  const name = Object.keys(NODE_ONLY_PACKAGES).find((candidate) => specifier === candidate || specifier.startsWith(`${candidate}/`));
  return name === undefined ? undefined : NODE_ONLY_PACKAGES[name];
}

/** A clean project that installed the tarballs. Plain data: vitest hands it to every test file. */
export interface ConsumerProject {
  packageManager: PackageManager;
  dir: string;
  /** Every module a user can load: each package's name and each of its other `exports` subpaths. */
  specifiers: string[];
  /** What the install printed. */
  install: InstallOutput;
}

/**
 * The module specifiers the packages document through their `exports` maps: `"."` is the
 * package's name, `"./package.json"` becomes `"@x/server/package.json"`, and so on.
 *
 * @example
 * ```ts
 * documentedSpecifiers(packed); // ["@x/auth", "@x/auth/package.json", …]
 * ```
 */
export function documentedSpecifiers(packed: PackedPackage[]): string[] {
  return packed.flatMap(({ name, manifest }) =>
    Object.keys(manifest.exports ?? { ".": null }).map((subpath) => (subpath === "." ? name : `${name}/${subpath.replace(/^\.\//, "")}`)),
  );
}

/**
 * The module that loads every specifier with `import()` of its literal name (what a bundler
 * needs to see to include it) and runs the checks of checks.cjs on it.
 */
export function esmConsumerSource(specifiers: string[]): string {
  const loaders = specifiers.map((specifier) => {
    const options = specifier.endsWith(".json") ? ', { with: { type: "json" } }' : "";
    return `    ${JSON.stringify(specifier)}: () => import(${JSON.stringify(specifier)}${options}),`;
  });
  return [
    "// Written by tests-consumer for the packages installed here: each module loaded with `import`.",
    'import checks from "./checks.cjs";',
    "",
    "/** @param {object} ctx */",
    "export function run(ctx) {",
    "  return checks.runChecks({",
    ...loaders,
    '  }, { ...ctx, mode: "import" });',
    "}",
    "",
  ].join("\n");
}

/** The CommonJS module that loads every specifier with `require()` of its literal name. */
export function cjsConsumerSource(specifiers: string[]): string {
  const loaders = specifiers.map((specifier) => `    ${JSON.stringify(specifier)}: () => require(${JSON.stringify(specifier)}),`);
  return [
    "// Written by tests-consumer for the packages installed here: each module loaded with `require`.",
    '"use strict";',
    'const { runChecks } = require("./checks.cjs");',
    "",
    "/** @param {object} ctx */",
    "exports.run = (ctx) =>",
    "  runChecks({",
    ...loaders,
    '  }, { ...ctx, mode: "require" });',
    "",
  ].join("\n");
}

/**
 * Lays out a consumer project in `dir` (the scripts of `consumer/`, the loaders of every
 * documented module, the TypeScript users as `.mts` and as `.cts`) and installs the tarballs in
 * it with one package manager, as a user who downloaded them would:
 *
 * - npm: the tarballs as `file:` dependencies with `overrides` (see `npmInstall`), plus
 *   {@link REGISTRY_PACKAGES}, run by Node 22 (the lowest supported Node, so that an `engines` range it does
 *   not satisfy shows up as an `EBADENGINE` warning);
 * - pnpm: the tarballs as `file:` dependencies and, since pnpm would look the packages' own
 *   `@x/*` dependencies up on the registry, `overrides` that send each to its tarball.
 *
 * @example
 * ```ts
 * const project = await createConsumerProject("pnpm", packed, join(root, "pnpm"));
 * ```
 */
export async function createConsumerProject(
  packageManager: PackageManager,
  packed: PackedPackage[],
  dir: string,
): Promise<ConsumerProject> {
  await mkdir(join(dir, "types"), { recursive: true });
  await cp(consumerDir, dir, { recursive: true });
  for (const file of await readdir(join(dir, "types"))) {
    if (file.endsWith(".mts")) await cp(join(dir, "types", file), join(dir, "types", file.replace(/\.mts$/, ".cts")));
  }
  const specifiers = documentedSpecifiers(packed);
  await writeFile(join(dir, "esm-consumer.mjs"), esmConsumerSource(specifiers));
  await writeFile(join(dir, "cjs-consumer.cjs"), cjsConsumerSource(specifiers));
  // The Workers' own loaders name no Node-only module: a bundler would pull it in even if never called.
  const workerSpecifiers = specifiers.filter((specifier) => notInWorkerd(specifier) === undefined);
  await writeFile(join(dir, "worker-esm-consumer.mjs"), esmConsumerSource(workerSpecifiers));
  await writeFile(join(dir, "worker-cjs-consumer.cjs"), cjsConsumerSource(workerSpecifiers));
  const manifest = { name: `x-consumer-${packageManager}`, private: true };
  let install: InstallOutput;
  if (packageManager === "npm") {
    await writeFile(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    const registryPackages = Object.entries(REGISTRY_PACKAGES).map(([name, version]) => `${name}@${version}`);
    install = await npmInstall(dir, packed, { registryPackages, node: nodeBinary(22) });
  } else {
    install = await pnpmInstall(dir, manifest, packed, REGISTRY_PACKAGES);
  }
  return { packageManager, dir, specifiers, install };
}

async function pnpmInstall(
  dir: string,
  manifest: Record<string, unknown>,
  packed: PackedPackage[],
  registryDependencies: Record<string, string>,
): Promise<InstallOutput> {
  const tarballs = Object.fromEntries(packed.map(({ name, tarball }) => [name, `file:${tarball}`]));
  await writeFile(
    join(dir, "package.json"),
    `${JSON.stringify({ ...manifest, dependencies: { ...tarballs, ...registryDependencies } }, null, 2)}\n`,
  );
  const overrides = packed.map(({ name, tarball }) => `  ${JSON.stringify(name)}: ${JSON.stringify(`file:${tarball}`)}`);
  await writeFile(
    join(dir, "pnpm-workspace.yaml"),
    ["# The @x packages come from their tarballs, not the registry.", "overrides:", ...overrides, ""].join("\n"),
  );
  const { stdout, stderr } = await run("pnpm", ["install", "--prefer-offline"], {
    cwd: dir,
    env: packageManagerEnv(),
    maxBuffer: 16 * 1024 * 1024,
    timeout: 300_000,
  });
  return { stdout, stderr };
}
