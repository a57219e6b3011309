import { PusherConfigError, PusherValidationError } from "@x/types";
import { describe, expect, it } from "vitest";
import { signChannelAuth, signUserAuth } from "../src/index.js";
import { hmacSha256Hex } from "../src/internal.js";
import { catchError } from "./support/catch-error.js";

const credentials = { key: "app-key", secret: "app-secret" };
const BAD_SOCKET_IDS = ["1.1:", ":1.1", "1.1\n", "", "1.1:private-x", "1", "1.", ".1", "a.1", "1.1 ", " 1.1", "1,1"];
const BAD_CHANNEL_NAMES = ["", "c".repeat(165), "bad channel", "#server-to-user-1", "#private", "ünicode", "tab\t", "a/b"];

function validationError(action: () => unknown): PusherValidationError {
  const error = catchError(action);
  expect(error).toBeInstanceOf(PusherValidationError);
  return error as PusherValidationError;
}

describe("signChannelAuth(credentials, socketId, channelName, channelData?)", () => {
  it("returns key:HMAC of socketId:channelName without channel data", () => {
    expect(signChannelAuth(credentials, "1.2", "private-a")).toBe(`app-key:${hmacSha256Hex("app-secret", "1.2:private-a")}`);
  });

  it("returns key:HMAC of socketId:channelName:channelData with channel data", () => {
    const channelData = '{"user_id":"u"}';
    expect(signChannelAuth(credentials, "1.2", "presence-a", channelData)).toBe(
      `app-key:${hmacSha256Hex("app-secret", `1.2:presence-a:${channelData}`)}`,
    );
  });

  it("accepts a channel name of exactly 164 characters", () => {
    expect(signChannelAuth(credentials, "1.2", `private-${"c".repeat(156)}`)).toMatch(/^app-key:[0-9a-f]{64}$/);
  });

  it.each(BAD_SOCKET_IDS)("rejects the socket id %j with code invalid_socket_id", (socketId) => {
    const error = validationError(() => signChannelAuth(credentials, socketId, "private-a"));
    expect(error.code).toBe("invalid_socket_id");
    expect(error.field).toBe("socketId");
  });

  it.each(BAD_CHANNEL_NAMES)("rejects the channel name %j with code invalid_channel_name", (channelName) => {
    const error = validationError(() => signChannelAuth(credentials, "1.2", channelName));
    expect(error.code).toBe("invalid_channel_name");
    expect(error.field).toBe("channelName");
  });

  it("rejects a non-string channel name with code invalid_channel_name", () => {
    expect(validationError(() => signChannelAuth(credentials, "1.2", 42 as never)).code).toBe("invalid_channel_name");
  });

  it("rejects bad credentials with a PusherConfigError naming the option", () => {
    const error = catchError(() => signChannelAuth({ key: "", secret: "app-secret" }, "1.2", "private-a"));
    expect(error).toBeInstanceOf(PusherConfigError);
    expect((error as PusherConfigError).option).toBe("key");
  });
});

describe("signUserAuth(credentials, socketId, userData)", () => {
  it("returns key:HMAC of socketId::user::userData", () => {
    const userData = '{"id":"42"}';
    expect(signUserAuth(credentials, "1.2", userData)).toBe(`app-key:${hmacSha256Hex("app-secret", `1.2::user::${userData}`)}`);
  });

  it.each(BAD_SOCKET_IDS)("rejects the socket id %j with code invalid_socket_id", (socketId) => {
    const error = validationError(() => signUserAuth(credentials, socketId, '{"id":"42"}'));
    expect(error.code).toBe("invalid_socket_id");
    expect(error.field).toBe("socketId");
  });

  it("rejects bad credentials with a PusherConfigError naming the option", () => {
    const error = catchError(() => signUserAuth({ key: "app-key", secret: "" }, "1.2", '{"id":"42"}'));
    expect(error).toBeInstanceOf(PusherConfigError);
    expect((error as PusherConfigError).option).toBe("secret");
  });
});
