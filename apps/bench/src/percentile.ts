/** The `p`-th percentile (0 < p ≤ 100) of values sorted in ascending order, by the nearest-rank method; NaN for none. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(Math.max(Math.ceil((p / 100) * sorted.length), 1), sorted.length);
  return sorted[rank - 1] as number;
}
