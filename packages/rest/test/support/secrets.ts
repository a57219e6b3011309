import { inspect } from "node:util";
import { expect } from "vitest";

/**
 * Every form in which an error can reach a log: its `String()`, stack, `JSON.stringify`,
 * `util.inspect` (hidden fields included), each own field, and the same for every error along
 * its `cause` chain. Returns the secrets found in any of them, so that a test can assert `[]`.
 *
 * @example
 * ```ts
 * expect(exposedSecrets(error, [secret, signature])).toEqual([]);
 * ```
 */
export function exposedSecrets(error: unknown, secrets: readonly string[]): string[] {
  const texts: string[] = [inspect(error, { depth: 10, showHidden: true })];
  const seen = new Set<unknown>();
  for (let current: unknown = error; typeof current === "object" && current !== null && !seen.has(current);) {
    seen.add(current);
    texts.push(inspect(current), JSON.stringify(current) ?? "");
    if (current instanceof Error) texts.push(current.toString());
    if (current instanceof Error) texts.push(current.stack ?? "");
    for (const name of Object.getOwnPropertyNames(current)) {
      const value: unknown = (current as Record<string, unknown>)[name];
      texts.push(typeof value === "string" ? value : inspect(value, { depth: 4 }));
    }
    current = (current as { cause?: unknown }).cause;
  }
  return secrets.filter((secret) => secret !== "" && texts.some((text) => text.includes(secret)));
}

/**
 * Asserts that none of `secrets` appears in any form of an error that can reach a log (see
 * {@link exposedSecrets}).
 */
export function expectNoSecrets(error: unknown, secrets: readonly string[]): void {
  expect(exposedSecrets(error, secrets)).toEqual([]);
}
