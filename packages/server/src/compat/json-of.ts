import { PusherValidationError, type ValidationErrorCode } from "@x/types";

/**
 * `JSON.stringify(value)`, as the official package serialises data, presence data and user
 * data, with one change: where it throws (a BigInt, a cycle, a `toJSON` that throws), the
 * official package lets the `TypeError` out; here it is a `PusherValidationError` naming the
 * argument, thrown at the same moment. What was thrown is dropped: a `toJSON` may put anything in
 * it. `undefined` (and a function or a symbol) has no JSON and gives `undefined`, as there.
 *
 * @example
 * ```ts
 * jsonOf({ text: "hi" }, "data"); // '{"text":"hi"}'
 * jsonOf({ n: 1n }, "data");      // throws PusherValidationError invalid_params
 * ```
 */
export function jsonOf(value: unknown, field: string, code: ValidationErrorCode = "invalid_params"): string | undefined {
  try {
    // Typed as a string, but undefined for undefined, a function or a symbol.
    return JSON.stringify(value);
  } catch {
    throw new PusherValidationError(code, field, `${field} cannot be serialized as JSON (a BigInt, a cycle, or a toJSON that throws)`);
  }
}
