import * as nodeCrypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { runtimeCrypto as projectCrypto } from "#crypto";
import { runtimeCrypto as nodeEntryCrypto } from "../src/crypto/crypto-node.js";
import { nobleCrypto, runtimeCrypto as portableRuntimeCrypto, selectRuntimeCrypto } from "../src/crypto/crypto-portable.js";
import type { CryptoProvider } from "../src/crypto/crypto-provider.js";
import { DECRYPTION_VECTOR, HMAC_VECTOR, MD5_ROWS, ascii, hex } from "./support/protocol-vectors.js";

function expectVectors(provider: CryptoProvider): void {
  expect(provider.hmacSha256Hex(HMAC_VECTOR.secret, HMAC_VECTOR.message)).toBe(HMAC_VECTOR.hmac);
  expect(provider.hmacSha256Hex(HMAC_VECTOR.secret, ascii(HMAC_VECTOR.message))).toBe(HMAC_VECTOR.hmac);
  for (const { input, md5 } of MD5_ROWS) expect(provider.md5Hex(input)).toBe(md5);
  const sha256Input = ascii(`${DECRYPTION_VECTOR.channel}${DECRYPTION_VECTOR.rawKey}`);
  const digest = provider.sha256(sha256Input);
  expect(hex(digest)).toBe(DECRYPTION_VECTOR.sha256Hex);
  // The same plain type from every implementation (not Node's Buffer subclass).
  expect(Object.getPrototypeOf(digest)).toBe(Uint8Array.prototype);
}

describe("selectRuntimeCrypto(getBuiltinModule)", () => {
  it("picks native crypto when getBuiltinModule returns node:crypto", () => {
    const createHmac = vi.fn(nodeCrypto.createHmac);
    const getBuiltinModule = vi.fn((id: string) => (id === "node:crypto" ? { ...nodeCrypto, createHmac } : undefined));
    const provider = selectRuntimeCrypto(getBuiltinModule);

    expect(getBuiltinModule).toHaveBeenCalledWith("node:crypto");
    expect(provider).not.toBe(nobleCrypto);
    expectVectors(provider);
    expect(createHmac).toHaveBeenCalledWith("sha256", HMAC_VECTOR.secret);
  });

  it("picks the pure-JS crypto when there is no getBuiltinModule", () => {
    expect(selectRuntimeCrypto(undefined)).toBe(nobleCrypto);
  });

  it("picks the pure-JS crypto when getBuiltinModule returns undefined", () => {
    expect(selectRuntimeCrypto(() => undefined)).toBe(nobleCrypto);
  });

  it("picks the pure-JS crypto when getBuiltinModule returns something without createHmac", () => {
    expect(selectRuntimeCrypto(() => ({}))).toBe(nobleCrypto);
  });

  it("the pure-JS crypto passes the vectors", () => {
    expectVectors(nobleCrypto);
  });

  it("the portable entry picks native crypto on Node, which exposes process.getBuiltinModule", () => {
    expect(portableRuntimeCrypto).not.toBe(nobleCrypto);
    expectVectors(portableRuntimeCrypto);
  });
});

describe('the node entry (the "node" condition of #crypto)', () => {
  it("builds native crypto on the statically imported node:crypto, and passes the vectors", () => {
    expect(nodeEntryCrypto).not.toBe(nobleCrypto);
    expectVectors(nodeEntryCrypto);
  });
});

describe("the #crypto of this test project", () => {
  it("is the implementation the project names, and passes the vectors", ({ task }) => {
    if (task.file.projectName === "noble-crypto") expect(projectCrypto).toBe(nobleCrypto);
    else expect(projectCrypto).not.toBe(nobleCrypto);
    expectVectors(projectCrypto);
  });
});
