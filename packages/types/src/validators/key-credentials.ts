import { PusherConfigError } from "../errors/config-error.js";
import type { KeyCredentials } from "../config-types.js";

/**
 * Checks that `key` and `secret` are non-empty strings. Throws a {@link PusherConfigError}
 * naming the option; the message never echoes the secret.
 *
 * @example
 * ```ts
 * validateKeyCredentials({ key: "abc", secret: "s3cr3t" }); // ok
 * validateKeyCredentials({ key: "abc", secret: "" });       // throws, option "secret"
 * ```
 */
export function validateKeyCredentials(credentials: unknown): asserts credentials is KeyCredentials {
  if (typeof credentials !== "object" || credentials === null) {
    throw new PusherConfigError("credentials", "credentials must be an object with a key and a secret");
  }
  const { key, secret } = credentials as Record<string, unknown>;
  if (typeof key !== "string" || key.length === 0) {
    throw new PusherConfigError("key", "key must be a non-empty string (the app key)");
  }
  if (typeof secret !== "string" || secret.length === 0) {
    throw new PusherConfigError("secret", "secret must be a non-empty string (the app secret)");
  }
}
