import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { documentationFiles, packageDir, repositoryRoot } from "../src/paths.js";
import { extractTypeScriptBlocks, type CodeBlock } from "../src/readme-blocks.js";
import { typecheckBlocks } from "../src/typecheck-blocks.js";

const files = documentationFiles();
const blocks = files.flatMap((file) => extractTypeScriptBlocks(readFileSync(join(repositoryRoot, file), "utf8"), file));
// One program for every block: a few seconds, where one per block would take minutes.
const diagnostics = typecheckBlocks(blocks, packageDir);

describe("every TypeScript block of every README compiles under strict", () => {
  it("finds the READMEs of the root, the packages and the apps, and their blocks", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "README.md",
        "docs/protocol.md",
        "docs/testing.md",
        "packages/server/README.md",
        "packages/testing/README.md",
        "apps/demo/README.md",
      ]),
    );
    for (const file of [
      "README.md",
      "docs/testing.md",
      "packages/rest/README.md",
      "packages/webhooks/README.md",
      "packages/auth/README.md",
      "packages/testing/README.md",
    ]) {
      expect(blocks.filter((block) => block.file === file).length, file).toBeGreaterThan(2);
    }
  });

  blocks.forEach((block, index) => {
    it(`${block.file}:${block.line}`, () => {
      expect(diagnostics[index]?.map(({ where, message }) => `${where}: ${message}`)).toEqual([]);
    });
  });
});

describe("the block checker", () => {
  const block = (code: string, prelude = ""): CodeBlock => ({ file: "EXAMPLE.md", line: 10, code, prelude });

  it("reports an error at its line of the Markdown file, and one of the prelude as such", () => {
    const [inCode, inPrelude] = typecheckBlocks(
      [block('const ok = 1;\nconst n: number = "one";'), block("x.toFixed();", "declare const y: number;\ndeclare const x: strin;")],
      packageDir,
    );
    expect(inCode).toEqual([{ where: "EXAMPLE.md:11", message: "TS2322: Type 'string' is not assignable to type 'number'." }]);
    expect(inPrelude?.map((d) => d.where)).toEqual(["EXAMPLE.md:9 (prelude line 2)"]);
  });

  it("checks the blocks against the built packages' types, strictly", () => {
    const [wrongArgument, implicitAny, unknownIndex] = typecheckBlocks(
      [
        block('import { Pusher } from "@x/server";\nnew Pusher("1", "k", "s").trigger(42, "event", {});'),
        block("export function handle(request) { return request; }"),
        block('declare const indices: unknown[];\nconst names = ["a"];\nindices.map((i) => names[i]);'),
      ],
      packageDir,
    );
    expect(wrongArgument?.[0]?.message).toBe(
      "TS2345: Argument of type 'number' is not assignable to parameter of type 'string | readonly string[]'.",
    );
    expect(implicitAny?.[0]?.message).toMatch(/^TS7006: Parameter 'request' implicitly has an 'any' type/);
    expect(unknownIndex?.[0]?.message).toMatch(/^TS2538: Type 'unknown' cannot be used as an index type/);
  });

  it("reads ts-prelude for the next block and ts-prelude-all for every later one, and skips other languages", () => {
    const markdown = [
      "```ts",
      "first();",
      "```",
      "<!-- ts-prelude-all",
      "declare const shared: string;",
      "-->",
      "<!-- ts-prelude",
      "declare const once: number;",
      "-->",
      "```ts",
      "second();",
      "```",
      "```js",
      "not.typescript();",
      "```",
      "```typescript",
      "third();",
      "```",
    ].join("\n");
    expect(extractTypeScriptBlocks(markdown, "M.md")).toEqual([
      { file: "M.md", line: 2, code: "first();", prelude: "" },
      { file: "M.md", line: 11, code: "second();", prelude: "declare const shared: string;\ndeclare const once: number;" },
      { file: "M.md", line: 17, code: "third();", prelude: "declare const shared: string;" },
    ]);
  });

  it("refuses an unclosed block and a prelude that no block follows", () => {
    expect(() => extractTypeScriptBlocks("```ts\nopen();", "M.md")).toThrow("M.md:1: a code block is not closed");
    expect(() => extractTypeScriptBlocks("<!-- ts-prelude\ndeclare const x: 1;\n-->\ntext", "M.md")).toThrow(
      "M.md: a ts-prelude is followed by no ts block",
    );
  });
});
