import { basename, join } from "node:path";
import { build } from "esbuild";
import type { UserProject } from "./user-project.js";

/** A Worker script and the files it was bundled from. */
export interface WorkerBundle {
  /** The ES module to give workerd. */
  code: string;
  /** The bundled files, relative to the project, e.g. "node_modules/@x/signing/dist/crypto-portable.mjs". */
  inputs: string[];
}

/**
 * The entry of the Worker that runs the cases: it imports every case file and answers any
 * request with the report of running them, with the case context from `env.CONTEXT`.
 */
export function casesWorkerEntry({ dir, caseFiles }: UserProject): string {
  const imports = caseFiles.map((file, i) => `import suite${i} from ${JSON.stringify(file)};`);
  const suites = caseFiles.map((file, i) => `{ suite: ${JSON.stringify(basename(file))}, cases: suite${i} }`);
  return [
    `import { runCases } from ${JSON.stringify(join(dir, "harness", "run-cases.mjs"))};`,
    ...imports,
    `const suites = [${suites.join(", ")}];`,
    "export default { fetch: async (request, env) => Response.json(await runCases(suites, env.CONTEXT)) };",
  ].join("\n");
}

/**
 * Bundles a Worker the way `wrangler` does: the export conditions `workerd`, `worker`, `browser`
 * (so `@x/*` resolve to their built `dist` and no "node" branch is taken), and `node:*` left for
 * the runtime to provide or refuse. The entry is a file of the project, or source text.
 *
 * @example
 * ```ts
 * const { code } = await bundleWorker(project.dir, { file: join(project.dir, "worker", "worker.ts") });
 * ```
 */
export async function bundleWorker(projectDir: string, entry: { file: string } | { contents: string }): Promise<WorkerBundle> {
  const result = await build({
    ...("file" in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.contents, resolveDir: projectDir, sourcefile: "worker-entry.mjs", loader: "js" as const } }),
    absWorkingDir: projectDir,
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["browser", "module", "main"],
    external: ["node:*"],
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error("esbuild produced no Worker script");
  return { code: output.text, inputs: Object.keys(result.metafile.inputs) };
}
