import type { ValidationErrorCode } from "../errors/pusher-error.js";
import { PusherValidationError } from "../errors/validation-error.js";

/**
 * The JSON text of data that is signed and sent (presence and user data) and that text parsed
 * back: the copy to check, so that what is checked is exactly what is signed, whatever getters,
 * Proxies or `toJSON` methods the original has. Data with no JSON text (a BigInt, a cycle,
 * nesting too deep, a getter or `toJSON` that throws) throws a {@link PusherValidationError}
 * with `code` ("… cannot be serialized as JSON"); what it threw is dropped, since it may carry
 * anything. `undefined` (and a function
 * or a symbol) has no text either: `text` is then `undefined` and so is the copy, which the
 * caller refuses as not being an object (so `text` is a string once the copy is checked).
 *
 * @example
 * ```ts
 * const { text, copy } = jsonText(presenceData, "invalid_presence_data", "presenceData");
 * ```
 */
export function jsonText(data: unknown, code: ValidationErrorCode, field: string): { text: string | undefined; copy: unknown } {
  let text: string | undefined;
  try {
    // Typed as a string, but undefined for undefined, a function or a symbol.
    text = JSON.stringify(data);
  } catch {
    throw new PusherValidationError(
      code,
      field,
      `${field} cannot be serialized as JSON`,
    );
  }
  // JSON.parse of text JSON.stringify just wrote cannot fail.
  return { text, copy: text === undefined ? undefined : (JSON.parse(text) as unknown) };
}
