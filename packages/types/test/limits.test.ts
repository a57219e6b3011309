import { describe, expect, it } from "vitest";
import { SERVER_TO_USER_CHANNEL_PREFIX } from "../src/internal.js";

describe("protocol constants", () => {
  it("SERVER_TO_USER_CHANNEL_PREFIX is the reserved #server-to-user- prefix (docs/protocol.md §3, §4)", () => {
    expect(SERVER_TO_USER_CHANNEL_PREFIX).toBe("#server-to-user-");
  });
});
