import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";

/**
 * The size budgets, in bytes (minified + gzipped). auth-only and webhook-only: the 3 KB the READMEs
 * promise. umbrella and compat (with `@noble/ciphers`' secretbox): 5 to 10 % over their size when set, in whole KB, so
 * that a new esbuild or zlib cannot fail them while real growth still does (BENCHMARKS.md §9).
 */
export const SIZE_BUDGETS = { "auth-only": 3 * 1024, "webhook-only": 3 * 1024, umbrella: 32 * 1024, compat: 28 * 1024 } as const;

export type BundleName = keyof typeof SIZE_BUDGETS;

/** A bundle: its minified + gzipped size and the files that contributed code to it. */
export interface BundleSize {
  gzippedBytes: number;
  /** Paths of the input files that contributed bytes (tree-shaken files contribute none). */
  inputs: string[];
  /** The minified code itself, to look for what must not be in it. */
  code: string;
}

/**
 * The modules bundled for each budget: what a user of each job writes, with our packages and
 * with the official one. The official package is CommonJS with one entry, so each of its
 * modules carries the whole package; they are written to do the same job all the same.
 */
export const BUNDLE_SOURCES: Record<BundleName, { ours: string; official: string }> = {
  "auth-only": {
    ours: `import { authorizeChannel, authenticateUser } from "@x/auth"; export { authorizeChannel, authenticateUser };`,
    official: `import Pusher from "pusher"; export const authorize = (config, socketId, channel) => new Pusher(config).authorizeChannel(socketId, channel);`,
  },
  "webhook-only": {
    ours: `import { verifyWebhook } from "@x/webhooks"; export { verifyWebhook };`,
    official: `import Pusher from "pusher"; export const verify = (config, request) => new Pusher(config).webhook(request).isValid();`,
  },
  umbrella: {
    ours: `import { Pusher } from "@x/server"; export { Pusher };`,
    official: `import Pusher from "pusher"; export { Pusher };`,
  },
  // The official package's API on our packages (`@x/server/compat`): what a user who migrates by
  // changing one import ships, against what the official package weighs.
  compat: {
    ours: `import Pusher from "@x/server/compat"; export { Pusher };`,
    official: `import Pusher from "pusher"; export { Pusher };`,
  },
};

const benchDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * Bundles `source` as a user's Node app would ship it: esbuild, platform node (so the "node"
 * export conditions apply), ESM, minified, then gzipped. The packages resolve from this app's
 * node_modules, i.e. their built `dist`; `tsconfigRaw: {}` keeps esbuild from following the
 * workspace's tsconfig `paths` (which point `#crypto` and `#transport` at sources).
 */
export async function bundleSize(source: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: source, resolveDir: benchDir, loader: "js" },
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
    tsconfigRaw: {},
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error("esbuild wrote no bundle");
  return { gzippedBytes: gzipSync(output.contents).length, inputs: contributingInputs(result.metafile), code: output.text };
}

function contributingInputs(metafile: Metafile): string[] {
  const output = Object.values(metafile.outputs)[0];
  return Object.entries(output?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
}

/** What installing a package brings: its runtime dependencies (transitively) and their size on disk. */
export interface InstallFootprint {
  /** `name@version` of every package installed besides the package itself, sorted. */
  dependencies: string[];
  /** Bytes of the package and its dependencies as installed (a workspace package: its published files). */
  bytes: number;
}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  files?: string[];
}

/**
 * Walks the runtime dependencies of `name` (dependencies and optional dependencies, as a
 * production install brings them) from this app, following Node's resolution from each
 * package's real folder, and adds up their size on disk.
 */
export function installFootprint(name: string): InstallFootprint {
  const seen = new Map<string, string>();
  const visit = (packageName: string, fromDir: string): void => {
    const dir = findPackageDir(packageName, fromDir);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
    const id = `${manifest.name}@${manifest.version}`;
    if (seen.has(id)) return;
    seen.set(id, dir);
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(dependency, dir);
  };
  visit(name, benchDir);
  let bytes = 0;
  for (const dir of seen.values()) bytes += installedBytes(dir);
  const dependencies = [...seen.keys()].filter((id) => !id.startsWith(`${name}@`)).sort();
  return { dependencies, bytes };
}

function findPackageDir(packageName: string, fromDir: string): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", packageName);
    try {
      if (statSync(join(candidate, "package.json")).isFile()) return realpathSync(candidate);
    } catch {
      // Not in this folder's node_modules: look in the parent's, as Node does.
    }
    if (dirname(dir) === dir) throw new Error(`cannot find ${packageName} from ${fromDir}`);
  }
}

// A package from the registry is installed whole; a workspace package would be published with
// its `files` (and its package.json and README), so those are what it would weigh.
function installedBytes(dir: string): number {
  if (dir.includes(`${join("node_modules", ".pnpm")}`)) return folderBytes(dir);
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
  return ["package.json", "README.md", ...(manifest.files ?? [])].reduce((sum, entry) => sum + pathBytes(join(dir, entry)), 0);
}

function pathBytes(path: string): number {
  try {
    return statSync(path).isDirectory() ? folderBytes(path) : statSync(path).size;
  } catch {
    return 0;
  }
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : entry.isFile() ? statSync(path).size : 0;
  }
  return total;
}
