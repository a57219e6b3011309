// HMAC-SHA256 and MD5 of each crypto provider (the node entry's, the portable entry's on
// `getBuiltinModule("node:crypto")`, and the pure-JS one) against node:crypto's own `createHmac`,
// called here directly, and the published vectors of RFC 4231 and docs/protocol.md §2.
import * as nodeCrypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { runtimeCrypto as nodeEntryCrypto } from "../src/crypto/crypto-node.js";
import { nobleCrypto, selectRuntimeCrypto } from "../src/crypto/crypto-portable.js";
import { nodeCryptoProvider } from "../src/crypto/crypto-provider.js";
import { codeUnitStringArbitrary } from "./support/arbitraries.js";
import { HMAC_VECTOR, ascii } from "./support/protocol-vectors.js";

const oracle = (key: string, message: string | Uint8Array) => nodeCrypto.createHmac("sha256", key).update(message).digest("hex");

const PROVIDERS = [
  { name: "the node entry", provider: nodeEntryCrypto },
  { name: "the portable entry on getBuiltinModule", provider: selectRuntimeCrypto(() => nodeCrypto) },
  { name: "the pure-JS provider", provider: nobleCrypto },
];

describe.each(PROVIDERS)("hmacSha256Hex of $name", ({ provider }) => {
  it("hmacSha256Hex(RFC 4231 test cases 1 and 2, docs/protocol.md §2's vector) returns the published HMACs", () => {
    expect(provider.hmacSha256Hex("\x0b".repeat(20), "Hi There")).toBe("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    expect(provider.hmacSha256Hex("Jefe", "what do ya want for nothing?")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
    expect(provider.hmacSha256Hex(HMAC_VECTOR.secret, HMAC_VECTOR.message)).toBe(HMAC_VECTOR.hmac);
  });

  it("hmacSha256Hex(empty-ish keys: '', NUL bytes, a space) equals createHmac's", () => {
    for (const key of ["", "\0", "\0\0\0", " ", "\x7f".repeat(64)]) {
      expect(provider.hmacSha256Hex(key, "1234.1234:private-chat")).toBe(oracle(key, "1234.1234:private-chat"));
    }
  });

  it("hmacSha256Hex(key of exactly 64 characters) equals createHmac's", () => {
    const key = "k".repeat(64);
    expect(provider.hmacSha256Hex(key, "message")).toBe(oracle(key, "message"));
  });

  it("hmacSha256Hex(ASCII key, message with non-ASCII text or lone surrogates) hashes its UTF-8 as createHmac does", () => {
    for (const message of ["héllo ☃ 🔑", "\ud800", "a\udc00b", ""]) {
      expect(provider.hmacSha256Hex("7ad3773142a6692b25b8", message)).toBe(oracle("7ad3773142a6692b25b8", message));
    }
  });

  it("hmacSha256Hex(any key, any string) equals createHmac's (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "grapheme-ascii", maxLength: 70 }), codeUnitStringArbitrary),
        codeUnitStringArbitrary,
        (key, message) => provider.hmacSha256Hex(key, message) === oracle(key, message),
      ),
      { numRuns: 300 },
    );
  });

  it("hmacSha256Hex(many keys, in turn and again) signs each right", () => {
    const keys = Array.from({ length: 20 }, (_, index) => `secret-${index}`);
    for (let round = 0; round < 3; round++) {
      for (const key of keys) expect(provider.hmacSha256Hex(key, `round ${round}`)).toBe(oracle(key, `round ${round}`));
    }
  });

  it("hmacSha256Hex(key longer than 64 characters) hashes the key first (RFC 2104), as createHmac does", () => {
    for (const key of ["k".repeat(65), "x".repeat(200)]) {
      expect(provider.hmacSha256Hex(key, "message")).toBe(oracle(key, "message"));
      expect(provider.hmacSha256Hex(key, "again")).toBe(oracle(key, "again"));
    }
  });

  it("hmacSha256Hex(Unicode key) signs with the key's UTF-8 bytes", () => {
    for (const key of ["clé", "秘密", "🔑", "\u0080", "\ud800"]) {
      expect(provider.hmacSha256Hex(key, "message")).toBe(oracle(key, "message"));
    }
    expect(provider.hmacSha256Hex("clé", "message")).toBe(
      nodeCrypto.createHmac("sha256", new TextEncoder().encode("clé")).update("message").digest("hex"),
    );
  });

  it("hmacSha256Hex(ASCII key, bytes) equals the HMAC of the same text", () => {
    expect(provider.hmacSha256Hex(HMAC_VECTOR.secret, ascii(HMAC_VECTOR.message))).toBe(HMAC_VECTOR.hmac);
  });
});

describe("nodeCryptoProvider(node:crypto)", () => {
  it("signs every message with createHmac, string or bytes, whatever the key", () => {
    const createHmac = vi.fn(nodeCrypto.createHmac);
    const provider = nodeCryptoProvider({ createHmac, createHash: nodeCrypto.createHash });

    expect(provider.hmacSha256Hex(HMAC_VECTOR.secret, HMAC_VECTOR.message)).toBe(HMAC_VECTOR.hmac);
    expect(provider.hmacSha256Hex("Jefe", "what do ya want for nothing?")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
    expect(provider.hmacSha256Hex(HMAC_VECTOR.secret, ascii(HMAC_VECTOR.message))).toBe(HMAC_VECTOR.hmac);
    expect(provider.hmacSha256Hex("x".repeat(200), "message")).toBe(oracle("x".repeat(200), "message"));
    expect(createHmac).toHaveBeenCalledTimes(4);
    expect(createHmac).toHaveBeenCalledWith("sha256", HMAC_VECTOR.secret);
  });

  it("md5Hex hashes with createHash('md5')", () => {
    const createHash = vi.fn(nodeCrypto.createHash);
    const provider = nodeCryptoProvider({ createHmac: nodeCrypto.createHmac, createHash });

    // docs/protocol.md §2's MD5 vector.
    expect(provider.md5Hex("Hello!")).toBe("952d2c56d0485958336747bcdd98590d");
    expect(createHash).toHaveBeenCalledWith("md5");
  });

  it("md5Hex takes the one-shot hash('md5', data) where the module has it", () => {
    const hash = vi.fn((algorithm: "md5", data: string) => nodeCrypto.hash(algorithm, data, "hex"));
    const provider = nodeCryptoProvider({ createHmac: nodeCrypto.createHmac, createHash: nodeCrypto.createHash, hash });

    expect(provider.md5Hex("Hello!")).toBe("952d2c56d0485958336747bcdd98590d");
    expect(hash).toHaveBeenCalledWith("md5", "Hello!");
  });
});
