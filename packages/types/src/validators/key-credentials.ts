import { requireOption } from "../errors/require-option.js";
import type { KeyCredentials } from "../config-types.js";
import { readField, readObject } from "./read-fields.js";

/**
 * Checks that `key` and `secret` are non-empty strings. Throws a {@link PusherConfigError}
 * naming the option; the message never echoes the secret. Credentials that are not an object,
 * or that throw when read (a getter, a Proxy), are refused as `credentials`.
 *
 * @example
 * ```ts
 * validateKeyCredentials({ key: "abc", secret: "s3cr3t" }); // ok
 * validateKeyCredentials({ key: "abc", secret: "" });       // throws, option "secret"
 * ```
 */
export function validateKeyCredentials(credentials: unknown): asserts credentials is KeyCredentials {
  const fields = readObject(credentials, readKeyAndSecret);
  requireOption(fields !== undefined, "credentials", "an object with a key and a secret");
  const { key, secret } = fields;
  requireOption(typeof key === "string" && key.length > 0, "key", "a non-empty string (the app key)");
  requireOption(typeof secret === "string" && secret.length > 0, "secret", "a non-empty string (the app secret)");
}

// The two fields, into an object literal: this check runs for every signature.
function readKeyAndSecret(credentials: object): { key: unknown; secret: unknown } {
  return { key: readField(credentials, "key"), secret: readField(credentials, "secret") };
}
