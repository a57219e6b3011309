/**
 * Tells whether `value` is a plain JSON object (not `null`, not an array): response bodies are
 * checked with it before any field is read.
 *
 * @example
 * ```ts
 * isObject({ ok: true }); // true
 * isObject([]);           // false
 * ```
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
