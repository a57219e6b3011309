import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { npmInstall, packPublishedPackages } from "./packed-packages.js";
import { casesDir, harnessDir, listCaseFileNames } from "./package-paths.js";

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

/**
 * Lays out, in a fresh temporary folder, a project as a user who installed the `@x` packages
 * from npm has it: the harness and the cases, and in `node_modules` what `npm install` of the
 * packed tarballs of every published `@x` package put there (their `dist`, README and
 * package.json, and their third-party dependencies from the npm registry). Nothing comes from the
 * workspace: through workspace links, Bun and esbuild would read `packages/signing/tsconfig.json`,
 * whose `paths` send `#crypto` to the TypeScript source, and every runtime would see files that
 * are not published.
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
  const tarballDir = join(dir, "tarballs");
  await mkdir(tarballDir);
  const packed = await packPublishedPackages(tarballDir);
  await npmInstall(dir, packed);
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
