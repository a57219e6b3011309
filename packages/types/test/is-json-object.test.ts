import { describe, expect, it } from "vitest";
import { isJsonObject } from "../src/internal.js";

describe("isJsonObject(value)", () => {
  it.each([{}, { a: 1 }, Object.create(null) as object])("returns true for the object %j", (value) => {
    expect(isJsonObject(value)).toBe(true);
  });

  it.each([null, undefined, [], [1], "{}", 1, true])("returns false for %j", (value) => {
    expect(isJsonObject(value)).toBe(false);
  });
});
