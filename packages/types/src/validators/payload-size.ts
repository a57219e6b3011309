import { PusherValidationError } from "../errors/validation-error.js";

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * The number of bytes `text` takes in UTF-8. A lone surrogate counts as U+FFFD (3 bytes), as
 * it is sent. The native encoder is faster than counting in JavaScript from about 1 KB on.
 *
 * @example
 * ```ts
 * utf8ByteLength("héllo"); // 6
 * ```
 */
export function utf8ByteLength(text: string): number {
  return encoder.encode(text).byteLength;
}

/**
 * Checks that the wire `data` string fits in `maxBytes` UTF-8 bytes (PROTOCOL §4). Pass
 * `Infinity` to turn the check off for servers without a limit. Throws `payload_too_large`.
 *
 * @example
 * ```ts
 * validatePayloadSize(JSON.stringify(data), 10_240);
 * ```
 */
export function validatePayloadSize(data: string, maxBytes: number, field = "data"): void {
  // A UTF-16 code unit takes 1 to 3 bytes of UTF-8 (a surrogate pair, 2 units, takes 4): a
  // string of at most a third of the limit in units fits without being measured.
  if (data.length * 3 <= maxBytes) return;
  const size = utf8ByteLength(data);
  if (size > maxBytes) {
    throw new PusherValidationError(
      "payload_too_large",
      field,
      `${field} is ${size} bytes in UTF-8, more than the limit of ${maxBytes} bytes`,
    );
  }
}
