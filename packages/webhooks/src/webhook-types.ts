import type { KeyCredentials } from "@x/types";
import type { WebhookEvent } from "./webhook-events.js";

/**
 * The key/secret pairs whose signatures are accepted: one, or several while keys are rotated.
 * @example const credentials: WebhookCredentials = [{ key: "new-key", secret: secret2 }, { key: "old-key", secret: secret1 }];
 */
export type WebhookCredentials = KeyCredentials | readonly KeyCredentials[];

/**
 * One webhook delivery as received: the raw body and the two Pusher headers (docs/protocol.md §7).
 * @example const delivery: WebhookDelivery = { body: await request.text(), signature: headers.get("x-pusher-signature") };
 */
export interface WebhookDelivery {
  /** The raw body exactly as received: its bytes or their text, never a re-serialised object. */
  body: string | Uint8Array | ArrayBuffer;
  /** The `X-Pusher-Signature` header: lowercase hex HMAC-SHA256 of the body. */
  signature: string | null | undefined;
  /** The `X-Pusher-Key` header, which chooses the secret; without it, every secret is tried. */
  key?: string | null | undefined;
}

/**
 * Turns a `client_event`'s `data` into what the verdict shows; throws when it does not decrypt (`decryption_failed`).
 * Made by {@link createWebhookDecryptor}, or your own (say, one that tries two master keys).
 * @example const decryptor: WebhookDecryptor = (channel, data) => (channel.startsWith("private-encrypted-") ? open(data) : data);
 */
export type WebhookDecryptor = (channelName: string, data: string) => string;

/**
 * How {@link verifyWebhook} and {@link createWebhookHandler} check a webhook.
 * @example const options: VerifyWebhookOptions = { maxAgeMs: 10 * 60_000, decryptor: createWebhookDecryptor(masterKeyBase64) };
 */
export interface VerifyWebhookOptions {
  /**
   * Refuse a webhook whose `time_ms` is further than this from now, before or after: a replay, or a clock far off.
   * Keep it above Pusher's retry period plus your clock skew; `false` accepts any `time_ms`. @default 600000
   */
  maxAgeMs?: number | false;
  /** The clock, in Unix milliseconds; for tests. @default Date.now */
  now?: () => number;
  /** Decrypts `client_event` data (docs/protocol.md §6). @default undefined (encrypted data stays as it came) */
  decryptor?: WebhookDecryptor;
  /** The largest body accepted, in bytes; a larger one is neither hashed nor parsed. @default 1048576 */
  maxBodyBytes?: number;
}

/**
 * One problem found in a webhook. {@link createWebhookHandler} answers `body_too_large` with 413,
 * the signature, key and time codes with 401, the others with 400. `message` is for logs: it never
 * holds a secret, the master key or the expected signature.
 * @example for (const problem of verdict.validationErrors) console.warn(problem.code, problem.message);
 */
export interface WebhookValidationError {
  code:
    | "missing_signature"
    | "invalid_signature"
    | "unknown_key"
    | "outside_time_window"
    | "body_too_large"
    | "invalid_body"
    | "invalid_event"
    | "decryption_failed";
  message: string;
}

/**
 * What {@link verifyWebhook} concludes about one delivery: the events, in body order, and `timeMs`
 * (the body's `time_ms`) when it is valid; every problem found, and nothing of the webhook, when not.
 * @example if (!verdict.isValid) throw new PusherWebhookError(verdict.validationErrors.map((problem) => problem.message));
 */
export type WebhookVerdict =
  | { isValid: true; events: readonly WebhookEvent[]; timeMs: number; validationErrors: readonly [] }
  | { isValid: false; events: readonly []; timeMs: undefined; validationErrors: readonly WebhookValidationError[] };
