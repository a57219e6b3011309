import { describe, expect, it } from "vitest";
import { chunk } from "../src/endpoints/chunk.js";
import { redactSecrets } from "../src/request/redact-secrets.js";

describe("chunk(items, size)", () => {
  it("returns a list that fits as its only slice, uncopied", () => {
    const items = ["a", "b"];

    expect(chunk(items, 2)[0]).toBe(items);
  });

  it("splits a longer list into consecutive slices of at most size", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});

describe("redactSecrets(text, secrets)", () => {
  it("replaces every occurrence of each secret", () => {
    expect(redactSecrets("a1 b2 a1", ["a1", "b2"])).toBe("REDACTED REDACTED REDACTED");
  });

  it("ignores an empty secret instead of splitting the text apart", () => {
    expect(redactSecrets("abc", [""])).toBe("abc");
  });
});
