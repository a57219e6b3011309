import { PusherValidationError } from "@x/types";

/**
 * Checks an `info` list against the attributes a call accepts and returns its wire form, the
 * names joined by commas (docs/protocol.md §3); `undefined` when nothing is asked for.
 *
 * @example
 * ```ts
 * infoParam(["user_count", "subscription_count"], ["user_count", "subscription_count"], "info");
 * // "user_count,subscription_count"
 * ```
 */
export function infoParam(info: unknown, allowed: readonly string[], field: string): string | undefined {
  if (info === undefined) return undefined;
  if (!Array.isArray(info) || !info.every((attribute) => allowed.includes(attribute as string))) {
    throw new PusherValidationError(
      "invalid_params",
      field,
      `${field} must be an array of ${allowed.map((name) => JSON.stringify(name)).join(", ")}`,
    );
  }
  return info.length === 0 ? undefined : info.join(",");
}
