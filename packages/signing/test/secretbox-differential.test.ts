import { PusherValidationError } from "@x/types";
import fc from "fast-check";
import nacl from "tweetnacl";
import { describe, expect, it } from "vitest";
import { decryptPayload, deriveSharedSecret, encryptPayload } from "../src/index.js";
import { base64ToBytes, bytesToBase64 } from "../src/internal.js";
import { catchError } from "./support/catch-error.js";

// The secretbox of encryptPayload/decryptPayload (@noble/ciphers' XSalsa20-Poly1305) against
// tweetnacl, what pusher-js runs, on arbitrary and extreme inputs.

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
const utf8 = new TextEncoder();

// Lengths around every block boundary (Poly1305: 16 bytes; Salsa20: 64, and the 32-byte offset).
const lengthArbitrary = fc.oneof(
  fc.integer({ min: 0, max: 200 }),
  fc.constantFrom(15, 16, 17, 31, 32, 33, 63, 64, 65, 95, 96, 97, 127, 128, 129, 1_000, 4_097),
);
// Bytes, with the extremes (all zeros, all 0xff) that stress the carries.
const bytesArbitrary = (length: number) =>
  fc.oneof(
    fc.uint8Array({ minLength: length, maxLength: length }),
    fc.constant(new Uint8Array(length).fill(0xff)),
    fc.constant(new Uint8Array(length)),
  );
const masterKeyArbitrary = bytesArbitrary(32);
const nonceArbitrary = bytesArbitrary(24);
// ASCII text of a given length is that many bytes; "\x7f" and "\0" are the extremes a string can hold.
const plaintextArbitrary = lengthArbitrary.chain((length) =>
  fc.oneof(
    fc.string({ unit: "binary-ascii", minLength: length, maxLength: length }),
    fc.constant("\x7f".repeat(length)),
    fc.constant("\0".repeat(length)),
  ),
);
const channelArbitrary = fc.stringMatching(/^[a-z0-9_-]{1,40}$/).map((name) => `private-encrypted-${name}`);

const boxOf = (payload: string) => {
  const { nonce, ciphertext } = JSON.parse(payload) as { nonce: string; ciphertext: string };
  return { nonce: base64ToBytes(nonce, "nonce"), box: base64ToBytes(ciphertext, "ciphertext") };
};
const payloadOf = (nonce: Uint8Array, box: Uint8Array) => ({ nonce: bytesToBase64(nonce), ciphertext: bytesToBase64(box) });

describe("encryptPayload and decryptPayload against tweetnacl's secretbox", () => {
  it("encryptPayload gives tweetnacl's box; each opens the other's", () => {
    fc.assert(
      fc.property(channelArbitrary, masterKeyArbitrary, nonceArbitrary, plaintextArbitrary, (channel, masterKey, nonce, plaintext) => {
        const key = deriveSharedSecret(channel, masterKey);
        const theirs = nacl.secretbox(utf8.encode(plaintext), nonce, key);
        const ours = boxOf(encryptPayload(channel, plaintext, masterKey, nonce)).box;
        expect(hex(ours)).toBe(hex(theirs));
        expect(decryptPayload(channel, payloadOf(nonce, theirs), masterKey)).toBe(plaintext);
        expect(hex(nacl.secretbox.open(ours, nonce, key)!)).toBe(hex(utf8.encode(plaintext)));
      }),
      { numRuns: 2_000 },
    );
  });

  it("decryptPayload refuses any altered byte of the box, a wrong key, a wrong nonce and a box shorter than a tag", () => {
    const refused = (action: () => unknown) => {
      const error = catchError(action);
      expect(error).toBeInstanceOf(PusherValidationError);
      expect((error as PusherValidationError).code).toBe("invalid_encrypted_payload");
    };
    fc.assert(
      fc.property(
        channelArbitrary,
        masterKeyArbitrary,
        nonceArbitrary,
        plaintextArbitrary,
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (channel, masterKey, nonce, plaintext, at, flip) => {
          const { box } = boxOf(encryptPayload(channel, plaintext, masterKey, nonce));
          const altered = box.slice();
          const index = at % altered.length;
          altered[index] = altered[index]! ^ flip;
          refused(() => decryptPayload(channel, payloadOf(nonce, altered), masterKey));
          const otherKey = masterKey.slice();
          otherKey[at % 32] = otherKey[at % 32]! ^ flip;
          refused(() => decryptPayload(channel, payloadOf(nonce, box), otherKey));
          const otherNonce = nonce.slice();
          otherNonce[at % 24] = otherNonce[at % 24]! ^ flip;
          refused(() => decryptPayload(channel, payloadOf(otherNonce, box), masterKey));
        },
      ),
      { numRuns: 1_000 },
    );
    refused(() => decryptPayload("private-encrypted-x", payloadOf(new Uint8Array(24), new Uint8Array(15)), new Uint8Array(32)));
  });
});
