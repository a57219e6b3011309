import { hmac } from "@noble/hashes/hmac.js";
import { md5 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { CryptoProvider } from "./crypto-provider.js";

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === "string" ? utf8ToBytes(data) : data;
}

/** The pure-JS {@link CryptoProvider}, for runtimes without `node:crypto`. */
export const nobleCrypto: CryptoProvider = {
  hmacSha256Hex: (key, message) => bytesToHex(hmac(sha256, utf8ToBytes(key), toBytes(message))),
  md5Hex: (data) => bytesToHex(md5(utf8ToBytes(data))),
  sha256: (data) => sha256(data),
};
