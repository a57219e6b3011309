/**
 * The last lines a child process printed, kept to explain a failed start. Every occurrence of a
 * secret is replaced before a line is stored, since these lines end up in error messages
 * (soketi prints its whole configuration, app secret included, when `SOKETI_DEBUG` is on).
 *
 * @example
 * ```ts
 * const tail = new OutputTail(20, ["app-secret"]);
 * createInterface({ input: child.stdout }).on("line", (line) => tail.push(line));
 * throw new Error(`soketi failed:\n${tail.text()}`);
 * ```
 */
export class OutputTail {
  readonly #maxLines: number;
  readonly #secrets: string[];
  readonly #lines: string[] = [];

  constructor(maxLines: number, secrets: string[]) {
    this.#maxLines = maxLines;
    this.#secrets = secrets.filter((secret) => secret !== "");
  }

  /** Stores one line, redacted; blank lines are dropped. */
  push(line: string): void {
    if (line.trim() === "") return;
    const redacted = this.#secrets.reduce((text, secret) => text.replaceAll(secret, "[redacted]"), line.trimEnd());
    this.#lines.push(redacted);
    if (this.#lines.length > this.#maxLines) this.#lines.shift();
  }

  /** The stored lines, oldest first, or a note that there were none. */
  text(): string {
    return this.#lines.length === 0 ? "(no output)" : this.#lines.join("\n");
  }
}
