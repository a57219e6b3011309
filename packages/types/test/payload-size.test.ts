import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_PAYLOAD_BYTES, utf8ByteLength, validatePayloadSize } from "../src/internal.js";
import { expectValidationError } from "./support/expect-error.js";

// Any UTF-16 code-unit sequence, lone surrogates included, plus whole astral code points so that
// valid surrogate pairs are common too.
const anyJsString = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
    fc.integer({ min: 0x10000, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint)),
    fc.constantFrom("\uD800", "\uDBFF", "\uDC00", "\uDFFF"),
  ),
  maxLength: 100,
});

describe("utf8ByteLength(text)", () => {
  it.each([
    ["", 0],
    ["a", 1],
    ["\u007f", 1],
    ["\u0080", 2],
    ["é", 2],
    ["\u07ff", 2],
    ["\u0800", 3],
    ["€", 3],
    ["\uffff", 3],
    ["😀", 4],
    ["héllo", 6],
    ["\uD800", 3],
    ["\uDC00", 3],
    ["\uD800a", 4],
    ["\uDC00\uD800", 6],
    ["a\uD83D", 4],
  ])("counts %j as %d bytes", (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
  });

  it("equals the length of TextEncoder's output for any string, lone surrogates included", () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(anyJsString, (text) => {
        expect(utf8ByteLength(text)).toBe(encoder.encode(text).length);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("validatePayloadSize(data, maxBytes, field?)", () => {
  it("accepts exactly the limit and rejects one byte more, saying both sizes", () => {
    expect(DEFAULT_MAX_PAYLOAD_BYTES).toBe(10_240);
    expect(() => validatePayloadSize("x".repeat(10_240), DEFAULT_MAX_PAYLOAD_BYTES)).not.toThrow();
    expectValidationError(
      () => validatePayloadSize("x".repeat(10_241), DEFAULT_MAX_PAYLOAD_BYTES),
      "payload_too_large",
      "data",
      "data is 10241 bytes in UTF-8, more than the limit of 10240 bytes",
    );
  });

  it("counts UTF-8 bytes, not characters", () => {
    expect(() => validatePayloadSize("é".repeat(5_120), DEFAULT_MAX_PAYLOAD_BYTES)).not.toThrow();
    expectValidationError(
      () => validatePayloadSize("é".repeat(5_121), DEFAULT_MAX_PAYLOAD_BYTES),
      "payload_too_large",
      "data",
      "data is 10242 bytes",
    );
  });

  it("turns off with Infinity", () => {
    expect(() => validatePayloadSize("x".repeat(200_000), Number.POSITIVE_INFINITY)).not.toThrow();
  });

  it("names the given field", () => {
    expectValidationError(
      () => validatePayloadSize("xx", 1, "events[0].data"),
      "payload_too_large",
      "events[0].data",
      "events[0].data is 2 bytes",
    );
  });
});

describe("utf8ByteLength and validatePayloadSize with data that is not a string", () => {
  it.each([
    ["undefined", undefined],
    ["a number", 42],
    ["an object with toString", { toString: () => "x" }],
    ["a symbol", Symbol("x")],
    ["a BigInt", 1n],
  ])("refuse %s with invalid_params, converting nothing", (_, value) => {
    expectValidationError(() => utf8ByteLength(value as never), "invalid_params", "text", "text must be a string");
    expectValidationError(() => validatePayloadSize(value as never, 10), "invalid_params", "data", "data must be a string");
  });
});
