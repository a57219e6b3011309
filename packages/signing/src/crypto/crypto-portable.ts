// `#crypto` on every other runtime (workerd, browsers, bundlers that ignore the "node" condition).
import { hmac } from "@noble/hashes/hmac.js";
import { md5 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { nodeCryptoProvider, type CryptoProvider, type NodeCryptoModule } from "./crypto-provider.js";

/** The pure-JS {@link CryptoProvider}, for runtimes without `node:crypto`. */
export const nobleCrypto: CryptoProvider = {
  hmacSha256Hex: (key, message) => bytesToHex(hmac(sha256, utf8ToBytes(key), typeof message === "string" ? utf8ToBytes(message) : message)),
  md5Hex: (data) => bytesToHex(md5(utf8ToBytes(data))),
  sha256: (data) => sha256(data),
};

/** Native crypto when `getBuiltinModule` yields `node:crypto` (workerd with `nodejs_compat`), else {@link nobleCrypto}. */
export function selectRuntimeCrypto(getBuiltinModule: ((id: string) => unknown) | undefined): CryptoProvider {
  const nodeCrypto = getBuiltinModule?.("node:crypto") as NodeCryptoModule | undefined;
  return nodeCrypto?.createHmac === undefined ? nobleCrypto : nodeCryptoProvider(nodeCrypto);
}

// Through globalThis: runtime-neutral code may not assume a `process` global.
const runtimeProcess = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process;

/** The crypto of this runtime. */
export const runtimeCrypto = selectRuntimeCrypto(runtimeProcess?.getBuiltinModule?.bind(runtimeProcess));
