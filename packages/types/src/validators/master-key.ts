import { PusherConfigError } from "../errors/config-error.js";

// Exactly 32 bytes in padded base64 is 43 characters and one "=".
const BASE64_OF_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Checks `encryptionMasterKeyBase64`: padded base64 of exactly 32 bytes (docs/protocol.md §5).
 * Throws a {@link PusherConfigError} naming the option; the message never echoes the key.
 *
 * @example
 * ```ts
 * validateMasterKeyBase64("dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU="); // ok
 * ```
 */
export function validateMasterKeyBase64(
  value: unknown,
  option = "encryptionMasterKeyBase64",
): asserts value is string {
  if (typeof value !== "string" || !BASE64_OF_32_BYTES.test(value)) {
    throw new PusherConfigError(
      option,
      `${option} must be base64 of exactly 32 bytes (openssl rand -base64 32)`,
    );
  }
}
