import { PusherValidationError, readField, readFields, readObject, validateKeyCredentials } from "@x/types";
import type { AuthCredentials } from "./auth-credentials.js";

/**
 * The credentials, read once and checked: a `PusherConfigError` naming `credentials`, `key` or
 * `secret` otherwise (never echoing the secret). Signing uses this copy, so a getter or a Proxy
 * cannot hand the check one secret and the signature another. Read into an object literal, as
 * readFields would read them: this runs for every authorization.
 *
 * @example
 * ```ts
 * const keys = readAuthCredentials({ key: "k", secret: "s" });
 * ```
 */
export function readAuthCredentials(credentials: unknown): AuthCredentials {
  const fields = readObject(credentials, readCredentialFields);
  validateKeyCredentials(fields);
  return fields;
}

function readCredentialFields(credentials: object): Partial<AuthCredentials> {
  return {
    key: readField(credentials, "key") as string | undefined,
    secret: readField(credentials, "secret") as string | undefined,
    encryptionMasterKeyBase64: readField(credentials, "encryptionMasterKeyBase64") as string | undefined,
  };
}

/**
 * The named fields of a `params` argument, read once: a `PusherValidationError`
 * (`invalid_params`) when it is not an object or cannot be read (a getter, a Proxy that throws).
 *
 * @example
 * ```ts
 * const { socketId, userData } = readAuthParams(params, ["socketId", "userData"]);
 * ```
 */
export function readAuthParams<K extends string>(params: unknown, keys: readonly K[]): Partial<Record<K, unknown>> {
  return readFields(params, keys) ?? refuseParams(keys);
}

/**
 * The fields of `authorizeChannel`'s params, read once like {@link readAuthParams} reads them,
 * into an object literal: this runs for every channel authorization.
 *
 * @example
 * ```ts
 * const { socketId, channelName, presenceData } = readChannelAuthorizationParams(params);
 * ```
 */
export function readChannelAuthorizationParams(params: unknown): ChannelAuthorizationFields {
  return readObject(params, readChannelAuthorizationFields) ?? refuseParams(["socketId", "channelName", "presenceData"]);
}

interface ChannelAuthorizationFields {
  socketId: unknown;
  channelName: unknown;
  presenceData: unknown;
}

function readChannelAuthorizationFields(params: object): ChannelAuthorizationFields {
  return { socketId: readField(params, "socketId"), channelName: readField(params, "channelName"), presenceData: readField(params, "presenceData") };
}

function refuseParams(keys: readonly string[]): never {
  throw new PusherValidationError("invalid_params", "params", `params must be an object with ${keys.join(", ")}`);
}
