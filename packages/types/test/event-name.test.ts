import { describe, expect, it } from "vitest";
import { MAX_EVENT_NAME_LENGTH, validateEventName } from "../src/internal.js";
import { expectValidationError } from "./support/expect-error.js";

describe("validateEventName(name, field?)", () => {
  it.each(["a", "my-event", "client-typing", "événement 😀 with spaces", "e".repeat(200)])("accepts %j", (name) => {
    expect(() => validateEventName(name)).not.toThrow();
  });

  it("accepts exactly 200 characters and rejects 201", () => {
    expect(MAX_EVENT_NAME_LENGTH).toBe(200);
    expect(() => validateEventName("e".repeat(200))).not.toThrow();
    expectValidationError(
      () => validateEventName("e".repeat(201)),
      "invalid_event_name",
      "event",
      "event must be a string of 1 to 200 characters",
    );
  });

  it("rejects the empty name", () => {
    expectValidationError(() => validateEventName(""), "invalid_event_name", "event", 'got ""');
  });

  it.each([
    [undefined, "undefined"],
    [null, "null"],
    [7, "number"],
  ])("rejects the non-string %j", (name, kind) => {
    expectValidationError(() => validateEventName(name), "invalid_event_name", "event", `got ${kind}`);
  });

  it("names the given field", () => {
    expectValidationError(() => validateEventName("", "events[2].name"), "invalid_event_name", "events[2].name", "events[2].name must be");
  });
});
