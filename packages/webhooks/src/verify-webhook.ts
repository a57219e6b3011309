import { verifyHmacSignature } from "@x/signing";
import { utf8ByteLength, type KeyCredentials, type WebhookEvent } from "@x/types";
import { checkWebhookTime } from "./check-webhook-time.js";
import { decryptClientEvent } from "./decrypt-client-event.js";
import { isKnownWebhookEvent } from "./known-webhook-event.js";
import { parseWebhookBody } from "./parse-webhook-body.js";
import { parseWebhookEvent } from "./parse-webhook-event.js";
import { resolveWebhookCredentials, secretsForKey, type WebhookCredentials } from "./webhook-credentials.js";
import { resolveVerifyOptions, type ResolvedVerifyOptions, type VerifyWebhookOptions } from "./verify-webhook-options.js";
import type { Checked, WebhookValidationError } from "./webhook-validation-error.js";
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

function rawBodyOf(body: unknown): string | Uint8Array | undefined {
  if (typeof body === "string" || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return undefined;
}

function byteLength(body: string | Uint8Array): number {
  return typeof body === "string" ? utf8ByteLength(body) : body.byteLength;
}

/** The signature problems of a delivery; every candidate secret is checked, in constant time. */
function signatureProblems(
  credentials: readonly KeyCredentials[],
  delivery: WebhookDelivery,
  body: string | Uint8Array | undefined,
): WebhookValidationError[] {
  const problems: WebhookValidationError[] = [];
  const secrets = secretsForKey(credentials, delivery.key);
  if (secrets.length === 0) {
    problems.push({ code: "unknown_key", message: "the X-Pusher-Key header names none of the configured keys" });
  }
  const { signature } = delivery;
  if (typeof signature !== "string" || signature.length === 0) {
    problems.push({ code: "missing_signature", message: "the X-Pusher-Signature header is missing or empty" });
  } else if (body !== undefined && secrets.length > 0) {
    const matches = secrets.map((secret) => verifyHmacSignature(secret, body, signature));
    if (!matches.includes(true)) {
      problems.push({ code: "invalid_signature", message: "the X-Pusher-Signature header does not match the body" });
    }
  }
  return problems;
}

/** Parses one event and, with a master key, decrypts it if it is an encrypted client event. */
function parseEvent(raw: unknown, index: number, masterKey: Uint8Array | undefined): Checked<WebhookEvent> {
  const parsed = parseWebhookEvent(raw, index);
  if (!parsed.ok || masterKey === undefined) return parsed;
  const event = parsed.value;
  if (!isKnownWebhookEvent(event) || event.name !== "client_event") return parsed;
  return decryptClientEvent(event, masterKey, index);
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
  const body = rawBodyOf(delivery.body);
  // Refuse an oversized body before hashing or parsing it: it is the one check that must stay cheap.
  if (body !== undefined && byteLength(body) > options.maxBodyBytes) {
    return invalid([{ code: "body_too_large", message: `the body is larger than maxBodyBytes (${options.maxBodyBytes})` }]);
  }
  const problems = signatureProblems(credentials, delivery, body);
  if (body === undefined) {
    problems.push({ code: "invalid_body", message: "the body must be the raw request body: a string or bytes" });
    return invalid(problems);
  }
  const envelope = parseWebhookBody(body);
  if (!envelope.ok) return invalid([...problems, envelope.problem]);
  const { timeMs, rawEvents } = envelope.value;
  if (options.maxAgeMs !== undefined) {
    const stale = checkWebhookTime(timeMs, options.maxAgeMs, options.now());
    if (stale !== undefined) problems.push(stale);
  }
  const events: WebhookEvent[] = [];
  rawEvents.forEach((raw, index) => {
    const event = parseEvent(raw, index, options.masterKey);
    if (event.ok) events.push(event.value);
    else problems.push(event.problem);
  });
  if (problems.length > 0) return invalid(problems);
  return { isValid: true, events, timeMs, validationErrors: [] };
}

/**
 * Verifies and parses one webhook delivery (PROTOCOL §7): the seed's `ProcessWebHook`. Checks
 * the signature against the raw body in constant time (the secret chosen by the key header,
 * so several keys can be valid while they are rotated), the body's shape, each event's fields,
 * optionally the freshness of `time_ms`, and decrypts encrypted client events when given the
 * master key.
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
