import { describe, expect, it } from "vitest";
import { validateEncryptedChannelTrigger } from "../src/internal.js";
import { expectValidationError } from "./support/expect-error.js";

describe("validateEncryptedChannelTrigger(channels, field?)", () => {
  it.each([[["private-encrypted-a"]], [["a", "private-b", "presence-c"]], [["a"]], [[]]])("accepts %j", (channels) => {
    expect(() => validateEncryptedChannelTrigger(channels)).not.toThrow();
  });

  it.each([
    [["private-encrypted-a", "public-b"]],
    [["public-b", "private-encrypted-a"]],
    [["private-encrypted-a", "private-encrypted-b"]],
  ])("rejects %j: an encrypted channel must be triggered alone", (channels) => {
    expectValidationError(
      () => validateEncryptedChannelTrigger(channels),
      "encrypted_channel_misuse",
      "channels",
      "an encrypted channel is triggered alone, got 2 channels",
    );
  });

  it("names the given field", () => {
    expectValidationError(
      () => validateEncryptedChannelTrigger(["private-encrypted-a", "b"], "to"),
      "encrypted_channel_misuse",
      "to",
      "encrypted channel",
    );
  });
});

describe("validateEncryptedChannelTrigger with channels that are not an array of strings", () => {
  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a string", "private-encrypted-a"],
    ["an array-like object", { length: 2 }],
    ["an array holding a number", ["a", 1]],
    ["an array holding a symbol", [Symbol("a")]],
    ["an array Proxy whose traps throw", new Proxy([], { get: () => { throw new Error("boom"); } })],
  ])("rejects %s", (_, channels) => {
    expectValidationError(
      () => validateEncryptedChannelTrigger(channels as never),
      "invalid_channel_name",
      "channels",
      "channels must be an array of channel names",
    );
  });
});
