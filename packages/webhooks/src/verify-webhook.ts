import { verifyHmacSignature } from "@x/signing";
import type { KeyCredentials } from "@x/types";
import { readFields, requireOption, utf8ByteLength } from "@x/types/internal";
import type { WebhookEvent } from "./webhook-events.js";
import { checkWebhookTime } from "./check-webhook-time.js";
import { parseWebhookBody } from "./parse-webhook-body.js";
import { parseWebhookEvent } from "./parse-webhook-event.js";
import { resolveWebhookCredentials, secretsForKey, type WebhookCredentials } from "./webhook-credentials.js";
import {
  resolveVerifyOptions,
  type ResolvedVerifyOptions,
  type VerifyWebhookOptions,
} from "./verify-webhook-options.js";
import { refuse, type WebhookValidationError } from "./webhook-validation-error.js";
import type { InvalidWebhookVerdict, WebhookVerdict } from "./webhook-verdict.js";

/**
 * One webhook delivery as received: the raw body and the two Pusher headers (docs/protocol.md §7).
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

// The body as text or bytes; `undefined` for anything that is not a raw body. A Proxy passes for
// a Uint8Array with `instanceof` (and may throw from its traps), so a view must be a real one;
// a detached ArrayBuffer has no bytes to view.
function rawBodyOf(body: unknown): string | Uint8Array | undefined {
  if (typeof body === "string") return body;
  try {
    if (ArrayBuffer.isView(body) && body instanceof Uint8Array) return body;
    if (body instanceof ArrayBuffer) return new Uint8Array(body);
  } catch {
    // Not a raw body.
  }
  return undefined;
}

// The clock's reading: a clock that throws or answers anything but a finite number is a
// misconfiguration, reported as such rather than as whatever it threw.
function nowOf(options: ResolvedVerifyOptions): number {
  let nowMs: unknown;
  try {
    nowMs = options.now();
  } catch {
    // nowMs stays undefined
  }
  requireOption(Number.isFinite(nowMs), "now", "a function returning Unix milliseconds");
  return nowMs as number;
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
  // Read once: a getter or a Proxy cannot show the signature check one body and the parser another.
  const fields = readFields(delivery, ["body", "signature", "key"]);
  if (fields === undefined) {
    return invalid([{ code: "invalid_body", message: "the delivery must be an object { body, signature, key? }" }]);
  }
  const { signature, key } = fields;
  const body = rawBodyOf(fields.body);
  const isRawBody = body !== undefined;
  // Refuse an oversized body before hashing or parsing it: it is the one check that must stay cheap.
  if (isRawBody && (typeof body === "string" ? utf8ByteLength(body) : body.byteLength) > options.maxBodyBytes) {
    return invalid([{ code: "body_too_large", message: `the body is larger than maxBodyBytes (${options.maxBodyBytes})` }]);
  }
  const problems: WebhookValidationError[] = [];
  const secrets = secretsForKey(credentials, key);
  if (secrets.length === 0) refuse(problems, "unknown_key", "no configured key is the X-Pusher-Key");
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
  if (!isRawBody) refuse(problems, "invalid_body", "the body must be the raw body (text or bytes)");
  const envelope = isRawBody ? parseWebhookBody(body, problems) : undefined;
  if (envelope === undefined) return invalid(problems);
  const timeMs = envelope.time_ms;
  const stale = options.maxAgeMs === undefined ? undefined : checkWebhookTime(timeMs, options.maxAgeMs, nowOf(options));
  if (stale !== undefined) problems.push(stale);
  const events: WebhookEvent[] = [];
  envelope.events.forEach((raw, index) => {
    const event = parseWebhookEvent(raw, index, problems, options.decryptor);
    if (event !== undefined) events.push(event);
  });
  return problems.length > 0 ? invalid(problems) : { isValid: true, events, timeMs, validationErrors: [] };
}

/**
 * Verifies and parses one webhook delivery (docs/protocol.md §7): the seed's `ProcessWebHook`. Checks
 * the signature against the raw body in constant time (the secret chosen by the key header,
 * so several keys can be valid while they are rotated), the body's shape, each event's fields,
 * optionally the freshness of `time_ms`, and decrypts encrypted client events when given a
 * `decryptor` (see {@link createWebhookDecryptor}).
 *
 * Never throws on bad input: every problem found is listed in `validationErrors`, and
 * `isValid` is true only when there is none. A webhook older than `maxAgeMs` and one whose
 * encrypted data does not decrypt are invalid too, and so is a `delivery` that is not an object
 * or cannot be read (`invalid_body`). It throws a `PusherConfigError` only for bad `credentials`
 * or `options` (including a `now` that throws or returns no finite number), which are
 * programming errors; it throws nothing else, whatever it is given, and no message carries a
 * secret.
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
