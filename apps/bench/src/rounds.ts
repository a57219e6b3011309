// Every comparison of the report is made of rounds taken side by side: each contender runs once per
// round, the order reversed every other round (A B, B A, A B, …), so that no figure depends on which
// contender ran first or on a burst of load from elsewhere. A contender's figure is its median over
// the rounds; a ratio is the median of the per-round ratios.

/** Each contender's figure in every round, by contender name. */
export type Rounds = Record<string, number[]>;

/** The contenders in the order of round `round`: as given in even rounds, reversed in odd ones. */
export function roundOrder<T>(contenders: readonly T[], round: number): T[] {
  return round % 2 === 0 ? [...contenders] : [...contenders].reverse();
}

/** The median of a non-empty list; NaN for an empty or missing one. */
export function median(values: readonly number[] | undefined): number {
  if (values === undefined || values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The median over the rounds of `mine[i] ÷ theirs[i]`; NaN when either is missing. */
export function medianRatio(mine: readonly number[] | undefined, theirs: readonly number[] | undefined): number {
  if (mine === undefined || theirs === undefined || mine.length !== theirs.length) return Number.NaN;
  return median(mine.map((value, round) => value / (theirs[round] as number)));
}
