import { describe, expect, it } from "vitest";
import { mediaTypeOf } from "../src/internal.js";

function requestWith(contentType?: string): Request {
  return new Request("http://127.0.0.1/", { headers: contentType === undefined ? {} : { "content-type": contentType } });
}

describe("mediaTypeOf(request)", () => {
  it.each([
    ["application/json", "application/json"],
    ["Application/JSON; charset=UTF-8", "application/json"],
    [" application/x-www-form-urlencoded ;charset=utf-8", "application/x-www-form-urlencoded"],
    ["text/plain", "text/plain"],
  ])("reads %j as %j", (contentType, mediaType) => {
    expect(mediaTypeOf(requestWith(contentType))).toBe(mediaType);
  });

  it("returns an empty string for a request without a Content-Type", () => {
    expect(mediaTypeOf(requestWith())).toBe("");
  });
});
