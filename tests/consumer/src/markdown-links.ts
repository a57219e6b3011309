/** The prose of a Markdown file: fenced code blocks and inline code spans blanked out. */
function prose(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "``");
}

/**
 * The targets of the inline links and images of a Markdown file, outside code, in order.
 *
 * @example
 * ```ts
 * markdownLinks("See [the docs](docs/protocol.md#2-request-signing)."); // ["docs/protocol.md#2-request-signing"]
 * ```
 */
export function markdownLinks(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1] ?? "");
}

/**
 * The anchors GitHub gives the headings of a Markdown file: the text lower-cased, without
 * Markdown and punctuation, spaces turned into hyphens, and `-1`, `-2`, … after repeats.
 *
 * @example
 * ```ts
 * headingAnchors("## 2. Request signing\n### `createAuthHandler(options)`"); // Set { "2-request-signing", "createauthhandleroptions" }
 * ```
 */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const match of markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, "").matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = (match[1] ?? "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\- _]/gu, "")
      .replace(/ /g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}
