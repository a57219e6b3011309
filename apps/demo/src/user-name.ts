const MAX_NAME_LENGTH = 32;
// Letters, digits, spaces and a little punctuation: enough for a display name, nothing that
// could pass for markup or a control character.
const ALLOWED_NAME = /^[\p{L}\p{N} ._'-]+$/u;

/**
 * The display name a visitor typed, trimmed, or `undefined` when it is not a usable name
 * (not a string, empty, longer than 32 characters, or with characters outside letters,
 * digits, spaces and `._'-`).
 *
 * @example
 * ```ts
 * readUserName("  Alice "); // "Alice"
 * readUserName("");         // undefined
 * ```
 */
export function readUserName(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const name = value.trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || !ALLOWED_NAME.test(name)) return undefined;
  return name;
}
