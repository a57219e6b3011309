import { join, relative } from "node:path";
import ts from "typescript";

/** The outcome of `tsc --noEmit -p <tsconfig>` in a consumer project. */
export interface ProjectTypecheck {
  /** Each error, "types/server.cts(12,3): TS2345: …", by the file it is in (relative to the project). */
  errors: Map<string, string[]>;
  /** The root files compiled, relative to the project, e.g. "types/server.cts". */
  rootFiles: string[];
  /** The declaration files of `@x` packages the program loaded, relative to the project. */
  packageDeclarations: string[];
}

/**
 * Typechecks a consumer project as `tsc --noEmit -p <tsconfig>` would, through the compiler's
 * API (the same program, without a process per run): the tsconfig is read as tsc reads it, and
 * every module resolves from the project's own `node_modules`.
 *
 * @example
 * ```ts
 * const { errors } = typecheckProject(project.dir, "tsconfig.nodenext.json");
 * errors.size; // 0
 * ```
 */
export function typecheckProject(projectDir: string, tsconfigName: string): ProjectTypecheck {
  const configFile = join(projectDir, tsconfigName);
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(`${configFile}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
      },
    },
  );
  if (parsed === undefined) throw new Error(`${configFile} could not be read`);
  if (parsed.errors.length > 0) throw new Error(parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n"));
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, projectReferences: parsed.projectReferences });
  const errors = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
    const file = diagnostic.file ? relative(projectDir, diagnostic.file.fileName) : tsconfigName;
    const at =
      diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
    errors.set(file, [...(errors.get(file) ?? []), at ? `${file}(${at.line + 1},${at.character + 1}): ${message}` : `${file}: ${message}`]);
  }
  const loaded = program.getSourceFiles().map((file) => relative(projectDir, file.fileName));
  return {
    errors,
    rootFiles: parsed.fileNames.map((file) => relative(projectDir, file)).sort(),
    packageDeclarations: loaded.filter((file) => /(^|\/)@x\//.test(file)).sort(),
  };
}
