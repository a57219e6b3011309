import { xsalsa20poly1305 } from "@noble/ciphers/salsa.js";
import { PusherValidationError } from "@x/types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decryptPayload, deriveSharedSecret, encryptPayload } from "../src/index.js";
import { base64ToBytes, bytesToBase64 } from "../src/internal.js";
import { channelNameArbitrary, codeUnitStringArbitrary, masterKeyArbitrary } from "./support/arbitraries.js";
import { catchError } from "./support/catch-error.js";

const CHANNEL = "private-encrypted-chat";
const MASTER_KEY = new Uint8Array(32).map((_, index) => index * 7);
const NONCE = new Uint8Array(24).fill(9);

function validationError(action: () => unknown): PusherValidationError {
  const error = catchError(action);
  expect(error).toBeInstanceOf(PusherValidationError);
  return error as PusherValidationError;
}

function parse(payload: string): { nonce: string; ciphertext: string } {
  return JSON.parse(payload) as { nonce: string; ciphertext: string };
}

describe("encryptPayload(channelName, plaintext, masterKey, nonce?)", () => {
  it.each(["private-chat", "presence-room", "public", "private-encrypte-x", "presence-encrypted-x"])(
    "refuses the non-encrypted channel %j with code encrypted_channel_misuse",
    (channelName) => {
      const error = validationError(() => encryptPayload(channelName, "hi", MASTER_KEY));
      expect(error.code).toBe("encrypted_channel_misuse");
      expect(error.field).toBe("channelName");
      expect(error.message).toContain(channelName);
    },
  );

  it.each([0, 23, 25, 32])("refuses a nonce of %d bytes with code invalid_encrypted_payload", (length) => {
    const error = validationError(() => encryptPayload(CHANNEL, "hi", MASTER_KEY, new Uint8Array(length)));
    expect(error.code).toBe("invalid_encrypted_payload");
    expect(error.field).toBe("nonce");
    expect(error.message).toContain("24 bytes");
  });

  it("returns {nonce, ciphertext} JSON with the given nonce, the ciphertext 16 bytes longer than the UTF-8 plaintext", () => {
    const payload = parse(encryptPayload(CHANNEL, "héllo", MASTER_KEY, NONCE));
    expect(Object.keys(payload)).toEqual(["nonce", "ciphertext"]);
    expect(payload.nonce).toBe(Buffer.from(NONCE).toString("base64"));
    expect(Buffer.from(payload.ciphertext, "base64")).toHaveLength(Buffer.byteLength("héllo") + 16);
  });

  it("draws a fresh random 24-byte nonce when none is given", () => {
    const first = parse(encryptPayload(CHANNEL, "same text", MASTER_KEY));
    const second = parse(encryptPayload(CHANNEL, "same text", MASTER_KEY));
    expect(Buffer.from(first.nonce, "base64")).toHaveLength(24);
    expect(first.nonce).not.toBe(second.nonce);
    expect(first.ciphertext).not.toBe(second.ciphertext);
  });
});

describe("encryptPayload then decryptPayload", () => {
  it("gives back any plaintext on any encrypted channel under any master key, with random nonces", () => {
    const encryptedChannel = channelNameArbitrary.map((name) => `private-encrypted-${name}`.slice(0, 164));
    fc.assert(
      fc.property(encryptedChannel, codeUnitStringArbitrary, masterKeyArbitrary, (channel, plaintext, masterKey) => {
        const payload = encryptPayload(channel, plaintext, masterKey);
        // Lone surrogates cannot be encoded in UTF-8: they come back as U+FFFD, like TextEncoder.
        const expected = new TextDecoder().decode(new TextEncoder().encode(plaintext));
        expect(decryptPayload(channel, payload, masterKey)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe("decryptPayload(channelName, payload, masterKey)", () => {
  const payload = encryptPayload(CHANNEL, '{"text":"hi"}', MASTER_KEY, NONCE);

  function expectInvalid(action: () => unknown, field: string): PusherValidationError {
    const error = validationError(action);
    expect(error.code).toBe("invalid_encrypted_payload");
    expect(error.field).toBe(field);
    return error;
  }

  it("throws invalid_encrypted_payload for a tampered ciphertext", () => {
    const { nonce, ciphertext } = parse(payload);
    const bytes = base64ToBytes(ciphertext, "ciphertext");
    bytes[bytes.length - 1]! ^= 1;
    const error = expectInvalid(() => decryptPayload(CHANNEL, { nonce, ciphertext: bytesToBase64(bytes) }, MASTER_KEY), "payload");
    expect(error.message).toContain("did not decrypt");
  });

  it("throws invalid_encrypted_payload for a ciphertext shorter than its authentication tag", () => {
    expectInvalid(() => decryptPayload(CHANNEL, { nonce: parse(payload).nonce, ciphertext: "" }, MASTER_KEY), "payload");
  });

  it("throws invalid_encrypted_payload for another channel's name", () => {
    expectInvalid(() => decryptPayload("private-encrypted-other", payload, MASTER_KEY), "payload");
  });

  it("throws invalid_encrypted_payload for another master key", () => {
    expectInvalid(() => decryptPayload(CHANNEL, payload, new Uint8Array(32)), "payload");
  });

  it.each(["not json", "", "null", "42", '"text"', "[]", '{"nonce":"AAAA"}', '{"ciphertext":"AAAA"}', '{"nonce":1,"ciphertext":"AAAA"}'])(
    "throws invalid_encrypted_payload for the malformed payload %j",
    (malformed) => {
      const error = expectInvalid(() => decryptPayload(CHANNEL, malformed, MASTER_KEY), "payload");
      expect(error.message).toContain('{"nonce": <base64>, "ciphertext": <base64>}');
    },
  );

  it("throws invalid_encrypted_payload for a payload object of the wrong shape", () => {
    expectInvalid(() => decryptPayload(CHANNEL, { nonce: "AAAA" } as never, MASTER_KEY), "payload");
  });

  it("throws invalid_encrypted_payload naming the nonce when it is not base64", () => {
    const { ciphertext } = parse(payload);
    expectInvalid(() => decryptPayload(CHANNEL, { nonce: "not base64!", ciphertext }, MASTER_KEY), "nonce");
  });

  it("throws invalid_encrypted_payload naming the ciphertext when it is not base64", () => {
    const { nonce } = parse(payload);
    expectInvalid(() => decryptPayload(CHANNEL, { nonce, ciphertext: "%%%%" }, MASTER_KEY), "ciphertext");
  });

  it.each([0, 23, 25])("throws invalid_encrypted_payload naming the nonce when it is %d bytes", (length) => {
    const { ciphertext } = parse(payload);
    const nonce = bytesToBase64(new Uint8Array(length));
    const error = expectInvalid(() => decryptPayload(CHANNEL, { nonce, ciphertext }, MASTER_KEY), "nonce");
    expect(error.message).toContain("24 bytes");
  });

  it("throws invalid_encrypted_payload when the decrypted bytes are not UTF-8", () => {
    const box = xsalsa20poly1305(deriveSharedSecret(CHANNEL, MASTER_KEY), NONCE);
    const ciphertext = bytesToBase64(box.encrypt(new Uint8Array([0xff, 0xfe, 0x80])));
    expectInvalid(() => decryptPayload(CHANNEL, { nonce: bytesToBase64(NONCE), ciphertext }, MASTER_KEY), "payload");
  });
});
