/**
 * Splits `items` into consecutive slices of at most `size` items, in order. A list that fits is
 * returned as the only slice, uncopied.
 *
 * @example
 * ```ts
 * chunk(["a", "b", "c"], 2); // [["a", "b"], ["c"]]
 * ```
 */
export function chunk<T>(items: readonly T[], size: number): (readonly T[])[] {
  if (items.length <= size) return [items];
  const slices: T[][] = [];
  for (let start = 0; start < items.length; start += size) slices.push(items.slice(start, start + size));
  return slices;
}
