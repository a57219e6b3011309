// docs/protocol.md §6 vectors, verbatim (test/support/protocol-vectors.ts).
import { xsalsa20poly1305 } from "@noble/ciphers/salsa.js";
import { describe, expect, it } from "vitest";
import { decryptPayload, deriveSharedSecret, encryptPayload } from "../src/index.js";
import { bytesToBase64 } from "../src/internal.js";
import { officialEncrypt, officialPusher } from "./support/official-pusher.js";
import { DECRYPTION_VECTOR, SECRETBOX_VECTOR, ascii, hex } from "./support/protocol-vectors.js";

describe("docs/protocol.md §6 deterministic secretbox vector", () => {
  const masterKey = ascii(SECRETBOX_VECTOR.masterKey);
  const nonce = ascii(SECRETBOX_VECTOR.nonce);

  it("deriveSharedSecret(channel, raw 32-byte key) returns the vector's shared secret", () => {
    expect(hex(deriveSharedSecret(SECRETBOX_VECTOR.channel, masterKey))).toBe(SECRETBOX_VECTOR.sharedSecretHex);
  });

  it("secretbox under the derived key and the vector's nonce gives exactly the vector's output", () => {
    const box = xsalsa20poly1305(deriveSharedSecret(SECRETBOX_VECTOR.channel, masterKey), nonce);
    const ciphertext = box.encrypt(ascii(SECRETBOX_VECTOR.plaintext));
    expect(JSON.stringify({ nonce: bytesToBase64(nonce), ciphertext: bytesToBase64(ciphertext) })).toBe(SECRETBOX_VECTOR.output);
  });

  it("decryptPayload(vector channel, vector output, raw key) returns the vector's plaintext", () => {
    expect(decryptPayload(SECRETBOX_VECTOR.channel, SECRETBOX_VECTOR.output, masterKey)).toBe(SECRETBOX_VECTOR.plaintext);
  });

  // The vector's channel has no `private-encrypted-` prefix and encryptPayload refuses such
  // channels, so the verbatim output cannot come out of encryptPayload. The same key, nonce and
  // plaintext on the encrypted form of the name are checked against the official SDK instead.
  it("encryptPayload with the vector's key, nonce and plaintext equals the official SDK's secretbox", () => {
    const channel = `private-encrypted-${SECRETBOX_VECTOR.channel}`;
    const official = officialPusher("key", "secret", bytesToBase64(masterKey));
    expect(encryptPayload(channel, SECRETBOX_VECTOR.plaintext, masterKey, nonce)).toBe(
      officialEncrypt(official, channel, SECRETBOX_VECTOR.plaintext, nonce),
    );
  });
});

describe("docs/protocol.md §6 decryption vector", () => {
  const rawKey = ascii(DECRYPTION_VECTOR.rawKey);

  it("the raw key is 33 bytes, passed as given", () => {
    expect(rawKey).toHaveLength(33);
  });

  it("deriveSharedSecret(private-encrypted-bla, 33-byte key) returns the vector's SHA-256", () => {
    expect(hex(deriveSharedSecret(DECRYPTION_VECTOR.channel, rawKey))).toBe(DECRYPTION_VECTOR.sha256Hex);
  });

  it("decryptPayload(channel, vector payload, raw key) returns Hello!", () => {
    expect(decryptPayload(DECRYPTION_VECTOR.channel, DECRYPTION_VECTOR.payload, rawKey)).toBe(DECRYPTION_VECTOR.plaintext);
  });

  it("decryptPayload accepts the parsed payload object as well as its JSON string", () => {
    const payload = JSON.parse(DECRYPTION_VECTOR.payload) as { nonce: string; ciphertext: string };
    expect(decryptPayload(DECRYPTION_VECTOR.channel, payload, rawKey)).toBe(DECRYPTION_VECTOR.plaintext);
  });
});
