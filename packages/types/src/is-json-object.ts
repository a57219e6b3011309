/**
 * Tells whether `value` is an object as JSON means it: not `null`, not an array. Parsed bodies,
 * presence data and query parameters are checked with it before any field is read.
 *
 * @example
 * ```ts
 * isJsonObject({ ok: true }); // true
 * isJsonObject([]);           // false
 * isJsonObject(null);         // false
 * ```
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
