import { describe, expect, it } from "vitest";
import { verifyHmacSignature } from "../src/index.js";
import { hmacSha256Hex, timingSafeEqualHex } from "../src/internal.js";
import { HMAC_VECTOR } from "./support/protocol-vectors.js";

const EXPECTED = HMAC_VECTOR.hmac;

describe("timingSafeEqualHex(expected, received)", () => {
  it("returns true for an identical lowercase hex string", () => {
    expect(timingSafeEqualHex(EXPECTED, HMAC_VECTOR.hmac)).toBe(true);
  });

  it("returns true for two empty strings", () => {
    expect(timingSafeEqualHex("", "")).toBe(true);
  });

  it.each([
    ["the first character differs", `0${EXPECTED.slice(1)}`],
    ["the last character differs", `${EXPECTED.slice(0, -1)}${EXPECTED.endsWith("0") ? "1" : "0"}`],
    ["it is a different signature of the same length", "f".repeat(EXPECTED.length)],
  ])("returns false when %s", (_reason, received) => {
    expect(timingSafeEqualHex(EXPECTED, received)).toBe(false);
  });

  it.each([
    ["one character short", EXPECTED.slice(0, -1)],
    ["one character long", `${EXPECTED}0`],
    ["empty", ""],
  ])("returns false for a received value %s", (_reason, received) => {
    expect(timingSafeEqualHex(EXPECTED, received)).toBe(false);
  });

  it("returns false for the same signature in uppercase", () => {
    expect(timingSafeEqualHex(EXPECTED, EXPECTED.toUpperCase())).toBe(false);
  });

  it("returns false for a non-hex string of the right length", () => {
    expect(timingSafeEqualHex(EXPECTED, `${EXPECTED.slice(0, -1)}g`)).toBe(false);
    expect(timingSafeEqualHex(EXPECTED, "z".repeat(EXPECTED.length))).toBe(false);
  });

  it.each([
    ["undefined", undefined],
    ["null", null],
    ["a number", 42],
    ["an array holding the signature", [EXPECTED]],
    ["an object", { toString: () => EXPECTED }],
    ["bytes", new TextEncoder().encode(EXPECTED)],
  ])("returns false, without throwing, for %s", (_reason, received) => {
    expect(timingSafeEqualHex(EXPECTED, received)).toBe(false);
  });
});

describe("verifyHmacSignature(secret, message, signature)", () => {
  it("returns true for the HMAC vector's signature of a string message", () => {
    expect(verifyHmacSignature(HMAC_VECTOR.secret, HMAC_VECTOR.message, HMAC_VECTOR.hmac)).toBe(true);
  });

  it("returns true for the HMAC vector's signature of the message's UTF-8 bytes", () => {
    const bytes = new TextEncoder().encode(HMAC_VECTOR.message);
    expect(verifyHmacSignature(HMAC_VECTOR.secret, bytes, HMAC_VECTOR.hmac)).toBe(true);
  });

  it("returns false for another secret, another message or a malformed signature", () => {
    expect(verifyHmacSignature("another secret", HMAC_VECTOR.message, HMAC_VECTOR.hmac)).toBe(false);
    expect(verifyHmacSignature(HMAC_VECTOR.secret, "Hello?", HMAC_VECTOR.hmac)).toBe(false);
    expect(verifyHmacSignature(HMAC_VECTOR.secret, HMAC_VECTOR.message, HMAC_VECTOR.hmac.toUpperCase())).toBe(false);
    expect(verifyHmacSignature(HMAC_VECTOR.secret, HMAC_VECTOR.message, undefined)).toBe(false);
  });

  it("treats a non-ASCII message as UTF-8 on both sides", () => {
    const message = "ą§¶™€łü€ß£ 😀";
    const signature = hmacSha256Hex("tofu", new TextEncoder().encode(message));
    expect(verifyHmacSignature("tofu", message, signature)).toBe(true);
  });
});
