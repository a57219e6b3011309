// The native HMAC of createNodeCrypto: short ASCII keys take two one-shot `crypto.hash` digests
// of blocks padded once per key (RFC 2104), every other key and byte messages take `createHmac`.
// The oracle is node:crypto's own `createHmac`, called here directly, plus the published vectors
// of RFC 4231 and docs/protocol.md §2.
import * as nodeCrypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { createNodeCrypto } from "../src/crypto/node-crypto.js";
import { codeUnitStringArbitrary } from "./support/arbitraries.js";
import { HMAC_VECTOR, ascii } from "./support/protocol-vectors.js";

const oracle = (key: string, message: string | Uint8Array) => nodeCrypto.createHmac("sha256", key).update(message).digest("hex");

/** A provider on the real node:crypto whose `createHmac` and `hash` are watched, to tell the paths apart. */
function watchedProvider() {
  const createHmac = vi.fn(nodeCrypto.createHmac);
  const hash = vi.fn((algorithm: "sha256", data: string | Uint8Array, encoding: "hex" | "binary") =>
    nodeCrypto.hash(algorithm, data, encoding),
  );
  const provider = createNodeCrypto({ createHmac, createHash: nodeCrypto.createHash, hash });
  return { provider, createHmac, hash };
}

describe("createNodeCrypto(...).hmacSha256Hex on the one-shot path", () => {
  it("hmacSha256Hex(RFC 4231 test cases 1 and 2, docs/protocol.md §2's vector) returns the published HMACs through crypto.hash alone", () => {
    const { provider, createHmac, hash } = watchedProvider();

    expect(provider.hmacSha256Hex("\x0b".repeat(20), "Hi There")).toBe(
      "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
    );
    expect(provider.hmacSha256Hex("Jefe", "what do ya want for nothing?")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
    expect(provider.hmacSha256Hex(HMAC_VECTOR.secret, HMAC_VECTOR.message)).toBe(HMAC_VECTOR.hmac);
    expect(hash).toHaveBeenCalledTimes(6);
    expect(createHmac).not.toHaveBeenCalled();
  });

  it("hmacSha256Hex(empty-ish keys: '', NUL bytes, a space) equals createHmac's", () => {
    const { provider, createHmac } = watchedProvider();
    for (const key of ["", "\0", "\0\0\0", " ", "\x7f".repeat(64)]) {
      expect(provider.hmacSha256Hex(key, "1234.1234:private-chat")).toBe(oracle(key, "1234.1234:private-chat"));
    }
    expect(createHmac).not.toHaveBeenCalled();
  });

  it("hmacSha256Hex(key of exactly 64 characters) stays on the one-shot path and equals createHmac's", () => {
    const { provider, createHmac } = watchedProvider();
    const key = "k".repeat(64);
    expect(provider.hmacSha256Hex(key, "message")).toBe(oracle(key, "message"));
    expect(createHmac).not.toHaveBeenCalled();
  });

  it("hmacSha256Hex(ASCII key, message with non-ASCII text or lone surrogates) hashes its UTF-8 as createHmac does", () => {
    const { provider } = watchedProvider();
    for (const message of ["héllo ☃ 🔑", "\ud800", "a\udc00b", ""]) {
      expect(provider.hmacSha256Hex("7ad3773142a6692b25b8", message)).toBe(oracle("7ad3773142a6692b25b8", message));
    }
  });

  it("hmacSha256Hex(any key, any string) equals createHmac's (property)", () => {
    const { provider } = watchedProvider();
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "grapheme-ascii", maxLength: 70 }), codeUnitStringArbitrary),
        codeUnitStringArbitrary,
        (key, message) => provider.hmacSha256Hex(key, message) === oracle(key, message),
      ),
      { numRuns: 300 },
    );
  });

  it("hmacSha256Hex(more keys than it keeps padded, in turn and again) still signs each right", () => {
    const { provider, hash } = watchedProvider();
    const keys = Array.from({ length: 20 }, (_, index) => `secret-${index}`);
    for (let round = 0; round < 3; round++) {
      for (const key of keys) expect(provider.hmacSha256Hex(key, `round ${round}`)).toBe(oracle(key, `round ${round}`));
    }
    expect(hash).toHaveBeenCalledTimes(2 * keys.length * 3);
  });
});

describe("createNodeCrypto(...).hmacSha256Hex through createHmac", () => {
  it("hmacSha256Hex(key longer than 64 characters) takes createHmac, which hashes the key first (RFC 2104)", () => {
    const { provider, createHmac, hash } = watchedProvider();
    for (const key of ["k".repeat(65), "x".repeat(200)]) {
      expect(provider.hmacSha256Hex(key, "message")).toBe(oracle(key, "message"));
      // Asked twice: a key known not to fit is remembered as such.
      expect(provider.hmacSha256Hex(key, "again")).toBe(oracle(key, "again"));
    }
    expect(createHmac).toHaveBeenCalledTimes(4);
    expect(hash).not.toHaveBeenCalled();
  });

  it("hmacSha256Hex(Unicode key) takes createHmac, which signs with the key's UTF-8 bytes", () => {
    const { provider, createHmac, hash } = watchedProvider();
    for (const key of ["clé", "秘密", "🔑", "\u0080", "\ud800"]) {
      expect(provider.hmacSha256Hex(key, "message")).toBe(oracle(key, "message"));
    }
    expect(provider.hmacSha256Hex("clé", "message")).toBe(
      nodeCrypto.createHmac("sha256", new TextEncoder().encode("clé")).update("message").digest("hex"),
    );
    expect(createHmac).toHaveBeenCalledTimes(6);
    expect(hash).not.toHaveBeenCalled();
  });

  it("hmacSha256Hex(ASCII key, bytes) takes createHmac and equals the HMAC of the same text", () => {
    const { provider, createHmac } = watchedProvider();
    expect(provider.hmacSha256Hex(HMAC_VECTOR.secret, ascii(HMAC_VECTOR.message))).toBe(HMAC_VECTOR.hmac);
    expect(createHmac).toHaveBeenCalledWith("sha256", HMAC_VECTOR.secret);
  });

  it("createNodeCrypto(a node:crypto without crypto.hash, as on older runtimes) signs every message with createHmac", () => {
    const createHmac = vi.fn(nodeCrypto.createHmac);
    const provider = createNodeCrypto({ createHmac, createHash: nodeCrypto.createHash });

    expect(provider.hmacSha256Hex(HMAC_VECTOR.secret, HMAC_VECTOR.message)).toBe(HMAC_VECTOR.hmac);
    expect(provider.hmacSha256Hex("Jefe", "what do ya want for nothing?")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
    expect(createHmac).toHaveBeenCalledTimes(2);
  });
});

describe("md5Hex on node:crypto", () => {
  it("uses the one-shot crypto.hash where there is one, createHash where there is not, with the same digest", () => {
    const hash = vi.fn((algorithm: "sha256" | "md5", data: string | Uint8Array, encoding: "hex" | "binary") =>
      nodeCrypto.hash(algorithm, data, encoding),
    );
    const createHash = vi.fn(nodeCrypto.createHash);
    const withHash = createNodeCrypto({ createHmac: nodeCrypto.createHmac, createHash, hash });
    const withoutHash = createNodeCrypto({ createHmac: nodeCrypto.createHmac, createHash });

    // docs/protocol.md §2's MD5 vector.
    expect(withHash.md5Hex("Hello!")).toBe("952d2c56d0485958336747bcdd98590d");
    expect(createHash).not.toHaveBeenCalled();
    expect(withoutHash.md5Hex("Hello!")).toBe("952d2c56d0485958336747bcdd98590d");
    expect(createHash).toHaveBeenCalledWith("md5");
  });
});
