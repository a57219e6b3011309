import { PusherValidationError } from "../errors/validation-error.js";

/**
 * The number of bytes `text` takes in UTF-8, counted without encoding it.
 *
 * @example
 * ```ts
 * utf8ByteLength("héllo"); // 6
 * ```
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // A surrogate pair is one code point of 4 bytes.
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3; // BMP characters and lone surrogates (encoded as U+FFFD, 3 bytes)
  }
  return bytes;
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
  const size = utf8ByteLength(data);
  if (size > maxBytes) {
    throw new PusherValidationError(
      "payload_too_large",
      field,
      `${field} is ${size} bytes in UTF-8, more than the limit of ${maxBytes} bytes`,
    );
  }
}
