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
  /**
   * The one-shot digest of Node ≥ 20.12, Bun and Deno, a plain function (called detached); where
   * it is missing, `createHmac` serves.
   */
  hash?(this: void, algorithm: "sha256" | "md5", data: string | Uint8Array, outputEncoding: "hex" | "binary"): string;
}

/** An app has one secret, a few while keys are rotated: past this many, the padded keys are dropped. */
const PADDED_KEYS_KEPT = 8;

/**
 * A key's two HMAC blocks (RFC 2104): K⊕ipad as a string, and a buffer holding K⊕opad followed
 * by 32 free bytes for the inner digest. Only keys of at most 64 ASCII characters have them:
 * their blocks are ASCII too, so K⊕ipad can prefix a string message that is then hashed as
 * UTF-8, giving the bytes K⊕ipad ‖ UTF-8(message). `null` for any other key: longer keys are
 * hashed first (RFC 2104 §2) and others are not ASCII, and `createHmac` takes care of both.
 */
type PaddedKey = [inner: string, outer: Uint8Array] | null;

function padKey(key: string): PaddedKey {
  if (key.length > 64) return null;
  let inner = "";
  const outer = new Uint8Array(96);
  for (let i = 0; i < 64; i++) {
    // Past the key's end the block is zero-filled: charCodeAt gives NaN there, which `| 0` makes 0.
    const byte = key.charCodeAt(i) | 0;
    if (byte > 0x7f) return null;
    inner += String.fromCharCode(byte ^ 0x36);
    outer[i] = byte ^ 0x5c;
  }
  return [inner, outer];
}

/** Builds the {@link CryptoProvider} on a `node:crypto` module, however it was obtained. */
export function createNodeCrypto(nodeCrypto: NodeCryptoModule): CryptoProvider {
  const { hash } = nodeCrypto;
  const paddedKeys = new Map<string, PaddedKey>();
  const createHmacHex = (key: string, message: string | Uint8Array) =>
    nodeCrypto.createHmac("sha256", key).update(message).digest("hex");
  return {
    // HMAC-SHA256 as two one-shot digests of blocks padded once per key,
    // H(K⊕opad ‖ H(K⊕ipad ‖ message)): on the short message of an auth signature, the object
    // that `createHmac` builds on every call costs more than the hashing. The inner digest comes
    // as a "binary" (latin1) string, one character per byte, copied byte by byte: a Buffer
    // result would take longer to make than both digests.
    hmacSha256Hex:
      hash === undefined
        ? createHmacHex
        : (key, message) => {
            let padded = paddedKeys.get(key);
            if (padded === undefined) {
              if (paddedKeys.size === PADDED_KEYS_KEPT) paddedKeys.clear();
              padded = padKey(key);
              paddedKeys.set(key, padded);
            }
            if (padded === null || typeof message !== "string") return createHmacHex(key, message);
            const [inner, outer] = padded;
            const innerDigest = hash("sha256", inner + message, "binary");
            for (let i = 0; i < 32; i++) outer[64 + i] = innerDigest.charCodeAt(i);
            return hash("sha256", outer, "hex");
          },
    // The one-shot digest, where there is one: a Hash object per call costs more than the MD5.
    md5Hex: hash === undefined ? (data) => nodeCrypto.createHash("md5").update(data).digest("hex") : (data) => hash("md5", data, "hex"),
    // A plain Uint8Array rather than Node's Buffer subclass, so that callers get the same type
    // (and the same `slice` semantics) from every implementation.
    sha256: (data) => new Uint8Array(nodeCrypto.createHash("sha256").update(data).digest()),
  };
}
