import { describe, expect, it } from "vitest";
import { channelKind, isEncryptedChannel, isPresenceChannel } from "../src/internal.js";

describe("channelKind(channelName)", () => {
  it.each([
    ["my-channel", "public"],
    ["cache-news", "public"],
    ["private-chat", "private"],
    ["private-cache-chat", "private"],
    ["presence-room", "presence"],
    ["presence-cache-room", "presence"],
    ["private-encrypted-secrets", "encrypted"],
    ["private-encrypted-cache-secrets", "encrypted"],
    ["#server-to-user-42", "server-to-user"],
    ["privatechat", "public"],
    ["Private-chat", "public"],
    ["presence-encrypted-x", "presence"],
  ])("classifies %j as %s", (name, kind) => {
    expect(channelKind(name)).toBe(kind);
  });
});

describe("isEncryptedChannel and isPresenceChannel", () => {
  it("tell encrypted and presence channels by their prefix", () => {
    expect(isEncryptedChannel("private-encrypted-a")).toBe(true);
    expect(isEncryptedChannel("private-a")).toBe(false);
    expect(isPresenceChannel("presence-a")).toBe(true);
    expect(isPresenceChannel("private-encrypted-a")).toBe(false);
  });
});
