/** The digests the protocol needs, synchronous: `node:crypto` where the runtime has it, else `@noble/hashes`. */
export interface CryptoProvider {
  /** Lowercase hex HMAC-SHA256 of `message` (UTF-8 when a string) under `key`. */
  hmacSha256Hex(key: string, message: string | Uint8Array): string;
  /** Lowercase hex MD5 of a string's UTF-8 bytes. */
  md5Hex(data: string): string;
  /** Raw SHA-256 of `data`. */
  sha256(data: Uint8Array): Uint8Array;
}

interface Digest {
  update(data: string | Uint8Array): { digest(encoding: "hex"): string; digest(): Uint8Array };
}

/** The part of `node:crypto` used here, typed structurally so that the portable entry compiles without Node's types. */
export interface NodeCryptoModule {
  createHmac(algorithm: "sha256", key: string): Digest;
  createHash(algorithm: "md5" | "sha256"): Digest;
  /** The one-shot digest (Node 21.7+, Bun, Deno), which costs less than a `createHash` object. */
  hash?(algorithm: "md5", data: string): string;
}

/** The {@link CryptoProvider} on a `node:crypto` module, imported or obtained from `process.getBuiltinModule`. */
export function nodeCryptoProvider(nodeCrypto: NodeCryptoModule): CryptoProvider {
  return {
    hmacSha256Hex: (key, message) => nodeCrypto.createHmac("sha256", key).update(message).digest("hex"),
    md5Hex: (data) => nodeCrypto.hash?.("md5", data) ?? nodeCrypto.createHash("md5").update(data).digest("hex"),
    // A plain Uint8Array, not Node's Buffer subclass: every provider returns the same type.
    sha256: (data) => new Uint8Array(nodeCrypto.createHash("sha256").update(data).digest()),
  };
}
