// docs/protocol.md §5 vectors, verbatim (test/support/protocol-vectors.ts), one row per vector.
import { PusherConfigError } from "@x/types";
import { describe, expect, it } from "vitest";
import { decodeMasterKey, deriveSharedSecret, signChannelAuth, signUserAuth } from "../src/index.js";
import { bytesToBase64, channelAuthStringToSign, hmacSha256Hex, userAuthStringToSign } from "../src/internal.js";
import {
  CHANNEL_AUTH_ROWS,
  ENCRYPTED_AUTH_ROWS,
  INVALID_MASTER_KEYS,
  USER_AUTH_RESPONSE_JSON,
  USER_AUTH_ROWS,
  VALID_MASTER_KEY_BASE64,
  splitChannelAuthString,
  splitUserAuthString,
} from "./support/protocol-vectors.js";

describe("docs/protocol.md §5 channel authorization vectors", () => {
  it.each(CHANNEL_AUTH_ROWS)("signChannelAuth for $signed returns $key:$signature", (row) => {
    const { socketId, channel, channelData } = splitChannelAuthString(row.signed);
    const auth = signChannelAuth({ key: row.key, secret: row.secret }, socketId, channel, channelData);
    expect(auth).toBe(`${row.key}:${row.signature}`);
  });

  it.each(CHANNEL_AUTH_ROWS)("channelAuthStringToSign rebuilds $signed, whose HMAC is the vector's signature", (row) => {
    const { socketId, channel, channelData } = splitChannelAuthString(row.signed);
    const signed = channelAuthStringToSign(socketId, channel, channelData);
    expect(signed).toBe(row.signed);
    expect(hmacSha256Hex(row.secret, signed)).toBe(row.signature);
  });
});

describe("docs/protocol.md §5 user authentication vectors", () => {
  it.each(USER_AUTH_ROWS)("signUserAuth for $signed returns $key:$signature", (row) => {
    const { socketId, userData } = splitUserAuthString(row.signed);
    expect(signUserAuth({ key: row.key, secret: row.secret }, socketId, userData)).toBe(`${row.key}:${row.signature}`);
  });

  it.each(USER_AUTH_ROWS)("userAuthStringToSign rebuilds $signed, whose HMAC is the vector's signature", (row) => {
    const { socketId, userData } = splitUserAuthString(row.signed);
    const signed = userAuthStringToSign(socketId, userData);
    expect(signed).toBe(row.signed);
    expect(hmacSha256Hex(row.secret, signed)).toBe(row.signature);
  });

  it("signUserAuth builds the documented response JSON for key/secret and user 1234", () => {
    const userData = JSON.stringify({ id: "1234" });
    const auth = signUserAuth({ key: "key", secret: "secret" }, "12345.12345", userData);
    expect(JSON.stringify({ auth, user_data: userData })).toBe(USER_AUTH_RESPONSE_JSON);
  });
});

describe("docs/protocol.md §5 encrypted channel vectors", () => {
  it.each(ENCRYPTED_AUTH_ROWS)("signChannelAuth and deriveSharedSecret for $channel return $auth and $sharedSecret", (row) => {
    const masterKey = decodeMasterKey(row.masterKeyBase64);
    expect(signChannelAuth({ key: row.key, secret: row.secret }, row.socketId, row.channel)).toBe(row.auth);
    expect(bytesToBase64(deriveSharedSecret(row.channel, masterKey))).toBe(row.sharedSecret);
  });
});

describe("docs/protocol.md §5 master-key parsing", () => {
  it("decodeMasterKey(valid base64 of 32 bytes) returns those 32 bytes", () => {
    const masterKey = decodeMasterKey(VALID_MASTER_KEY_BASE64);
    expect(masterKey).toHaveLength(32);
    expect(Array.from(masterKey)).toEqual(Array.from(Buffer.from(VALID_MASTER_KEY_BASE64, "base64")));
  });

  it.each(INVALID_MASTER_KEYS)("decodeMasterKey($reason) throws PusherConfigError naming the option, not the key", (row) => {
    let thrown: unknown;
    try {
      decodeMasterKey(row.masterKeyBase64);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PusherConfigError);
    const error = thrown as PusherConfigError;
    expect(error.option).toBe("encryptionMasterKeyBase64");
    expect(error.code).toBe("invalid_config");
    expect(error.message).toContain("32 bytes");
    expect(error.message).not.toContain(row.masterKeyBase64);
    expect(JSON.stringify(error)).not.toContain(row.masterKeyBase64);
  });
});
