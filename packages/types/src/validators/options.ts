import { PusherConfigError } from "../errors/input-errors.js";
import type { KeyCredentials } from "../config-types.js";
import { readFields } from "./read-fields.js";

// Exactly 32 bytes in padded base64: 43 characters and one "=".
const BASE64_OF_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Throws the {@link PusherConfigError} "`option` must be `expectation`" unless `valid`: how every package refuses an option.
 * The expectation says what is allowed, never the value given.
 */
export function requireOption(valid: boolean, option: string, expectation: string): asserts valid {
  if (!valid) throw new PusherConfigError(option, `${option} must be ${expectation}`);
}

/** `value` when it is a positive safe integer, else the {@link PusherConfigError} "`option` must be a positive integer". */
export function positiveIntegerOption(value: unknown, option: string): number {
  requireOption(Number.isSafeInteger(value) && (value as number) > 0, option, "a positive integer");
  return value as number;
}

/**
 * Checks that `key` and `secret` are non-empty strings; credentials that are not an object or cannot be read are refused as
 * `credentials`. The message never echoes the secret.
 */
export function validateKeyCredentials(credentials: unknown): asserts credentials is KeyCredentials {
  const fields = readFields(credentials, ["key", "secret"]);
  requireOption(fields !== undefined, "credentials", "an object with a key and a secret");
  const { key, secret } = fields;
  requireOption(typeof key === "string" && key.length > 0, "key", "a non-empty string (the app key)");
  requireOption(typeof secret === "string" && secret.length > 0, "secret", "a non-empty string (the app secret)");
}

/** Checks an encryption master key: padded base64 of exactly 32 bytes (docs/protocol.md §5), never echoing it. */
export function validateMasterKeyBase64(value: unknown, option = "encryptionMasterKeyBase64"): asserts value is string {
  const expected = "base64 of exactly 32 bytes (openssl rand -base64 32)";
  requireOption(typeof value === "string" && BASE64_OF_32_BYTES.test(value), option, expected);
}
