import { PusherValidationError } from "@x/types";
import { readField, readObject, validateKeyCredentials } from "@x/types/internal";
import type { AuthCredentials } from "./auth-credentials.js";

/**
 * The credentials, read once and checked: a `PusherConfigError` naming `credentials`, `key` or
 * `secret` otherwise (never echoing the secret). Signing uses this copy, so a getter or a Proxy
 * cannot hand the check one secret and the signature another. Read into an object literal (readField
 * of each): this runs for every authorization.
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
 * The fields of `authorizeChannel`'s params, read once into an object literal (this runs for
 * every channel authorization): a `PusherValidationError` (`invalid_params`) when `params` is not
 * an object or cannot be read (a getter, a Proxy that throws).
 *
 * @example
 * ```ts
 * const { socketId, channelName, presenceData } = readChannelAuthorizationParams(params);
 * ```
 */
export function readChannelAuthorizationParams(params: unknown): ChannelAuthorizationFields {
  return readObject(params, readChannelAuthorizationFields) ?? refuseParams("socketId, channelName, presenceData");
}

/**
 * The fields of `authenticateUser`'s params, read once as {@link readChannelAuthorizationParams}
 * reads its own.
 *
 * @example
 * ```ts
 * const { socketId, userData } = readUserAuthenticationParams(params);
 * ```
 */
export function readUserAuthenticationParams(params: unknown): UserAuthenticationFields {
  return readObject(params, readUserAuthenticationFields) ?? refuseParams("socketId, userData");
}

interface ChannelAuthorizationFields {
  socketId: unknown;
  channelName: unknown;
  presenceData: unknown;
}

interface UserAuthenticationFields {
  socketId: unknown;
  userData: unknown;
}

function readChannelAuthorizationFields(params: object): ChannelAuthorizationFields {
  return { socketId: readField(params, "socketId"), channelName: readField(params, "channelName"), presenceData: readField(params, "presenceData") };
}

function readUserAuthenticationFields(params: object): UserAuthenticationFields {
  return { socketId: readField(params, "socketId"), userData: readField(params, "userData") };
}

function refuseParams(fields: string): never {
  throw new PusherValidationError("invalid_params", "params", `params must be an object with ${fields}`);
}
