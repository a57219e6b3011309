import { verifyHmacSignature } from "@x/signing";
import {
  positiveIntegerOption,
  readFields,
  refuseUnknownOptions,
  requireOption,
  utf8ByteLength,
  validateKeyCredentials,
} from "@x/types/internal";
import { attempt, parseWebhookBody, parseWebhookEvents } from "./parse-webhook.js";
import type { VerifyWebhookOptions, WebhookCredentials, WebhookDelivery } from "./webhook-types.js";
import type { WebhookValidationError, WebhookVerdict } from "./webhook-types.js";

/** The names of the {@link VerifyWebhookOptions}, which the handler takes too. */
export const VERIFY_OPTION_KEYS = ["maxAgeMs", "now", "decryptor", "maxBodyBytes"] as const;

/** The default `maxAgeMs`: twice Pusher's retry period (docs/protocol.md §7), so that its last retry passes, clocks off. */
// Pusher's retry period: https://docs.bird.com/pusher/channels/channels/webhooks/channels-webhook-timeouts-and-retries
export const DEFAULT_MAX_AGE_MS = 10 * 60_000;

/** The credentials and options of {@link verifyWebhook}, checked, with the defaults filled in. */
export type Verifier = ReturnType<typeof resolveVerifier>;

/** Checks credentials and options; a `PusherConfigError` names what is wrong, never echoing a secret. */
export function resolveVerifier(credentials: unknown, options: unknown) {
  const pairs = attempt(() => (Array.isArray(credentials) ? [...(credentials as unknown[])] : [credentials])) ?? [];
  requireOption(pairs.length > 0, "credentials", "a { key, secret } pair or a non-empty list of them");
  // Each pair copied, read once: a getter cannot change a secret after it was checked.
  const copies = pairs.map((pair) => {
    const copy = readFields(pair, ["key", "secret"]);
    validateKeyCredentials(copy);
    return copy;
  });
  const fields = options === undefined ? {} : readFields(options, VERIFY_OPTION_KEYS);
  requireOption(fields !== undefined, "options", "an object when given");
  const { maxAgeMs = DEFAULT_MAX_AGE_MS, now = Date.now, decryptor, maxBodyBytes = 1_048_576 } = fields as VerifyWebhookOptions;
  // One way to turn the window off: 0 would refuse every webhook, and Infinity hide that there is no window.
  const validAge = maxAgeMs === false || (Number.isFinite(maxAgeMs) && maxAgeMs > 0);
  requireOption(validAge, "maxAgeMs", "a positive number of milliseconds, or false to accept any time_ms");
  requireOption(typeof now === "function", "now", "a function returning Unix milliseconds");
  const validDecryptor = decryptor === undefined || typeof decryptor === "function";
  requireOption(validDecryptor, "decryptor", "a function made by createWebhookDecryptor");
  return { credentials: copies, maxAgeMs, now, decryptor, maxBodyBytes: positiveIntegerOption(maxBodyBytes, "maxBodyBytes") };
}

function invalid(validationErrors: readonly WebhookValidationError[]): WebhookVerdict {
  return { isValid: false, events: [], timeMs: undefined, validationErrors };
}

// A Proxy passes `instanceof` (and its traps may throw), not `ArrayBuffer.isView`; a detached ArrayBuffer throws.
const rawBodyOf = (body: unknown): string | Uint8Array | undefined =>
  attempt(() => {
    if (typeof body === "string" || (ArrayBuffer.isView(body) && body instanceof Uint8Array)) return body;
    return body instanceof ArrayBuffer ? new Uint8Array(body) : undefined;
  });

/** {@link verifyWebhook} with a checked {@link Verifier}: what the handler calls for each request. */
export function verifyDelivery(verifier: Verifier, delivery: unknown): WebhookVerdict {
  // Read once: a getter cannot show the signature check one body and the parser another.
  const fields = readFields(delivery, ["body", "signature", "key"]);
  if (fields === undefined) {
    return invalid([{ code: "invalid_body", message: "the delivery must be an object { body, signature, key? }" }]);
  }
  const { signature, key } = fields;
  const body = rawBodyOf(fields.body);
  const { credentials, maxBodyBytes, maxAgeMs } = verifier;
  // Before hashing or parsing: the one check that must stay cheap.
  if (body !== undefined && (typeof body === "string" ? utf8ByteLength(body) : body.byteLength) > maxBodyBytes) {
    return invalid([{ code: "body_too_large", message: `the body is larger than maxBodyBytes (${maxBodyBytes})` }]);
  }
  const problems: WebhookValidationError[] = [];
  // Without a key header, any secret may have signed it, as the .NET library's ProcessWebHook(signature, body) allows.
  const pairs = key === undefined || key === null ? credentials : credentials.filter((pair) => pair.key === key);
  if (pairs.length === 0) problems.push({ code: "unknown_key", message: "no configured key is the X-Pusher-Key" });
  if (typeof signature !== "string" || signature === "") {
    problems.push({ code: "missing_signature", message: "the X-Pusher-Signature header is missing or empty" });
  } else if (body !== undefined && pairs.length > 0) {
    // Every candidate is checked, each in constant time: which secret matched does not show.
    const matches = pairs.map((pair) => verifyHmacSignature(pair.secret, body, signature));
    if (!matches.includes(true)) {
      problems.push({ code: "invalid_signature", message: "the X-Pusher-Signature header does not match the body" });
    }
  }
  if (body === undefined) problems.push({ code: "invalid_body", message: "the body must be the raw body (text or bytes)" });
  const envelope = body === undefined ? undefined : parseWebhookBody(body, problems);
  if (envelope === undefined) return invalid(problems);
  if (maxAgeMs !== false) {
    const nowMs = attempt(verifier.now);
    requireOption(Number.isFinite(nowMs), "now", "a function returning Unix milliseconds");
    const ageMs = (nowMs as number) - envelope.timeMs;
    if (Math.abs(ageMs) > maxAgeMs) {
      const age = ageMs > 0 ? ` is ${ageMs} ms old` : `'s time_ms is ${-ageMs} ms in the future`;
      problems.push({ code: "outside_time_window", message: `the webhook${age}; maxAgeMs allows ${maxAgeMs} ms` });
    }
  }
  const events = parseWebhookEvents(envelope.events, problems, verifier.decryptor);
  return problems.length > 0 ? invalid(problems) : { isValid: true, events, timeMs: envelope.timeMs, validationErrors: [] };
}

/**
 * Verifies and parses one webhook delivery (docs/protocol.md §7), as the .NET `PusherServer` library's
 * `ProcessWebHook` does: the signature over the raw body, in constant time, under the secret the key
 * header chooses (keys can be rotated); the body and each event; `time_ms` against `maxAgeMs`; encrypted
 * client events, given a `decryptor`. Never throws on bad input: every problem is in `validationErrors`.
 * Bad `credentials` or `options` throw a `PusherConfigError` naming the option.
 * @example
 * ```ts
 * const delivery = { body: rawBody, signature: headers["x-pusher-signature"], key: headers["x-pusher-key"] };
 * const verdict = verifyWebhook({ key: "app-key", secret: "app-secret" }, delivery, { maxAgeMs: 10 * 60_000 });
 * if (verdict.isValid) for (const event of verdict.events) console.log(event.name, event.channel);
 * ```
 */
export function verifyWebhook(credentials: WebhookCredentials, delivery: WebhookDelivery, options?: VerifyWebhookOptions): WebhookVerdict {
  refuseUnknownOptions(options, VERIFY_OPTION_KEYS);
  return verifyDelivery(resolveVerifier(credentials, options), delivery);
}
