/**
 * The three primitives the protocol needs, synchronous on every runtime. Two implementations
 * exist: `node:crypto` where the runtime has it (fast, nothing to bundle) and `@noble/hashes`
 * elsewhere (pure JS). Web Crypto is not the basis: it is asynchronous and has no MD5.
 */
export interface CryptoProvider {
  /** Lowercase hex HMAC-SHA256 of `message` (UTF-8 when a string) under `key`. */
  hmacSha256Hex(key: string, message: string | Uint8Array): string;
  /** Lowercase hex MD5 of `data` (UTF-8 when a string). */
  md5Hex(data: string): string;
  /** Raw SHA-256 of `data`. */
  sha256(data: Uint8Array): Uint8Array;
}
