import { describe, expect, it } from "vitest";
import { validateEncryptedChannelTrigger } from "../src/index.js";
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
      "a trigger to an encrypted channel must name only that channel, got 2 channels",
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
