import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { casesDir, harnessDir, listCaseFileNames, packageDir } from "./package-paths.js";

/** A project laid out as a user's, with the cases in it. Plain data: vitest hands it to every test file. */
export interface UserProject {
  dir: string;
  /** The absolute paths of the case files inside the project. */
  caseFiles: string[];
}

/** What else the project holds. */
export interface UserProjectOptions {
  /** Folders of the user's own code, copied into the project: project folder name → source folder. */
  sources?: Record<string, string>;
}

interface Manifest {
  name: string;
  private?: boolean;
  files?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as Manifest;
}

/**
 * The published `@x` packages the cases use (this package's `@x/*` devDependencies that are not
 * private) and, transitively, their `@x` dependencies: name → the folder of its workspace package.
 */
async function publishedWorkspacePackages(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const visit = async (name: string, fromDir: string) => {
    if (found.has(name)) return;
    const dir = await realpath(join(fromDir, "node_modules", name));
    const manifest = await readManifest(dir);
    if (manifest.private === true) return;
    found.set(name, dir);
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      if (dependency.startsWith("@x/")) await visit(dependency, dir);
    }
  };
  for (const name of Object.keys((await readManifest(packageDir)).devDependencies ?? {})) {
    if (name.startsWith("@x/")) await visit(name, packageDir);
  }
  return found;
}

/**
 * Copies what `npm publish` would ship of a package: its package.json and its `files` (an entry
 * that matches nothing is skipped, as npm skips it).
 */
async function installPublishedFiles(sourceDir: string, targetDir: string): Promise<Manifest> {
  const manifest = await readManifest(sourceDir);
  await mkdir(targetDir, { recursive: true });
  await cp(join(sourceDir, "package.json"), join(targetDir, "package.json"));
  for (const entry of manifest.files ?? []) {
    if (existsSync(join(sourceDir, entry))) await cp(join(sourceDir, entry), join(targetDir, entry), { recursive: true });
  }
  return manifest;
}

/**
 * Lays out, in a fresh temporary folder, a project as a user who installed the `@x` packages
 * from npm has it: the harness and the cases, and in `node_modules` each `@x` package's
 * published files only (no `src`, no `tsconfig.json`), beside links to the third-party packages
 * they depend on. Why not the workspace links: through them, Bun and esbuild read
 * `packages/signing/tsconfig.json`, whose `paths` send `#crypto` to the TypeScript source, so
 * they would test the source instead of the built `dist` and its `exports`/`imports` conditions.
 *
 * @example
 * ```ts
 * const project = await createUserProject({ sources: { worker: "/path/to/app/src" } });
 * // project.dir/worker/… imports "@x/auth" exactly as an npm user's code would.
 * await removeUserProject(project);
 * ```
 */
export async function createUserProject(options: UserProjectOptions = {}): Promise<UserProject> {
  const dir = await mkdtemp(join(tmpdir(), "x-runtime-tests-project-"));
  try {
    await layOutProject(dir, options);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, caseFiles: listCaseFileNames().map((name) => join(dir, "cases", name)) };
}

async function layOutProject(dir: string, options: UserProjectOptions): Promise<void> {
  const manifest = { name: "x-runtime-tests-user", private: true, type: "module" };
  await writeFile(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const sources = { harness: harnessDir, cases: casesDir, ...options.sources };
  for (const [folder, sourceDir] of Object.entries(sources)) await cp(sourceDir, join(dir, folder), { recursive: true });
  const links = new Map<string, string>();
  for (const [name, sourceDir] of await publishedWorkspacePackages()) {
    const manifest = await installPublishedFiles(sourceDir, join(dir, "node_modules", name));
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      if (dependency.startsWith("@x/")) continue;
      const target = await realpath(join(sourceDir, "node_modules", dependency));
      if (links.has(dependency) && links.get(dependency) !== target) {
        throw new Error(`the @x packages depend on two different installs of ${dependency}`);
      }
      links.set(dependency, target);
    }
  }
  for (const [dependency, target] of links) {
    const link = join(dir, "node_modules", dependency);
    await mkdir(dirname(link), { recursive: true });
    await symlink(target, link, "dir");
  }
}

/**
 * Deletes a project made by {@link createUserProject}.
 *
 * @example
 * ```ts
 * await removeUserProject(project);
 * ```
 */
export async function removeUserProject(project: UserProject): Promise<void> {
  await rm(project.dir, { recursive: true, force: true });
}
