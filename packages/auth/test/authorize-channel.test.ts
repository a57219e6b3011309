import { isPusherConfigError, isPusherValidationError } from "@x/types";
import { describe, expect, it } from "vitest";
import { withPollutedPrototype } from "../../types/test/support/polluted-prototype.js";
import { authorizeChannel } from "../src/index.js";

// docs/protocol.md §5, auth vectors: expected values are copied verbatim from there.
const docs = { key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" };
const fooBar = { key: "foo", secret: "bar" };

function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

describe("authorizeChannel vectors (docs/protocol.md §5)", () => {
  it("authorizeChannel(docs, private-foobar) returns the documented auth", () => {
    expect(authorizeChannel(docs, { socketId: "1234.1234", channelName: "private-foobar" })).toEqual({
      auth: "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4",
    });
  });

  it("authorizeChannel(docs, presence-foobar) signs and returns channel_data with a numeric user_id", () => {
    const result = authorizeChannel(docs, {
      socketId: "1234.1234",
      channelName: "presence-foobar",
      presenceData: { user_id: 10, user_info: { name: "Mr. Channels" } },
    });
    expect(result).toEqual({
      auth: "278d425bdf160c739803:31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80",
      channel_data: '{"user_id":10,"user_info":{"name":"Mr. Channels"}}',
    });
  });

  it("authorizeChannel(foo/bar, private-channel) returns the vector's auth", () => {
    expect(authorizeChannel(fooBar, { socketId: "345.23", channelName: "private-channel" })).toEqual({
      auth: "foo:89955e77e1b40e33df6d515a5ecbba86a01dc816a5b720da18a06fd26f7d92ff",
    });
  });

  it("authorizeChannel(foo/bar, presence-channel) returns the vector's auth and channel_data", () => {
    const result = authorizeChannel(fooBar, {
      socketId: "345.43245",
      channelName: "presence-channel",
      presenceData: { user_id: "fred", user_info: { key: "value" } },
    });
    expect(result).toEqual({
      auth: "foo:e80ba6439492c2113022c39297a87a948de14061cc67b5788e045645a68b8ccd",
      channel_data: '{"user_id":"fred","user_info":{"key":"value"}}',
    });
  });

  it("authorizeChannel(f00d/tofu + master key, private-encrypted-bla) returns auth and shared_secret", () => {
    const credentials = { key: "f00d", secret: "tofu", encryptionMasterKeyBase64: "zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=" };
    expect(authorizeChannel(credentials, { socketId: "123.456", channelName: "private-encrypted-bla" })).toEqual({
      auth: "f00d:43d808e37d261f4e02402a739649ba29a6854cb978efdbc92892cd744c567030",
      shared_secret: "nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ=",
    });
  });

  it("authorizeChannel(foo/bar + master key, private-encrypted-channel) returns auth and shared_secret", () => {
    const credentials = { ...fooBar, encryptionMasterKeyBase64: "OHRXNUZRTG5pUTFzQlFGd3J3N3Q2VFZFc0paZDEweVk=" };
    expect(authorizeChannel(credentials, { socketId: "345.23", channelName: "private-encrypted-channel" })).toEqual({
      auth: "foo:fff0503dfe4929f5162efe4d1dacbce524b0d8e7e1331117a8651c0e74d369e3",
      shared_secret: "VmIsNZtCSteh8kazd2toc+ofhohBtUouQRSDtRvuyVI=",
    });
  });

  it("authorizeChannel accepts the valid 32-byte master key vector and gives a private channel no shared_secret", () => {
    const credentials = { ...fooBar, encryptionMasterKeyBase64: "dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=" };
    expect(authorizeChannel(credentials, { socketId: "345.23", channelName: "private-encrypted-x" }).shared_secret).toMatch(
      /^[A-Za-z0-9+/]{43}=$/,
    );
    expect(authorizeChannel(credentials, { socketId: "345.23", channelName: "private-channel" })).toEqual({
      auth: "foo:89955e77e1b40e33df6d515a5ecbba86a01dc816a5b720da18a06fd26f7d92ff",
    });
  });

  it.each([
    ["31 bytes", "dGhpcyBpcyAzMSBieXRlcyAxMjM0NTY3ODkwMTIzNA=="],
    ["33 bytes", "dGhpcyBpcyAzMyBieXRlcyAxMjM0NTY3ODkwMTIzNDU2"],
    ["not base64", "dGhpcyBpcyA!MiBieXRlcyAxMjM0NTY3OD#wMTIzNDU="],
  ])("authorizeChannel on an encrypted channel throws a PusherConfigError for a master key of %s", (_, masterKey) => {
    const error = thrown(() =>
      authorizeChannel(
        { ...fooBar, encryptionMasterKeyBase64: masterKey },
        { socketId: "345.23", channelName: "private-encrypted-channel" },
      ),
    );
    expect(isPusherConfigError(error) && error.option).toBe("encryptionMasterKeyBase64");
    expect((error as Error).message).not.toContain(masterKey);
  });

  it("authorizeChannel refuses the public channel `test` of the tofu vectors (only signChannelAuth signs it)", () => {
    const error = thrown(() => authorizeChannel({ key: "f00d", secret: "tofu" }, { socketId: "123.456", channelName: "test" }));
    expect(isPusherValidationError(error) && error.code).toBe("channel_not_authorizable");
  });
});

describe("authorizeChannel validation errors", () => {
  const cases: [string, Parameters<typeof authorizeChannel>[1], string, string][] = [
    ["a public channel", { socketId: "1.1", channelName: "news" }, "channel_not_authorizable", "channelName"],
    ["a public cache channel", { socketId: "1.1", channelName: "cache-news" }, "channel_not_authorizable", "channelName"],
    ["a presence channel without presenceData", { socketId: "1.1", channelName: "presence-room" }, "invalid_presence_data", "presenceData"],
    [
      "a presence channel whose presenceData has no user_id",
      { socketId: "1.1", channelName: "presence-room", presenceData: { user_info: {} } as never },
      "invalid_presence_data",
      "presenceData.user_id",
    ],
    [
      "presenceData on a private channel",
      { socketId: "1.1", channelName: "private-room", presenceData: { user_id: "1" } },
      "invalid_presence_data",
      "presenceData",
    ],
    [
      "an encrypted channel without a master key",
      { socketId: "1.1", channelName: "private-encrypted-room" },
      "encrypted_channel_misuse",
      "channelName",
    ],
    ["the socket id 1.1:", { socketId: "1.1:", channelName: "private-room" }, "invalid_socket_id", "socketId"],
    ["the socket id :1.1", { socketId: ":1.1", channelName: "private-room" }, "invalid_socket_id", "socketId"],
    ["the socket id 1.1\\n", { socketId: "1.1\n", channelName: "private-room" }, "invalid_socket_id", "socketId"],
    ["a channel name with a space", { socketId: "1.1", channelName: "private-a b" }, "invalid_channel_name", "channelName"],
    ["an empty channel name", { socketId: "1.1", channelName: "" }, "invalid_channel_name", "channelName"],
    ["a 165-character channel name", { socketId: "1.1", channelName: `private-${"x".repeat(157)}` }, "invalid_channel_name", "channelName"],
    ["a #server-to-user- channel", { socketId: "1.1", channelName: "#server-to-user-42" }, "invalid_channel_name", "channelName"],
  ];

  it.each(cases)("authorizeChannel throws a PusherValidationError for %s", (_, params, code, field) => {
    const error = thrown(() => authorizeChannel(fooBar, params));
    expect(isPusherValidationError(error)).toBe(true);
    expect(error).toMatchObject({ code, field });
    expect((error as Error).message).not.toContain("bar");
  });

  it("authorizeChannel accepts a 164-character channel name", () => {
    const channelName = `private-${"x".repeat(156)}`;
    expect(authorizeChannel(fooBar, { socketId: "1.1", channelName }).auth).toMatch(/^foo:[0-9a-f]{64}$/);
  });

  it.each([
    ["an empty key", { key: "", secret: "s" }, "key"],
    ["an empty secret", { key: "k", secret: "" }, "secret"],
    ["no credentials", undefined, "credentials"],
  ])("authorizeChannel throws a PusherConfigError naming the option for %s", (_, credentials, option) => {
    const error = thrown(() => authorizeChannel(credentials as never, { socketId: "1.1", channelName: "private-a" }));
    expect(isPusherConfigError(error) && error.option).toBe(option);
  });
});

describe("authorizeChannel with hostile arguments", () => {
  const cycle: Record<string, unknown> = { user_id: "1" };
  cycle.user_info = { cycle };
  const throwing = () => {
    throw new Error(`cannot read ${fooBar.secret}`);
  };

  it.each([
    ["null params", fooBar, null, "invalid_params", "params"],
    ["a string as params", fooBar, "private-a", "invalid_params", "params"],
    ["params whose getter throws", fooBar, Object.defineProperty({}, "socketId", { get: throwing }), "invalid_params", "params"],
    ["a Proxy as params", fooBar, new Proxy({}, { get: throwing }), "invalid_params", "params"],
    [
      "a BigInt in user_info",
      fooBar,
      { socketId: "1.1", channelName: "presence-a", presenceData: { user_id: "1", user_info: { n: 1n } } },
      "invalid_presence_data",
      "presenceData",
    ],
    [
      "a cycle in presenceData",
      fooBar,
      { socketId: "1.1", channelName: "presence-a", presenceData: cycle },
      "invalid_presence_data",
      "presenceData",
    ],
    [
      "presenceData whose toJSON throws",
      fooBar,
      { socketId: "1.1", channelName: "presence-a", presenceData: { user_id: "1", toJSON: throwing } },
      "invalid_presence_data",
      "presenceData",
    ],
  ])("throws a PusherValidationError for %s, never a TypeError, and no secret", (_, credentials, params, code, field) => {
    const error = thrown(() => authorizeChannel(credentials, params as never));
    expect(isPusherValidationError(error)).toBe(true);
    expect(error).toMatchObject({ code, field });
    expect(`${(error as Error).message}${JSON.stringify(error)}`).not.toContain(fooBar.secret);
  });

  it.each([
    ["null credentials", null, "credentials"],
    ["credentials whose getter throws", Object.defineProperty({ key: "foo" }, "secret", { get: throwing }), "credentials"],
    ["a Proxy as credentials", new Proxy(fooBar, { get: throwing }), "credentials"],
  ])("throws a PusherConfigError for %s, never what the getter threw", (_, credentials, option) => {
    const error = thrown(() => authorizeChannel(credentials as never, { socketId: "1.1", channelName: "private-a" }));
    expect(isPusherConfigError(error) && error.option).toBe(option);
    expect((error as Error).message).not.toContain(fooBar.secret);
  });

  it("signs with the credentials it checked, even from a getter that answers differently on each read", () => {
    let reads = 0;
    const credentials = Object.defineProperty({ key: "foo" }, "secret", { get: () => (reads++ === 0 ? "bar" : "") });
    expect(authorizeChannel(credentials as never, { socketId: "345.23", channelName: "private-channel" })).toEqual({
      auth: "foo:89955e77e1b40e33df6d515a5ecbba86a01dc816a5b720da18a06fd26f7d92ff",
    });
    expect(reads).toBe(1);
  });
});

describe("authorizeChannel: a polluted Object.prototype", () => {
  it("takes no argument planted there: only own properties are read", async () => {
    await withPollutedPrototype({ secret: "planted", presenceData: { user_id: "admin" } }, () => {
      expect(thrown(() => authorizeChannel({ key: "foo" } as never, { socketId: "1.1", channelName: "private-a" }))).toMatchObject({
        option: "secret",
      });
      const error = thrown(() => authorizeChannel(fooBar, { socketId: "1.1", channelName: "presence-a" }));
      expect(error).toMatchObject({ code: "invalid_presence_data", field: "presenceData" });
    });
  });

  it("still signs with own properties and a class's accessors, polluted or not", async () => {
    class Credentials {
      get key(): string {
        return "foo";
      }
      get secret(): string {
        return "bar";
      }
    }
    const expected = { auth: "foo:89955e77e1b40e33df6d515a5ecbba86a01dc816a5b720da18a06fd26f7d92ff" };
    const sign = () => authorizeChannel(new Credentials(), { socketId: "345.23", channelName: "private-channel" });
    expect(sign()).toEqual(expected);
    await withPollutedPrototype({ socketId: "9.9", channelName: "private-planted" }, () => expect(sign()).toEqual(expected));
  });
});
