import { validateMasterKeyBase64 } from "@x/types/internal";
import { base64ToBytes } from "./base64.js";

/**
 * Decodes `encryptionMasterKeyBase64` into its 32 bytes, after checking it (docs/protocol.md §5).
 * Throws a `PusherConfigError` naming the option, never echoing the key.
 *
 * @example
 * ```ts
 * const masterKey = decodeMasterKey("dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=");
 * masterKey.length; // 32
 * ```
 */
export function decodeMasterKey(encryptionMasterKeyBase64: string): Uint8Array {
  validateMasterKeyBase64(encryptionMasterKeyBase64);
  return base64ToBytes(encryptionMasterKeyBase64, "encryptionMasterKeyBase64");
}
