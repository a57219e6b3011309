import { describe, expect, it } from "vitest";
import { validatePresenceData } from "../src/index.js";
import { expectValidationError } from "./support/expect-error.js";

describe("validatePresenceData(data, field?)", () => {
  it.each([
    { user_id: "1" },
    { user_id: "ada", user_info: { name: "Ada", tags: ["x"] } },
    { user_id: 10 },
    { user_id: 0 },
    { user_id: "u", user_info: {} },
    { user_id: "u", user_info: undefined },
  ])("accepts %j", (data) => {
    expect(() => validatePresenceData(data)).not.toThrow();
  });

  it.each([
    [null, "null"],
    [undefined, "undefined"],
    ["42", '"42"'],
    [[{ user_id: "1" }], "object"],
  ])("rejects %j, which is not an object", (data, described) => {
    expectValidationError(
      () => validatePresenceData(data),
      "invalid_presence_data",
      "presenceData",
      `presenceData must be an object with a user_id, got ${described}`,
    );
  });

  it.each([
    [{}, "undefined"],
    [{ user_id: "" }, '""'],
    [{ user_id: Number.NaN }, "number"],
    [{ user_id: Number.POSITIVE_INFINITY }, "number"],
    [{ user_id: { id: 1 } }, "object"],
    [{ user_id: null }, "null"],
    [{ userId: "1" }, "undefined"],
  ])("rejects %j for its user_id", (data, described) => {
    expectValidationError(
      () => validatePresenceData(data),
      "invalid_presence_data",
      "presenceData.user_id",
      `presenceData.user_id must be a non-empty string (or a number), got ${described}`,
    );
  });

  it.each([null, [], "info", 1])("rejects the user_info %j", (userInfo) => {
    expectValidationError(
      () => validatePresenceData({ user_id: "1", user_info: userInfo }),
      "invalid_presence_data",
      "presenceData.user_info",
      "presenceData.user_info must be an object when given",
    );
  });

  it("names the given field", () => {
    expectValidationError(() => validatePresenceData({}, "member"), "invalid_presence_data", "member.user_id", "member.user_id must be");
  });
});
