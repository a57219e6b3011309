import { expect } from "vitest";

/**
 * Asserts that none of `secrets` appears in an error: not in its message, its stack, its own
 * fields (enumerable or not), its `JSON.stringify`, nor anywhere along its `cause` chain.
 */
export function expectNoSecrets(error: unknown, secrets: readonly string[]): void {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === "object" && current !== null && !seen.has(current)) {
    seen.add(current);
    const texts = [current instanceof Error ? `${current.name}: ${current.message}\n${current.stack}` : "", JSON.stringify(current) ?? ""];
    for (const name of Object.getOwnPropertyNames(current)) {
      const value: unknown = (current as Record<string, unknown>)[name];
      texts.push(typeof value === "string" ? value : (JSON.stringify(value) ?? String(value)));
    }
    for (const text of texts) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
    current = (current as { cause?: unknown }).cause;
  }
}
