import { cp, mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const benchDir = fileURLToPath(new URL("..", import.meta.url));

/** The scripts of a user project, by what they are for. */
export const PROJECT_FILES = {
  /** The cold-start scripts, `cold-start/<name>.mjs`. */
  coldStartDir: "cold-start",
  /** The Bun/Deno trigger suite, bundled from `src/runtime-suite.ts`. */
  runtimeSuite: "runtime-suite.mjs",
} as const;

interface Manifest {
  name: string;
  version: string;
  files?: string[];
  dependencies?: Record<string, string>;
}

const readManifest = async (dir: string): Promise<Manifest> => JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as Manifest;

/**
 * Lays out, in a fresh temporary folder, a project as a user who installed `@x/server` and
 * `pusher` from npm has it, with the benchmark scripts that the cold-start and runtime
 * benchmarks run in it. Each `@x` package is copied as `npm publish` would ship it (its
 * package.json and `files`: the built `dist`, no `src`, no `tsconfig.json`), beside links to the
 * third-party packages they depend on and to the official `pusher` package. Why not the workspace
 * links: through them Bun reads `packages/signing/tsconfig.json`, whose `paths` send `#crypto` to
 * the TypeScript source, and would run the source instead of the built packages.
 */
export async function createUserProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "x-bench-project-"));
  try {
    await writeFile(join(dir, "package.json"), `${JSON.stringify({ name: "x-bench-user", private: true, type: "module" }, null, 2)}\n`);
    const links = new Map<string, string>([["pusher", await realpath(join(benchDir, "node_modules/pusher"))]]);
    const copied = new Set<string>();
    const copy = async (name: string, fromDir: string): Promise<void> => {
      if (copied.has(name)) return;
      copied.add(name);
      const sourceDir = await realpath(join(fromDir, "node_modules", name));
      const manifest = await readManifest(sourceDir);
      const targetDir = join(dir, "node_modules", name);
      await mkdir(targetDir, { recursive: true });
      await cp(join(sourceDir, "package.json"), join(targetDir, "package.json"));
      for (const entry of manifest.files ?? []) {
        if (existsSync(join(sourceDir, entry))) await cp(join(sourceDir, entry), join(targetDir, entry), { recursive: true });
      }
      for (const dependency of Object.keys(manifest.dependencies ?? {})) {
        if (dependency.startsWith("@x/")) await copy(dependency, sourceDir);
        else links.set(dependency, await realpath(join(sourceDir, "node_modules", dependency)));
      }
    };
    await copy("@x/server", benchDir);
    for (const [name, target] of links) {
      const link = join(dir, "node_modules", name);
      await mkdir(dirname(link), { recursive: true });
      await symlink(target, link, "dir");
    }
    await cp(fileURLToPath(new URL("./cold-start", import.meta.url)), join(dir, PROJECT_FILES.coldStartDir), { recursive: true });
    // The suite's own code is bundled; the packages stay imports, resolved in the project as a
    // user's are. `tsconfigRaw: {}` keeps esbuild from the workspace's tsconfig `paths`.
    await build({
      entryPoints: [fileURLToPath(new URL("./runtime-suite.ts", import.meta.url))],
      outfile: join(dir, PROJECT_FILES.runtimeSuite),
      bundle: true,
      platform: "node",
      format: "esm",
      packages: "external",
      logLevel: "silent",
      tsconfigRaw: {},
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}

/** Deletes a project made by {@link createUserProject}. */
export async function removeUserProject(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
