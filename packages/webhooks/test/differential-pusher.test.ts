// Differential tests: the official Node SDK (pusher@5.3.4, `pusher.webhook(...).isValid()`) is the
// oracle for the signature and key verdict.
import fc from "fast-check";
import Pusher from "pusher";
import { describe, expect, it } from "vitest";
import { verifyWebhook } from "../src/index.js";
import { anyBodyArb, applyEdit, credentialArb, credentialsArb, editArb, wellFormedBodyArb } from "./support/webhook-arbitraries.js";
import { signBody, utf8 } from "./support/webhook-fixtures.js";

type Credentials = { key: string; secret: string }[];
// The official package has no freshness window.
const OFFICIAL = { maxAgeMs: false } as const;

function officialVerdict(credentials: Credentials, delivery: { body: string; signature: string; key: string }): boolean {
  const [primary, ...extra] = credentials as [Credentials[number], ...Credentials];
  const pusher = new Pusher({ appId: "1", key: primary.key, secret: primary.secret, cluster: "mt1" });
  const webhook = pusher.webhook({
    headers: { "content-type": "application/json", "x-pusher-key": delivery.key, "x-pusher-signature": delivery.signature },
    rawBody: delivery.body,
  });
  return webhook.isValid(extra);
}

const tamperArb = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.record({ kind: fc.constant("body" as const), edit: editArb }),
  fc.record({ kind: fc.constant("signature" as const), edit: editArb }),
  fc.record({ kind: fc.constant("signature text" as const), value: fc.string({ maxLength: 70 }) }),
  fc.record({ kind: fc.constant("key" as const), value: fc.string({ maxLength: 16 }) }),
  fc.record({ kind: fc.constant("signing credentials" as const), credential: credentialArb }),
);

describe("verifyWebhook agrees with pusher@5.3.4", () => {
  it("verifyWebhook(...).isValid equals pusher.webhook(...).isValid() on valid and tampered webhooks", () => {
    let validCount = 0;
    fc.assert(
      fc.property(
        credentialsArb,
        fc.nat(),
        wellFormedBodyArb,
        tamperArb,
        fc.boolean(),
        (credentials, signerIndex, originalBody, tamper, asBytes) => {
          const signer = tamper.kind === "signing credentials" ? tamper.credential : credentials[signerIndex % credentials.length]!;
          let body = originalBody;
          let signature = signBody(signer.secret, body);
          let key = signer.key;
          if (tamper.kind === "body") body = applyEdit(body, tamper.edit);
          if (tamper.kind === "signature") signature = applyEdit(signature, tamper.edit);
          if (tamper.kind === "signature text") signature = tamper.value;
          if (tamper.kind === "key") key = tamper.value;

          const ours = verifyWebhook(credentials, { body: asBytes ? utf8(body) : body, signature, key }, OFFICIAL);
          const official = officialVerdict(credentials, { body, signature, key });
          expect(ours.isValid).toBe(official);
          if (ours.isValid) {
            validCount++;
            expect(ours.events).toHaveLength((JSON.parse(body) as { events: unknown[] }).events.length);
          }
        },
      ),
      { numRuns: 400 },
    );
    // The agreement means something only if both verdicts occurred.
    expect(validCount).toBeGreaterThan(20);
    expect(validCount).toBeLessThan(400);
  });

  it("verifyWebhook is valid only where pusher is, and stricter only about the body's shape", () => {
    fc.assert(
      fc.property(credentialsArb, fc.nat(), anyBodyArb, (credentials, signerIndex, body) => {
        const signer = credentials[signerIndex % credentials.length]!;
        const delivery = { body, signature: signBody(signer.secret, body), key: signer.key };
        const ours = verifyWebhook(credentials, delivery, OFFICIAL);
        const official = officialVerdict(credentials, delivery);
        if (ours.isValid) expect(official).toBe(true);
        if (official && !ours.isValid) {
          for (const problem of ours.validationErrors) expect(["invalid_body", "invalid_event"]).toContain(problem.code);
        }
      }),
      { numRuns: 300 },
    );
  });
});
