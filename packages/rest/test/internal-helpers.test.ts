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

describe("redactSecrets(text, signature)", () => {
  it("replaces every occurrence of the signature, and the value of every signing parameter", () => {
    expect(redactSecrets('sent "ab12", ab12 again; auth_key=k&body_md5=m', "ab12")).toBe('sent "REDACTED", REDACTED again; auth_key=REDACTED&body_md5=REDACTED');
  });
});
