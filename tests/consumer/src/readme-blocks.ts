/** A ```ts block of a Markdown file, with the declarations that precede it in hidden comments. */
export interface CodeBlock {
  /** The Markdown file, as given to {@link extractTypeScriptBlocks}. */
  file: string;
  /** The 1-based line of the block's first code line in that file. */
  line: number;
  /** The code, as shown to readers. */
  code: string;
  /** What the block may use without showing it: every `ts-prelude` that applies, in order. */
  prelude: string;
}

const FENCE_OPEN = /^```(ts|typescript)\s*$/;
const FENCE_CLOSE = /^```\s*$/;
/** `<!-- ts-prelude` (the next ```ts block) or `<!-- ts-prelude-all` (every later block of the file). */
const PRELUDE_OPEN = /^<!--\s*ts-prelude(-all)?\s*$/;
const COMMENT_CLOSE = /^-->\s*$/;

/**
 * Every TypeScript block (```ts or ```typescript) of a Markdown file, with its prelude: the names
 * from outside that a block uses without showing them (a `pusher` created in an earlier block, a
 * `sessionUser` of the reader's app) are declared in a hidden HTML comment, which readers of the
 * rendered page do not see:
 *
 * ```md
 * <!-- ts-prelude
 * import { Pusher } from "@x/server";
 * declare const pusher: Pusher;
 * -->
 * ```
 *
 * `ts-prelude` applies to the next block only; `ts-prelude-all` to every later block of the file.
 *
 * @example
 * ```ts
 * const blocks = extractTypeScriptBlocks(readFileSync("README.md", "utf8"), "README.md");
 * blocks[0]; // { file: "README.md", line: 12, code: "import …", prelude: "" }
 * ```
 */
export function extractTypeScriptBlocks(markdown: string, file: string): CodeBlock[] {
  const lines = markdown.split("\n");
  const blocks: CodeBlock[] = [];
  const preludeForAll: string[] = [];
  let preludeForNext: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const preludeOpen = PRELUDE_OPEN.exec(line);
    if (preludeOpen) {
      const end = findLine(lines, i + 1, COMMENT_CLOSE, `${file}:${i + 1}: a ts-prelude comment is not closed by a line "-->"`);
      const body = lines.slice(i + 1, end).join("\n");
      if (preludeOpen[1] === "-all") preludeForAll.push(body);
      else preludeForNext.push(body);
      i = end;
      continue;
    }
    if (FENCE_OPEN.test(line)) {
      const end = findLine(lines, i + 1, FENCE_CLOSE, `${file}:${i + 1}: a code block is not closed`);
      blocks.push({
        file,
        line: i + 2,
        code: lines.slice(i + 1, end).join("\n"),
        prelude: [...preludeForAll, ...preludeForNext].join("\n"),
      });
      preludeForNext = [];
      i = end;
      continue;
    }
    if (/^```/.test(line)) {
      // Another language's block: skip it whole, so that a "```" inside it is not taken for ours.
      i = findLine(lines, i + 1, FENCE_CLOSE, `${file}:${i + 1}: a code block is not closed`);
    }
  }
  if (preludeForNext.length > 0) throw new Error(`${file}: a ts-prelude is followed by no ts block`);
  return blocks;
}

function findLine(lines: string[], from: number, pattern: RegExp, problem: string): number {
  for (let i = from; i < lines.length; i++) if (pattern.test(lines[i] ?? "")) return i;
  throw new Error(problem);
}
