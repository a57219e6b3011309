import { positiveIntegerOption, readFields, requireOption } from "@x/types/internal";
import type { WebhookDecryptor } from "./webhook-decryptor.js";

/** The largest body accepted unless `maxBodyBytes` says otherwise: 1 MiB. */
export const DEFAULT_MAX_WEBHOOK_BODY_BYTES = 1_048_576;

/**
 * How {@link verifyWebhook} and {@link createWebhookHandler} check a webhook.
 *
 * @example
 * ```ts
 * const options: VerifyWebhookOptions = {
 *   maxAgeMs: 10 * 60_000,
 *   decryptor: createWebhookDecryptor(process.env.PUSHER_ENCRYPTION_MASTER_KEY_BASE64!),
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
   * `createWebhookDecryptor(encryptionMasterKeyBase64)`: `client_event` data on
   * `private-encrypted-` channels is then decrypted (docs/protocol.md §6). Without it such data stays
   * the encrypted JSON string.
   */
  decryptor?: WebhookDecryptor;
  /** The largest body accepted, in bytes; a larger one is refused unread. @default 1048576 */
  maxBodyBytes?: number;
}

/** The options checked once, with defaults filled in. */
export interface ResolvedVerifyOptions {
  maxAgeMs: number | undefined;
  now: () => number;
  decryptor: WebhookDecryptor | undefined;
  maxBodyBytes: number;
}

/**
 * Checks the options and fills in the defaults. Throws a `PusherConfigError` naming the bad
 * option, or `options` when they are not an object (`undefined` means none) or cannot be read.
 */
export function resolveVerifyOptions(options: unknown): ResolvedVerifyOptions {
  const fields = options === undefined ? {} : readFields(options, ["maxAgeMs", "now", "decryptor", "maxBodyBytes"]);
  requireOption(fields !== undefined, "options", "an object when given");
  const { maxAgeMs, now = Date.now, decryptor, maxBodyBytes = DEFAULT_MAX_WEBHOOK_BODY_BYTES } = fields as VerifyWebhookOptions;
  // Number.isFinite is false for anything but a finite number: no type check needed besides it.
  requireOption(maxAgeMs === undefined || (Number.isFinite(maxAgeMs) && maxAgeMs >= 0), "maxAgeMs", "a non-negative number of milliseconds");
  requireOption(typeof now === "function", "now", "a function returning Unix milliseconds");
  requireOption(decryptor === undefined || typeof decryptor === "function", "decryptor", "a function made by createWebhookDecryptor");
  return { maxAgeMs, now, decryptor, maxBodyBytes: positiveIntegerOption(maxBodyBytes, "maxBodyBytes") };
}
