/**
 * `"" + value`: a value as the official package puts it in a message or a query string, with
 * JavaScript's `+` (the "default" conversion hint, where a template literal uses "string"), so
 * that every value reads exactly as it does there: `undefined`, `null`, `1,2` for an array,
 * `[object Object]`.
 *
 * @example
 * ```ts
 * concatenated(undefined); // "undefined"
 * concatenated(["a", "b"]); // "a,b"
 * ```
 */
export function concatenated(value: unknown): string {
  // The cast only quiets the lint rule against `+` on non-strings: this conversion is the point.
  return "" + (value as string);
}
