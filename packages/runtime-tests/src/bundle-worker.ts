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
 * The Worker's entry: imports every case file and answers any request with the report of
 * running them, with the case context from the `CONTEXT` binding.
 */
function workerEntry({ dir, caseFiles }: UserProject): string {
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
 * Bundles the project's case files into one Worker script the way `wrangler` does: the export conditions
 * `workerd`, `worker`, `browser` (so `@x/*` resolve to their built `dist` and no "node" branch
 * is taken), and `node:*` left for the runtime to provide or refuse.
 */
export async function bundleWorker(project: UserProject): Promise<WorkerBundle> {
  const result = await build({
    stdin: { contents: workerEntry(project), resolveDir: project.dir, sourcefile: "worker-entry.mjs", loader: "js" },
    absWorkingDir: project.dir,
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
