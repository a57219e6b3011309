import { PusherConfigError, validateKeyCredentials, validateMasterKeyBase64 } from "@x/types";
import type { AuthCredentials } from "./auth-credentials.js";
import type { AuthHandlerOptions } from "./auth-handler-options.js";

/** Auth requests are two short fields (plus a few custom params): 8 KiB is plenty. */
const DEFAULT_MAX_BODY_BYTES = 8192;

/** The checked options of an auth handler, with defaults applied. */
export interface AuthHandlerSettings {
  credentials: AuthCredentials;
  onChannelAuthorization: AuthHandlerOptions["onChannelAuthorization"];
  onUserAuthentication: AuthHandlerOptions["onUserAuthentication"];
  onError: AuthHandlerOptions["onError"];
  maxBodyBytes: number;
}

/**
 * Checks the options of `createAuthHandler` once, when the handler is created, so that a
 * misconfiguration fails at start-up rather than on the first request. Throws a
 * `PusherConfigError` naming the option; no message echoes a secret.
 */
export function resolveAuthHandlerOptions(options: AuthHandlerOptions): AuthHandlerSettings {
  if (typeof options !== "object" || options === null) {
    throw new PusherConfigError("options", "createAuthHandler needs an options object with key, secret and a callback");
  }
  validateKeyCredentials(options);
  const { key, secret, encryptionMasterKeyBase64, onChannelAuthorization, onUserAuthentication, onError } = options;
  if (encryptionMasterKeyBase64 !== undefined) validateMasterKeyBase64(encryptionMasterKeyBase64);
  checkOptionalFunction("onChannelAuthorization", onChannelAuthorization);
  checkOptionalFunction("onUserAuthentication", onUserAuthentication);
  checkOptionalFunction("onError", onError);
  if (onChannelAuthorization === undefined && onUserAuthentication === undefined) {
    throw new PusherConfigError(
      "onChannelAuthorization",
      "createAuthHandler needs onChannelAuthorization, onUserAuthentication or both",
    );
  }
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new PusherConfigError("maxBodyBytes", `maxBodyBytes must be a positive integer, got ${String(maxBodyBytes)}`);
  }
  return {
    credentials: { key, secret, encryptionMasterKeyBase64 },
    onChannelAuthorization,
    onUserAuthentication,
    onError,
    maxBodyBytes,
  };
}

function checkOptionalFunction(option: string, value: unknown): void {
  if (value !== undefined && typeof value !== "function") {
    throw new PusherConfigError(option, `${option} must be a function when given, got ${typeof value}`);
  }
}
