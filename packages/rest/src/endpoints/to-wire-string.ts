import { PusherValidationError } from "@x/types";

/**
 * The string form of event data or a request body (docs/protocol.md §3): a string is sent as-is,
 * anything else is JSON-encoded once. A value JSON cannot encode (undefined, a function, a
 * BigInt, a cycle) is refused with `invalid_params`, before anything is sent.
 *
 * @example
 * ```ts
 * toWireString({ text: "hi" }, "data"); // '{"text":"hi"}'
 * toWireString("already a string", "data"); // "already a string"
 * ```
 */
export function toWireString(value: unknown, field: string): string {
  if (typeof value === "string") return value;
  try {
    // undefined, a function or a symbol has no JSON: stringify returns undefined for them.
    const json = JSON.stringify(value) as string | undefined;
    if (json !== undefined) return json;
  } catch {
    // A BigInt or a cycle: refused below like the values without JSON.
  }
  throw new PusherValidationError(
    "invalid_params",
    field,
    `${field} must be a string or JSON-encodable`,
  );
}
