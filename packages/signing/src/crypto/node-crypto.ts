import type { CryptoProvider } from "./crypto-provider.js";

/**
 * The subset of `node:crypto` this package uses, described structurally so that this file
 * type-checks without Node's types (it also serves Bun, Deno and workerd's `nodejs_compat`).
 */
export interface NodeCryptoModule {
  createHmac(algorithm: "sha256", key: string): { update(data: string | Uint8Array): { digest(encoding: "hex"): string } };
  createHash(algorithm: "md5" | "sha256"): {
    update(data: string | Uint8Array): { digest(encoding: "hex"): string; digest(): Uint8Array };
  };
}

/** Builds the {@link CryptoProvider} on a `node:crypto` module, however it was obtained. */
export function createNodeCrypto(nodeCrypto: NodeCryptoModule): CryptoProvider {
  return {
    hmacSha256Hex: (key, message) => nodeCrypto.createHmac("sha256", key).update(message).digest("hex"),
    md5Hex: (data) => nodeCrypto.createHash("md5").update(data).digest("hex"),
    // A plain Uint8Array rather than Node's Buffer subclass, so that callers get the same type
    // (and the same `slice` semantics) from every implementation.
    sha256: (data) => new Uint8Array(nodeCrypto.createHash("sha256").update(data).digest()),
  };
}
