import { PusherValidationError, readFields, validateKeyCredentials } from "@x/types";
import type { AuthCredentials } from "./auth-credentials.js";

/**
 * The credentials, read once and checked: a `PusherConfigError` naming `credentials`, `key` or
 * `secret` otherwise (never echoing the secret). Signing uses this copy, so a getter or a Proxy
 * cannot hand the check one secret and the signature another.
 */
export function readAuthCredentials(credentials: unknown): AuthCredentials {
  const fields = readFields(credentials, ["key", "secret", "encryptionMasterKeyBase64"]);
  validateKeyCredentials(fields);
  return fields;
}

/**
 * The named fields of a `params` argument, read once: a `PusherValidationError`
 * (`invalid_params`) when it is not an object or cannot be read (a getter, a Proxy that throws).
 */
export function readAuthParams<K extends string>(params: unknown, keys: readonly K[]): Partial<Record<K, unknown>> {
  const fields = readFields(params, keys);
  if (fields === undefined) {
    throw new PusherValidationError("invalid_params", "params", `params must be an object with ${keys.join(", ")}`);
  }
  return fields;
}
