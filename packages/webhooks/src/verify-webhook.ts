import { verifyHmacSignature } from "@x/signing";
import { utf8ByteLength, type KeyCredentials, type WebhookEvent } from "@x/types";
import { checkWebhookTime } from "./check-webhook-time.js";
import { parseWebhookBody } from "./parse-webhook-body.js";
import { parseWebhookEvent } from "./parse-webhook-event.js";
import { resolveWebhookCredentials, secretsForKey, type WebhookCredentials } from "./webhook-credentials.js";
import { resolveVerifyOptions, type ResolvedVerifyOptions, type VerifyWebhookOptions } from "./verify-webhook-options.js";
import { refuse, type WebhookValidationError } from "./webhook-validation-error.js";
import type { InvalidWebhookVerdict, WebhookVerdict } from "./webhook-verdict.js";

/**
 * One webhook delivery as received: the raw body and the two Pusher headers (PROTOCOL §7).
 *
 * @example
 * ```ts
 * const delivery: WebhookDelivery = {
 *   body: new Uint8Array(await request.arrayBuffer()),
 *   signature: request.headers.get("x-pusher-signature"),
 *   key: request.headers.get("x-pusher-key"),
 * };
 * ```
 */
export interface WebhookDelivery {
  /** The raw body exactly as received: its bytes or their text, never a re-serialised object. */
  body: string | Uint8Array | ArrayBuffer;
  /** The `X-Pusher-Signature` header: lowercase hex HMAC-SHA256 of the body. */
  signature: string | null | undefined;
  /**
   * The `X-Pusher-Key` header: the key whose secret signed the body. When absent, every
   * configured secret is tried, as the seed's `ProcessWebHook(signature, body)` does.
   */
  key?: string | null | undefined;
}

function invalid(validationErrors: readonly WebhookValidationError[]): InvalidWebhookVerdict {
  return { isValid: false, events: [], timeMs: undefined, validationErrors };
}

/**
 * {@link verifyWebhook} with credentials and options already checked: what the handler calls
 * for each request.
 */
export function verifyResolvedWebhook(
  credentials: readonly KeyCredentials[],
  options: ResolvedVerifyOptions,
  delivery: WebhookDelivery,
): WebhookVerdict {
  const { signature } = delivery;
  const body = delivery.body instanceof ArrayBuffer ? new Uint8Array(delivery.body) : delivery.body;
  const isRawBody = typeof body === "string" || body instanceof Uint8Array;
  // Refuse an oversized body before hashing or parsing it: it is the one check that must stay cheap.
  if (isRawBody && (typeof body === "string" ? utf8ByteLength(body) : body.byteLength) > options.maxBodyBytes) {
    return invalid([{ code: "body_too_large", message: `the body is larger than maxBodyBytes (${options.maxBodyBytes})` }]);
  }
  const problems: WebhookValidationError[] = [];
  const secrets = secretsForKey(credentials, delivery.key);
  if (secrets.length === 0) refuse(problems, "unknown_key", "the X-Pusher-Key header names none of the configured keys");
  if (typeof signature !== "string" || signature === "") {
    refuse(problems, "missing_signature", "the X-Pusher-Signature header is missing or empty");
  } else if (
    isRawBody &&
    secrets.length > 0 &&
    // Every candidate secret is checked, each in constant time: which one matched does not show.
    !secrets.map((secret) => verifyHmacSignature(secret, body, signature)).includes(true)
  ) {
    refuse(problems, "invalid_signature", "the X-Pusher-Signature header does not match the body");
  }
  if (!isRawBody) refuse(problems, "invalid_body", "the body must be the raw request body: a string or bytes");
  const envelope = isRawBody ? parseWebhookBody(body, problems) : undefined;
  if (envelope === undefined) return invalid(problems);
  const timeMs = envelope.time_ms;
  const stale = options.maxAgeMs === undefined ? undefined : checkWebhookTime(timeMs, options.maxAgeMs, options.now());
  if (stale !== undefined) problems.push(stale);
  const events: WebhookEvent[] = [];
  envelope.events.forEach((raw, index) => {
    const event = parseWebhookEvent(raw, index, problems, options.decryptor);
    if (event !== undefined) events.push(event);
  });
  return problems.length > 0 ? invalid(problems) : { isValid: true, events, timeMs, validationErrors: [] };
}

/**
 * Verifies and parses one webhook delivery (PROTOCOL §7): the seed's `ProcessWebHook`. Checks
 * the signature against the raw body in constant time (the secret chosen by the key header,
 * so several keys can be valid while they are rotated), the body's shape, each event's fields,
 * optionally the freshness of `time_ms`, and decrypts encrypted client events when given a
 * `decryptor` (see {@link createWebhookDecryptor}).
 *
 * Never throws on bad input: every problem found is listed in `validationErrors`, and
 * `isValid` is true only when there is none. A webhook older than `maxAgeMs` and one whose
 * encrypted data does not decrypt are invalid too. It throws a `PusherConfigError` only for bad
 * `credentials` or `options`, which are programming errors.
 *
 * @example
 * ```ts
 * const verdict = verifyWebhook({ key: "app-key", secret: "app-secret" }, {
 *   body: rawBody,
 *   signature: headers["x-pusher-signature"],
 *   key: headers["x-pusher-key"],
 * }, { maxAgeMs: 10 * 60_000 });
 * if (verdict.isValid) {
 *   for (const event of verdict.events) console.log(event.name, event.channel);
 * } else {
 *   console.warn(verdict.validationErrors.map((problem) => problem.message).join("; "));
 * }
 * ```
 */
export function verifyWebhook(
  credentials: WebhookCredentials,
  delivery: WebhookDelivery,
  options?: VerifyWebhookOptions,
): WebhookVerdict {
  return verifyResolvedWebhook(resolveWebhookCredentials(credentials), resolveVerifyOptions(options), delivery);
}
