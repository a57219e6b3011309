import { requireOption } from "@x/types/internal";

/** The largest signed 32-bit integer: the longest `setTimeout` can wait, in milliseconds. */
const MAX_INT32 = 2_147_483_647;

/**
 * Reads an optional whole-number option: `fallback` when it is not given, else the value if it
 * is an integer from `min` to `max` (by default the largest signed 32-bit integer). Anything
 * else throws a `PusherConfigError` naming the option and the range.
 *
 * @example
 * ```ts
 * const timeoutMs = wholeNumberOption(options.timeout, "timeout", 10_000, 1);
 * ```
 */
export function wholeNumberOption<T extends number | undefined>(
  value: unknown,
  option: string,
  fallback: T,
  min: number,
  max = MAX_INT32,
): number | T {
  if (value === undefined) return fallback;
  requireOption(Number.isInteger(value) && (value as number) >= min && (value as number) <= max, option, `a whole number from ${min} to ${max}`);
  return value as number;
}
