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
  createHmac(algorithm: "sha256", key: string | object): Digest;
  /** Imports a key once, for HMACs that would otherwise import a string key on every call. */
  createSecretKey?(key: Uint8Array): object;
  createHash(algorithm: "md5" | "sha256"): Digest;
  /** The one-shot digest (Node 21.7+, Bun, Deno), which costs less than a `createHash` object. */
  hash?(algorithm: "md5", data: string): string;
}

// Enough for an app that signs for several apps; past it the imported keys are dropped and imported again.
const MAX_IMPORTED_KEYS = 16;

/**
 * The {@link CryptoProvider} on a `node:crypto` module, imported or obtained from `process.getBuiltinModule`.
 * With `importKeys`, each HMAC key is imported once (`createSecretKey`), which signs faster where the runtime says so.
 */
export function nodeCryptoProvider(nodeCrypto: NodeCryptoModule, importKeys = false): CryptoProvider {
  const imported = new Map<string, object>();
  const keyOf = (key: string): string | object => {
    // An empty key cannot be imported, and is signed with as it is.
    if (!importKeys || nodeCrypto.createSecretKey === undefined || key === "") return key;
    let keyObject = imported.get(key);
    if (keyObject === undefined) {
      if (imported.size >= MAX_IMPORTED_KEYS) imported.clear();
      keyObject = nodeCrypto.createSecretKey(new TextEncoder().encode(key));
      imported.set(key, keyObject);
    }
    return keyObject;
  };
  return {
    hmacSha256Hex: (key, message) => nodeCrypto.createHmac("sha256", keyOf(key)).update(message).digest("hex"),
    md5Hex: (data) => nodeCrypto.hash?.("md5", data) ?? nodeCrypto.createHash("md5").update(data).digest("hex"),
    // A plain Uint8Array, not Node's Buffer subclass: every provider returns the same type.
    sha256: (data) => new Uint8Array(nodeCrypto.createHash("sha256").update(data).digest()),
  };
}
