import { PusherValidationError } from "../errors/validation-error.js";

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * The number of bytes `text` takes in UTF-8. A lone surrogate counts as U+FFFD (3 bytes), as
 * it is sent. The native encoder is faster than counting in JavaScript from about 1 KB on.
 * Anything but a string throws `invalid_params` naming `field`.
 *
 * @example
 * ```ts
 * utf8ByteLength("héllo"); // 6
 * ```
 */
export function utf8ByteLength(text: string, field = "text"): number {
  // The encoder would convert anything else to a string first, which may throw or mislead.
  if (typeof text !== "string") throw new PusherValidationError("invalid_params", field, `${field} must be a string`);
  return encoder.encode(text).byteLength;
}

/**
 * Checks that the wire `data` string fits in `maxBytes` UTF-8 bytes (docs/protocol.md §4). Pass
 * `Infinity` to turn the check off for servers without a limit. Throws `payload_too_large`, or
 * `invalid_params` when `data` is not a string (it is measured as sent, once serialized).
 *
 * @example
 * ```ts
 * validatePayloadSize(JSON.stringify(data), 10_240);
 * ```
 */
export function validatePayloadSize(data: string, maxBytes: number, field = "data"): void {
  // A UTF-16 code unit takes 1 to 3 bytes of UTF-8 (a surrogate pair, 2 units, takes 4): a
  // string of at most a third of the limit in units fits without being measured. Anything but
  // a string goes on to utf8ByteLength, which refuses it.
  if (typeof data === "string" && data.length * 3 <= maxBytes) return;
  const size = utf8ByteLength(data, field);
  if (size > maxBytes) {
    throw new PusherValidationError(
      "payload_too_large",
      field,
      `${field} is ${size} bytes in UTF-8, more than the limit of ${maxBytes} bytes`,
    );
  }
}
