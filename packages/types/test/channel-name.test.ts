import { describe, expect, it } from "vitest";
import { MAX_CHANNEL_NAME_LENGTH, validateChannelName } from "../src/internal.js";
import { expectValidationError } from "./support/expect-error.js";

const PUNCTUATION = ["_", "-", "=", "@", ",", ".", ";"];

describe("validateChannelName(name, options?)", () => {
  it.each([
    "a",
    "my-channel",
    "private-chat",
    "presence-room",
    "private-encrypted-secrets",
    "cache-x",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-=@,.;",
  ])("accepts %j", (name) => {
    expect(() => validateChannelName(name)).not.toThrow();
  });

  it.each(PUNCTUATION)("accepts the allowed punctuation %j", (character) => {
    expect(() => validateChannelName(`a${character}b`)).not.toThrow();
    expect(() => validateChannelName(character)).not.toThrow();
  });

  it("accepts a name of exactly 164 characters", () => {
    expect(MAX_CHANNEL_NAME_LENGTH).toBe(164);
    expect(() => validateChannelName("c".repeat(164))).not.toThrow();
  });

  it("rejects a name of 165 characters, saying the length and the limit", () => {
    const error = expectValidationError(
      () => validateChannelName("c".repeat(165)),
      "invalid_channel_name",
      "channel",
      "channel must be 1 to 164 characters long",
    );
    expect(error.message).toContain("(165 characters)");
  });

  it("rejects the empty name", () => {
    expectValidationError(() => validateChannelName(""), "invalid_channel_name", "channel", 'got ""');
  });

  it.each([
    "a b",
    " a",
    "a ",
    "tab\there",
    "new\nline",
    "ünïcode",
    "emoji😀",
    "#",
    "#channel",
    "a#b",
    "a/b",
    "a:b",
    "a*b",
    "a+b",
    "a%b",
    "a?b",
  ])("rejects %j, naming the allowed characters", (name) => {
    const error = expectValidationError(
      () => validateChannelName(name),
      "invalid_channel_name",
      "channel",
      "may only contain A-Z a-z 0-9 _ - = @ , . ;",
    );
    expect(error.message).toContain(JSON.stringify(name));
  });

  it.each([
    [42, "number"],
    [null, "null"],
    [undefined, "undefined"],
    [{}, "object"],
    [["private-a"], "object"],
  ])("rejects the non-string %j, saying what it got", (name, kind) => {
    expectValidationError(() => validateChannelName(name), "invalid_channel_name", "channel", `channel must be a string, got ${kind}`);
  });

  it("names the given field in the error", () => {
    expectValidationError(
      () => validateChannelName("bad name", { field: "channels[3]" }),
      "invalid_channel_name",
      "channels[3]",
      "channels[3] may only",
    );
  });

  it("cuts a very long rejected name in the message", () => {
    const error = expectValidationError(
      () => validateChannelName("x".repeat(1000)),
      "invalid_channel_name",
      "channel",
      "(1000 characters)",
    );
    expect(error.message.length).toBeLessThan(200);
  });

  describe("#server-to-user-<userId>", () => {
    it("is rejected without allowServerToUser", () => {
      expectValidationError(() => validateChannelName("#server-to-user-42"), "invalid_channel_name", "channel", "may only contain");
    });

    it.each(["#server-to-user-42", "#server-to-user-user_1@example.com", `#server-to-user-${"u".repeat(200)}`])(
      "accepts %j with allowServerToUser",
      (name) => {
        expect(() => validateChannelName(name, { allowServerToUser: true })).not.toThrow();
      },
    );

    it("rejects an empty user id part with invalid_user_id", () => {
      expectValidationError(
        () => validateChannelName("#server-to-user-", { allowServerToUser: true }),
        "invalid_user_id",
        "channel (user id part)",
        "1 to 200 characters",
      );
    });

    it("rejects a bad user id part with invalid_user_id", () => {
      expectValidationError(
        () => validateChannelName("#server-to-user-bad id", { allowServerToUser: true }),
        "invalid_user_id",
        "channel (user id part)",
        "may only contain",
      );
    });

    it("does not open other # names", () => {
      expectValidationError(
        () => validateChannelName("#server-to-everyone", { allowServerToUser: true }),
        "invalid_channel_name",
        "channel",
        "may only contain",
      );
    });

    it("still applies the normal rules to other names", () => {
      expect(() => validateChannelName("private-a", { allowServerToUser: true })).not.toThrow();
      expectValidationError(() => validateChannelName("", { allowServerToUser: true }), "invalid_channel_name", "channel", "1 to 164");
    });
  });
});

describe("validateChannelName with options that are not an object or cannot be read", () => {
  const throwing = new Proxy(
    {},
    {
      get: () => {
        throw new Error("boom");
      },
    },
  );
  it.each([
    ["null", null],
    ["a number", 42],
    ["a string", "field"],
    ["a Proxy whose get trap throws", throwing],
    ["options of the wrong types", { field: 7, allowServerToUser: "yes" }],
  ])("reads %s as no options", (_, options) => {
    expect(() => validateChannelName("ok", options as never)).not.toThrow();
    expectValidationError(
      () => validateChannelName("#server-to-user-1", options as never),
      "invalid_channel_name",
      "channel",
      "may only contain",
    );
  });
});
