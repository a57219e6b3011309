// Fuzz tests (fast-check): whatever arrives, verifyWebhook and the handler answer without
// throwing, and nothing invalid is ever reported valid. The validity oracle below is written
// from docs/protocol.md §7 with node:crypto, independently of the code under test.
import fc from "fast-check";
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createWebhookDecryptor, createWebhookHandler, verifyWebhook, type VerifyWebhookOptions } from "../src/index.js";
import { anyBodyArb, applyEdit, credentialsArb, editArb, wellFormedBodyArb } from "./support/webhook-arbitraries.js";
import { signBody, utf8 } from "./support/webhook-fixtures.js";

const NOW = 1_700_000_000_000;
const MASTER_KEY_BASE64 = "dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=";

const optionsArb: fc.Arbitrary<VerifyWebhookOptions> = fc.record(
  {
    // Mostly a window wide enough for every generated time_ms, sometimes a narrow one, none, or the default (absent).
    maxAgeMs: fc.oneof(
      { arbitrary: fc.constant(5_000_000_000_000), weight: 3 },
      fc.integer({ min: 1, max: 10 * 365 * 24 * 3600 * 1000 }),
      fc.constant(false as const),
    ),
    now: fc.constant(() => NOW),
    decryptor: fc.constant(createWebhookDecryptor(MASTER_KEY_BASE64)),
    maxBodyBytes: fc.integer({ min: 1, max: 2000 }),
  },
  { requiredKeys: ["now"] },
);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown) => typeof value === "string";
const isUserId = (value: unknown) => isString(value) || (typeof value === "number" && Number.isFinite(value));

/** docs/protocol.md §7's required fields of each known event. */
function eventIsWellFormed(event: unknown): boolean {
  if (!isRecord(event) || !isString(event.name)) return false;
  switch (event.name) {
    case "channel_occupied":
    case "channel_vacated":
    case "cache_miss":
      return isString(event.channel);
    case "member_added":
    case "member_removed":
      return isString(event.channel) && isUserId(event.user_id);
    case "client_event":
      return (
        isString(event.channel) &&
        isString(event.event) &&
        event.data !== undefined &&
        isString(event.socket_id) &&
        (event.user_id === undefined || isUserId(event.user_id))
      );
    case "subscription_count":
      return isString(event.channel) && Number.isSafeInteger(event.subscription_count) && (event.subscription_count as number) >= 0;
    default:
      return event.channel === undefined || isString(event.channel);
  }
}

/** Whether a delivery deserves to be valid, decided from docs/protocol.md §7 alone. */
function deservesValid(
  credentials: { key: string; secret: string }[],
  delivery: { body: Uint8Array; signature: unknown; key: unknown },
  options: VerifyWebhookOptions,
): boolean {
  const { body, signature, key } = delivery;
  if (body.byteLength > (options.maxBodyBytes ?? 1_048_576)) return false;
  const candidates = key === undefined || key === null ? credentials : credentials.filter((pair) => pair.key === key);
  const signed = candidates.some((pair) => createHmac("sha256", pair.secret).update(body).digest("hex") === signature);
  if (!signed) return false;
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    return false;
  }
  if (!isRecord(payload) || typeof payload.time_ms !== "number" || !Array.isArray(payload.events)) return false;
  const maxAgeMs = options.maxAgeMs ?? 600_000;
  if (maxAgeMs !== false && Math.abs(NOW - payload.time_ms) > maxAgeMs) return false;
  // Generated data is never a secretbox under the master key, so an encrypted client event
  // cannot decrypt (docs/protocol.md §6).
  const undecryptable = (event: Record<string, unknown>) =>
    options.decryptor !== undefined && event.name === "client_event" && String(event.channel).startsWith("private-encrypted-");
  return payload.events.every((event) => eventIsWellFormed(event) && !undecryptable(event as Record<string, unknown>));
}

// Deliveries close to valid ones (right key, right signature of the original or the edited body)
// as well as far from them, so that both verdicts occur often.
const deliveryArb = fc
  .record({
    credentials: credentialsArb,
    signerIndex: fc.nat(),
    body: fc.oneof({ arbitrary: wellFormedBodyArb, weight: 2 }, { arbitrary: anyBodyArb, weight: 1 }),
    bodyEdit: fc.option(editArb, { freq: 2 }),
    signatureOf: fc.constantFrom("original body", "edited body", "random"),
    randomSignature: fc.oneof(fc.stringMatching(/^[0-9a-fA-F]{0,66}$/), fc.anything()),
    keyChoice: fc.oneof({ arbitrary: fc.constant("signer"), weight: 3 }, fc.constant("absent"), fc.anything()),
  })
  .map(({ credentials, signerIndex, body, bodyEdit, signatureOf, randomSignature, keyChoice }) => {
    const signer = credentials[signerIndex % credentials.length]!;
    const sent = bodyEdit === null ? body : applyEdit(body, bodyEdit);
    const signature =
      signatureOf === "original body"
        ? signBody(signer.secret, body)
        : signatureOf === "edited body"
          ? signBody(signer.secret, sent)
          : randomSignature;
    const key = keyChoice === "signer" ? signer.key : keyChoice === "absent" ? undefined : keyChoice;
    return { credentials, delivery: { body: utf8(sent), signature, key } };
  });

describe("verifyWebhook under fuzzing", () => {
  it("verifyWebhook(anything as body, signature and key) never throws and always answers a verdict", () => {
    fc.assert(
      fc.property(credentialsArb, fc.anything(), fc.anything(), fc.anything(), optionsArb, (credentials, body, signature, key, options) => {
        const verdict = verifyWebhook(credentials, { body, signature, key } as never, options);
        expect(typeof verdict.isValid).toBe("boolean");
        expect(verdict.isValid).toBe(verdict.validationErrors.length === 0);
      }),
      { numRuns: 300 },
    );
  });

  it("verifyWebhook(near-valid deliveries) is valid exactly when docs/protocol.md §7 says it should be", () => {
    const verdicts = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(deliveryArb, optionsArb, fc.boolean(), ({ credentials, delivery }, options, asText) => {
        const body = asText ? new TextDecoder().decode(delivery.body) : delivery.body;
        const verdict = verifyWebhook(credentials, { ...delivery, body } as never, options);
        // A text body is hashed as UTF-8; decoding invalid UTF-8 above replaced bytes, so compare on what was sent.
        const sentBytes = asText ? utf8(body as string) : delivery.body;
        expect(verdict.isValid).toBe(deservesValid(credentials, { ...delivery, body: sentBytes }, options));
        verdicts[verdict.isValid ? "valid" : "invalid"]++;
      }),
      { numRuns: 600 },
    );
    expect(verdicts.valid).toBeGreaterThan(20);
    expect(verdicts.invalid).toBeGreaterThan(20);
  });
});

describe("createWebhookHandler under fuzzing", () => {
  const methodArb = fc.oneof(
    { arbitrary: fc.constant("POST"), weight: 4 },
    fc.constantFrom("GET", "PUT", "DELETE", "PATCH"),
    fc.stringMatching(/^[A-Z]{1,8}$/),
  );
  const contentTypeArb = fc.oneof(
    { arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8"), weight: 4 },
    fc.constantFrom("text/plain", "", "application/x-www-form-urlencoded"),
    fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
  );

  it("handler(any method, content type, body, signature and key) answers one of its documented statuses", async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(deliveryArb, methodArb, contentTypeArb, async ({ credentials, delivery }, method, contentType) => {
        const called: unknown[] = [];
        const options = { maxBodyBytes: 1000, maxAgeMs: false as const };
        const handler = createWebhookHandler({ credentials, ...options, onEvent: (event) => void called.push(event) });
        const headers = new Headers({ "content-type": contentType });
        if (typeof delivery.signature === "string") headers.set("x-pusher-signature", delivery.signature);
        if (typeof delivery.key === "string") headers.set("x-pusher-key", delivery.key);
        const hasBody = method !== "GET" && method !== "HEAD";
        let request: Request;
        try {
          request = new Request("http://127.0.0.1/webhooks", { method, headers, body: hasBody ? delivery.body : undefined });
        } catch {
          return; // Not a request a server could receive (a header or method the Fetch API refuses).
        }
        const response = await handler(request);
        expect([200, 400, 401, 405, 413, 415]).toContain(response.status);
        const acceptable =
          method === "POST" &&
          contentType.split(";")[0]!.trim().toLowerCase() === "application/json" &&
          deservesValid(
            credentials,
            { body: delivery.body, signature: headers.get("x-pusher-signature"), key: headers.get("x-pusher-key") },
            options,
          );
        expect(response.status === 200).toBe(acceptable);
        if (response.status === 200) accepted++;
        else expect(called).toEqual([]);
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(10);
  });
});
