import { describe, expect, it } from "vitest";
import { validateSocketId } from "../src/internal.js";
import { expectValidationError } from "./support/expect-error.js";

describe("validateSocketId(socketId, field?)", () => {
  it.each(["1.1", "1234.5678", "01.2", "0.0", "123456789012345678901234567890.1"])("accepts %j", (socketId) => {
    expect(() => validateSocketId(socketId)).not.toThrow();
  });

  it.each([
    "1.1:",
    ":1.1",
    "1.1\n",
    "\n1.1",
    "",
    "1",
    "1.",
    ".1",
    "1.1.1",
    "a.1",
    "1.a",
    "1.1 ",
    " 1.1",
    "1,1",
    "1.1:private-x",
    "١.١",
    "-1.1",
    "+1.1",
    "1e3.1",
  ])("rejects %j with invalid_socket_id, showing the value", (socketId) => {
    expectValidationError(
      () => validateSocketId(socketId),
      "invalid_socket_id",
      "socketId",
      `socketId must look like "1234.5678", got ${JSON.stringify(socketId)}`,
    );
  });

  it.each([
    [1.1, "number"],
    [null, "null"],
    [undefined, "undefined"],
  ])("rejects the non-string %j", (socketId, kind) => {
    expectValidationError(() => validateSocketId(socketId), "invalid_socket_id", "socketId", `got ${kind}`);
  });

  it("names the given field", () => {
    expectValidationError(() => validateSocketId("x", "socket_id"), "invalid_socket_id", "socket_id", "socket_id must look like");
  });
});
