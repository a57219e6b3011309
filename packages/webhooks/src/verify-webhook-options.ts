import { PusherConfigError } from "@x/types";
import { decodeMasterKey } from "@x/signing";

/** The largest body accepted unless `maxBodyBytes` says otherwise: 1 MiB. */
export const DEFAULT_MAX_WEBHOOK_BODY_BYTES = 1_048_576;

/**
 * How {@link verifyWebhook} and {@link createWebhookHandler} check a webhook.
 *
 * @example
 * ```ts
 * const options: VerifyWebhookOptions = {
 *   maxAgeMs: 10 * 60_000,
 *   encryptionMasterKeyBase64: process.env.PUSHER_ENCRYPTION_MASTER_KEY_BASE64,
 * };
 * ```
 */
export interface VerifyWebhookOptions {
  /**
   * Refuse a webhook whose `time_ms` is more than this many milliseconds before `now`, or after
   * it (a clock far ahead). Pusher retries failed deliveries for up to 5 minutes with the same
   * body, so keep it above that plus the clock skew you expect. Off when unset.
   */
  maxAgeMs?: number;
  /** The clock, in Unix milliseconds; only tests need it. @default Date.now */
  now?: () => number;
  /**
   * Base64 of the 32-byte master key: `client_event` data on `private-encrypted-` channels is
   * then decrypted (PROTOCOL §6). Without it such data stays the encrypted JSON string.
   */
  encryptionMasterKeyBase64?: string;
  /** The largest body accepted, in bytes; a larger one is refused unread. @default 1048576 */
  maxBodyBytes?: number;
}

/** The options checked once, with defaults filled in and the master key decoded. */
export interface ResolvedVerifyOptions {
  maxAgeMs: number | undefined;
  now: () => number;
  masterKey: Uint8Array | undefined;
  maxBodyBytes: number;
}

/**
 * Checks the options and fills in the defaults. Throws a `PusherConfigError` naming the bad
 * option (never echoing the master key).
 */
export function resolveVerifyOptions(options: VerifyWebhookOptions = {}): ResolvedVerifyOptions {
  const { maxAgeMs, now = Date.now, encryptionMasterKeyBase64, maxBodyBytes = DEFAULT_MAX_WEBHOOK_BODY_BYTES } = options;
  if (maxAgeMs !== undefined && !(typeof maxAgeMs === "number" && Number.isFinite(maxAgeMs) && maxAgeMs >= 0)) {
    throw new PusherConfigError("maxAgeMs", "maxAgeMs must be a non-negative number of milliseconds");
  }
  if (typeof now !== "function") {
    throw new PusherConfigError("now", "now must be a function returning Unix milliseconds");
  }
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new PusherConfigError("maxBodyBytes", "maxBodyBytes must be a positive integer");
  }
  const masterKey = encryptionMasterKeyBase64 === undefined ? undefined : decodeMasterKey(encryptionMasterKeyBase64);
  return { maxAgeMs, now, masterKey, maxBodyBytes };
}
