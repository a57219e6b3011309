import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Reporter, Vitest } from "vitest/node";

/**
 * A vitest reporter that keeps what the tests themselves print (`console.log` in a test: the
 * runtime matrix's summary lines, bundle sizes, the consumer matrix, install figures) in
 * `test-results/notes.txt`. The root `pnpm test` shows only failing tasks' logs and prints
 * these notes, so that what a test prints for people is read, and tool chatter is not.
 */
export class NotesReporter implements Reporter {
  private root = process.cwd();
  private readonly notes: string[] = [];

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
  }

  onUserConsoleLog(log: { content: string; type: "stdout" | "stderr" }): void {
    const text = log.content.trimEnd();
    if (text === "") return;
    // What a test writes to stderr is kept too, marked: a warning nobody reads is worse than none.
    this.notes.push(log.type === "stderr" ? text.replace(/^/gm, "stderr: ") : text);
  }

  onTestRunEnd(): void {
    const dir = join(this.root, "test-results");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "notes.txt"), this.notes.length > 0 ? `${this.notes.join("\n")}\n` : "");
  }
}
