import { positiveIntegerOption, readFields, requireOption, validateKeyCredentials, validateMasterKeyBase64 } from "@x/types/internal";
import type { AuthCredentials } from "./auth-credentials.js";
import type { AuthHandlerOptions } from "./auth-handler-options.js";

/** Auth requests are two short fields (plus a few custom params): 8 KiB is plenty. */
const DEFAULT_MAX_BODY_BYTES = 8192;

const OPTION_NAMES = [
  "key",
  "secret",
  "encryptionMasterKeyBase64",
  "onChannelAuthorization",
  "onUserAuthentication",
  "onError",
  "maxBodyBytes",
  "bodyTimeoutMs",
] as const;

/** The checked options of an auth handler, with defaults applied. */
export interface AuthHandlerSettings {
  credentials: AuthCredentials;
  onChannelAuthorization: AuthHandlerOptions["onChannelAuthorization"];
  onUserAuthentication: AuthHandlerOptions["onUserAuthentication"];
  onError: AuthHandlerOptions["onError"];
  maxBodyBytes: number;
  bodyTimeoutMs: number;
}

/**
 * Checks the options of `createAuthHandler` once, when the handler is created, so that a
 * misconfiguration fails at start-up rather than on the first request. Throws a
 * `PusherConfigError` naming the option; no message echoes a secret.
 */
export function resolveAuthHandlerOptions(options: AuthHandlerOptions): AuthHandlerSettings {
  // Read once: what is checked here is what the handler keeps, whatever getters the object has.
  const fields = readFields(options, OPTION_NAMES);
  requireOption(fields !== undefined, "options", "an object with key, secret and a callback");
  const { encryptionMasterKeyBase64, onChannelAuthorization, onUserAuthentication, onError } = fields as Partial<AuthHandlerOptions>;
  validateKeyCredentials(fields);
  if (encryptionMasterKeyBase64 !== undefined) validateMasterKeyBase64(encryptionMasterKeyBase64);
  checkOptionalFunction("onChannelAuthorization", onChannelAuthorization);
  checkOptionalFunction("onUserAuthentication", onUserAuthentication);
  checkOptionalFunction("onError", onError);
  requireOption(
    onChannelAuthorization !== undefined || onUserAuthentication !== undefined,
    "onChannelAuthorization",
    "given, or onUserAuthentication",
  );
  return {
    credentials: { key: fields.key, secret: fields.secret, encryptionMasterKeyBase64 },
    onChannelAuthorization,
    onUserAuthentication,
    onError,
    maxBodyBytes: positiveIntegerOption((fields as Partial<AuthHandlerOptions>).maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, "maxBodyBytes"),
    bodyTimeoutMs: positiveIntegerOption((fields as Partial<AuthHandlerOptions>).bodyTimeoutMs ?? 10_000, "bodyTimeoutMs"),
  };
}

function checkOptionalFunction(option: string, value: unknown): void {
  requireOption(value === undefined || typeof value === "function", option, `a function when given, got ${typeof value}`);
}
