import { join } from "node:path";
import ts from "typescript";
import type { CodeBlock } from "./readme-blocks.js";

/** A compile error of a block, located in its Markdown file. */
export interface BlockDiagnostic {
  /** "README.md:42" for a line of the block, "README.md:40 (prelude)" for one of its prelude. */
  where: string;
  message: string;
}

/**
 * The compiler options of a reader's project: `strict`, ES modules resolved as Node resolves them
 * (`nodenext`), Node's types and the DOM's (`Request`, `Response`, `fetch`).
 * `allowImportingTsExtensions` lets the blocks of the private test helpers, which are consumed as
 * TypeScript source, import them.
 */
export const READER_COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: ["node"],
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
};

/**
 * Typechecks every block as its own ES module file (its prelude first), in one program, from
 * `baseDir`: a folder whose `node_modules` resolves the packages the blocks import (the
 * workspace packages resolve to their built `dist` types through their `exports`). Returns the
 * errors of each block, in the order of `blocks`; an empty list means it compiles.
 *
 * @example
 * ```ts
 * const [errors] = typecheckBlocks([{ file: "README.md", line: 3, code: "const n: number = 1;", prelude: "" }], packageDir);
 * errors; // []
 * ```
 */
export function typecheckBlocks(blocks: CodeBlock[], baseDir: string): BlockDiagnostic[][] {
  const virtualFiles = new Map<string, { block: CodeBlock; text: string; preludeLines: number }>();
  const fileNames = blocks.map((block, index) => {
    const fileName = join(baseDir, "readme-blocks", `${index}-${block.file.replace(/[^A-Za-z0-9]+/g, "-")}-L${block.line}.ts`);
    const prelude = block.prelude === "" ? "" : `${block.prelude}\n`;
    // `export {}` makes every block a module even if it imports nothing: top-level await works
    // and names do not collide between blocks.
    virtualFiles.set(fileName, { block, text: `${prelude}${block.code}\nexport {};\n`, preludeLines: prelude.split("\n").length - 1 });
    return fileName;
  });

  const host = ts.createCompilerHost(READER_COMPILER_OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const virtual = virtualFiles.get(fileName);
    if (virtual) return ts.createSourceFile(fileName, virtual.text, languageVersion, true);
    return getSourceFile(fileName, languageVersion, ...rest);
  };
  host.fileExists = (fileName) => virtualFiles.has(fileName) || fileExists(fileName);
  host.readFile = (fileName) => virtualFiles.get(fileName)?.text ?? readFile(fileName);

  const program = ts.createProgram({ rootNames: fileNames, options: READER_COMPILER_OPTIONS, host });
  const global = program.getGlobalDiagnostics().map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
  if (global.length > 0) throw new Error(`the compiler options are wrong:\n${global.join("\n")}`);

  return fileNames.map((fileName) => {
    const virtual = virtualFiles.get(fileName);
    const sourceFile = program.getSourceFile(fileName);
    if (virtual === undefined || sourceFile === undefined) throw new Error(`${fileName} is not in the program`);
    const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
    return diagnostics.map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
      if (diagnostic.start === undefined) return { where: virtual.block.file, message };
      const { line } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start);
      const where =
        line < virtual.preludeLines
          ? `${virtual.block.file}:${virtual.block.line - 1} (prelude line ${line + 1})`
          : `${virtual.block.file}:${virtual.block.line + line - virtual.preludeLines}`;
      return { where, message: `TS${diagnostic.code}: ${message}` };
    });
  });
}
