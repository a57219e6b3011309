import { describe, expect, it } from "vitest";
import { MAX_USER_ID_LENGTH, validateUserId } from "../src/internal.js";
import { expectValidationError } from "./support/expect-error.js";

describe("validateUserId(userId, field?)", () => {
  it.each(["1", "user-42", "ada@example.com", "a_b-c=d@e,f.g;h", "u".repeat(200)])("accepts %j", (userId) => {
    expect(() => validateUserId(userId)).not.toThrow();
  });

  it("accepts 200 characters and rejects 201", () => {
    expect(MAX_USER_ID_LENGTH).toBe(200);
    expectValidationError(
      () => validateUserId("u".repeat(201)),
      "invalid_user_id",
      "userId",
      "userId must be a string of 1 to 200 characters",
    );
  });

  it("rejects the empty id", () => {
    expectValidationError(() => validateUserId(""), "invalid_user_id", "userId", 'got ""');
  });

  it.each(["a b", "ü", "#42", "a/b", "a:b", "new\nline"])("rejects %j, naming the allowed characters", (userId) => {
    expectValidationError(() => validateUserId(userId), "invalid_user_id", "userId", "may only contain A-Z a-z 0-9 _ - = @ , . ;");
  });

  it.each([
    [42, "number"],
    [null, "null"],
  ])("rejects the non-string %j", (userId, kind) => {
    expectValidationError(() => validateUserId(userId), "invalid_user_id", "userId", `got ${kind}`);
  });

  it("names the given field", () => {
    expectValidationError(() => validateUserId("", "user.id"), "invalid_user_id", "user.id", "user.id must be");
  });
});
