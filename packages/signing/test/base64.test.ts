import { PusherValidationError } from "@x/types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64 } from "../src/internal.js";
import { catchError } from "./support/catch-error.js";

describe("bytesToBase64 and base64ToBytes", () => {
  it("encode like Node's Buffer and decode back to the same bytes, for any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = bytesToBase64(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString("base64"));
        expect(Array.from(base64ToBytes(encoded, "data"))).toEqual(Array.from(bytes));
      }),
      { numRuns: 200 },
    );
  });

  it("bytesToBase64 encodes the empty array as the empty string, and base64ToBytes decodes it back", () => {
    expect(bytesToBase64(new Uint8Array())).toBe("");
    expect(base64ToBytes("", "data")).toHaveLength(0);
  });

  it("base64ToBytes returns a plain Uint8Array", () => {
    expect(Object.getPrototypeOf(base64ToBytes("SGVsbG8h", "data"))).toBe(Uint8Array.prototype);
  });
});

describe("base64ToBytes(base64, field) strictness", () => {
  it.each([
    ["missing padding", "SGVsbG8"],
    ["missing padding of two", "SGVsbA"],
    ["a trailing newline", "SGVsbG8h\n"],
    ["a leading space", " SGVsbG8h"],
    ["an inner space", "SGVs bG8h"],
    ["the URL-safe alphabet (-)", "SGVsbG8-"],
    ["the URL-safe alphabet (_)", "SGVsbG8_"],
    ["padding where none belongs", "SGVsbG8h="],
    ["too much padding", "SGVsbA==="],
    ["only padding", "===="],
    ["padding in the middle", "SG==bG8h"],
    ["a non-ASCII character", "SGVsbG8é"],
  ])("rejects %s with code invalid_encrypted_payload naming the field", (_reason, input) => {
    const error = catchError(() => base64ToBytes(input, "nonce"));
    expect(error).toBeInstanceOf(PusherValidationError);
    expect((error as PusherValidationError).code).toBe("invalid_encrypted_payload");
    expect((error as PusherValidationError).field).toBe("nonce");
    expect((error as PusherValidationError).message).toBe("nonce is not valid base64");
  });
});
