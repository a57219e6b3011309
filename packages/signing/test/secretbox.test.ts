import { poly1305 as noblePoly1305 } from "@noble/ciphers/_poly1305.js";
import { hsalsa as nobleHsalsa, xsalsa20poly1305 } from "@noble/ciphers/salsa.js";
import fc from "fast-check";
import nacl from "tweetnacl";
import { describe, expect, it } from "vitest";
import { poly1305 } from "../src/secretbox/poly1305.js";
import { hsalsa20 } from "../src/secretbox/salsa20.js";
import { secretboxOpen, secretboxSeal } from "../src/secretbox/secretbox.js";

// The secretbox of @x/signing (XSalsa20-Poly1305, written here to keep the bundles small)
// against published vectors and, on arbitrary inputs, against two independent implementations:
// @noble/ciphers and tweetnacl (what pusher-js runs).

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
const fromHex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, "hex"));

// Lengths around every block boundary (Poly1305: 16 bytes; Salsa20: 64, and the 32-byte offset).
const lengthArbitrary = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constantFrom(15, 16, 17, 31, 32, 33, 63, 64, 65, 95, 96, 97, 127, 128, 129, 1_000, 4_097));
// Bytes, with the extremes (all zeros, all 0xff) that stress the carries.
const bytesArbitrary = (length: number) =>
  fc.oneof(
    fc.uint8Array({ minLength: length, maxLength: length }),
    fc.constant(new Uint8Array(length).fill(0xff)),
    fc.constant(new Uint8Array(length)),
  );
const keyArbitrary = bytesArbitrary(32);
const nonceArbitrary = bytesArbitrary(24);
const messageArbitrary = lengthArbitrary.chain((length) => bytesArbitrary(length));

describe("poly1305(key, message)", () => {
  it("gives the tag of RFC 8439 §2.5.2", () => {
    const key = fromHex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b");
    expect(hex(poly1305(key, new TextEncoder().encode("Cryptographic Forum Research Group")))).toBe("a8061dc1305136c6c22b8baf0c0127a9");
  });

  it("gives the tags of RFC 8439 appendix A.3 #1 (a zero key) and #11 (h reaching p exactly)", () => {
    expect(hex(poly1305(new Uint8Array(32), new Uint8Array(64)))).toBe("00000000000000000000000000000000");
    // r = 2, s = 0; the message makes h = 2^130 − 5 before the final reduction.
    const key = fromHex("0200000000000000000000000000000000000000000000000000000000000000");
    const message = fromHex("ffffffffffffffffffffffffffffffff");
    expect(hex(poly1305(key, message))).toBe("03000000000000000000000000000000");
  });

  it("equals @noble/ciphers' poly1305 on arbitrary keys and messages", () => {
    fc.assert(
      fc.property(keyArbitrary, messageArbitrary, (key, message) => {
        expect(hex(poly1305(key, message))).toBe(hex(noblePoly1305(message, key)));
      }),
      { numRuns: 3_000 },
    );
  });
});

describe("hsalsa20(key, input)", () => {
  it("equals @noble/ciphers' HSalsa20", () => {
    fc.assert(
      fc.property(keyArbitrary, bytesArbitrary(16), (key, input) => {
        const theirs = new Uint32Array(8);
        const view = new DataView(key.buffer, key.byteOffset);
        const keyWords = new Uint32Array(8).map((_, index) => view.getUint32(index * 4, true));
        const inputView = new DataView(input.buffer, input.byteOffset);
        const inputWords = new Uint32Array(4).map((_, index) => inputView.getUint32(index * 4, true));
        nobleHsalsa(new Uint32Array([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]), keyWords, inputWords, theirs);
        expect(hex(hsalsa20(key, input))).toBe(hex(new Uint8Array(theirs.buffer)));
      }),
      { numRuns: 500 },
    );
  });
});

describe("secretboxSeal(key, nonce, plaintext) and secretboxOpen(key, nonce, box)", () => {
  it("seal gives the bytes of @noble/ciphers and of tweetnacl; each opens the other's box", () => {
    fc.assert(
      fc.property(keyArbitrary, nonceArbitrary, messageArbitrary, (key, nonce, message) => {
        const box = secretboxSeal(key, nonce, message);
        expect(hex(box)).toBe(hex(xsalsa20poly1305(key, nonce).encrypt(message)));
        expect(hex(box)).toBe(hex(nacl.secretbox(message, nonce, key)));
        expect(hex(secretboxOpen(key, nonce, nacl.secretbox(message, nonce, key))!)).toBe(hex(message));
        expect(hex(nacl.secretbox.open(box, nonce, key)!)).toBe(hex(message));
      }),
      { numRuns: 2_000 },
    );
  });

  it("open refuses any altered byte of the box, a wrong key, a wrong nonce and a box shorter than a tag", () => {
    fc.assert(
      fc.property(keyArbitrary, nonceArbitrary, messageArbitrary, fc.nat(), fc.integer({ min: 1, max: 255 }), (key, nonce, message, at, flip) => {
        const box = secretboxSeal(key, nonce, message);
        const altered = box.slice();
        const index = at % altered.length;
        altered[index] = (altered[index] as number) ^ flip;
        expect(secretboxOpen(key, nonce, altered)).toBeUndefined();
        const otherKey = key.slice();
        otherKey[at % 32] = (otherKey[at % 32] as number) ^ flip;
        expect(secretboxOpen(otherKey, nonce, box)).toBeUndefined();
        const otherNonce = nonce.slice();
        otherNonce[at % 24] = (otherNonce[at % 24] as number) ^ flip;
        expect(secretboxOpen(key, otherNonce, box)).toBeUndefined();
      }),
      { numRuns: 1_000 },
    );
    expect(secretboxOpen(new Uint8Array(32), new Uint8Array(24), new Uint8Array(15))).toBeUndefined();
  });
});
