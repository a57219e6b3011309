// Fuzz of verifyWebhook with arbitrary and hostile values in every argument position (fast-check,
// 20,000 inputs), and valid arguments one mistake away. Whatever it gets, it answers a verdict or
// throws a PusherConfigError (for credentials or options), never a TypeError or RangeError, never
// what a hostile getter threw; neither its errors nor its verdicts carry a secret.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWebhookDecryptor, isPusherConfigError, verifyWebhook } from "../src/index.js";
import { HOSTILE_MESSAGE, anyOrHostile, errorText, materialize, mutated } from "../../types/test/support/hostile-values.js";
import { anyBodyArb, wellFormedBodyArb } from "./support/webhook-arbitraries.js";
import { signBody } from "./support/webhook-fixtures.js";

const RUNS = 20_000;
// A limit for a shared, possibly overloaded machine, not a speed requirement.
const FUZZ_TIMEOUT_MS = 600_000;
const SECRET = "webhook-fuzz-secret-5be1";
const OTHER_SECRET = "webhook-fuzz-secret-rotated-77c0";
const MASTER_KEY = "dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=";
const pair = { key: "fuzz-key", secret: SECRET };
const NOW = 1_700_000_000_000;

const credentialsArb = fc.oneof(
  { arbitrary: fc.constantFrom(pair, [pair, { key: "rotated", secret: OTHER_SECRET }]), weight: 6 },
  mutated(pair),
  fc.array(fc.oneof(fc.constant(pair), mutated(pair)), { maxLength: 3 }),
  anyOrHostile,
);

// Deliveries signed right, signed wrong, or with anything in each field.
const deliveryArb = fc.oneof(
  fc
    .tuple(fc.oneof(wellFormedBodyArb, anyBodyArb), fc.constantFrom("string", "bytes", "buffer"))
    .map(([body, form]) => {
      const bytes = new TextEncoder().encode(body);
      return {
        body: form === "string" ? body : form === "bytes" ? bytes : bytes.buffer,
        signature: signBody(SECRET, body),
        key: pair.key,
      };
    })
    .chain((delivery) => mutated(delivery)),
  fc.record({ body: anyOrHostile, signature: anyOrHostile, key: anyOrHostile }, { requiredKeys: [] }),
  anyOrHostile,
);

const optionsArb = fc.oneof(
  fc.constant(undefined),
  fc.constant({ maxAgeMs: false }),
  fc.record(
    {
      maxAgeMs: fc.oneof(fc.nat(), fc.constant(5_000_000_000_000), fc.constant(false)),
      now: fc.constant(() => NOW),
      decryptor: fc.constant(createWebhookDecryptor(MASTER_KEY)),
      maxBodyBytes: fc.integer({ min: 1, max: 4000 }),
    },
    { requiredKeys: [] },
  ),
  mutated({ maxAgeMs: 600_000, now: () => NOW, maxBodyBytes: 2000 }),
  anyOrHostile,
);

describe("verifyWebhook under hostile fuzzing", { timeout: FUZZ_TIMEOUT_MS }, () => {
  it(`verifyWebhook(any credentials, any delivery, any options) answers a verdict or throws a PusherConfigError (${RUNS} inputs)`, () => {
    const tally = new Map<string, number>();
    const codes = new Map<string, number>();
    fc.assert(
      fc.property(credentialsArb, deliveryArb, optionsArb, (credentialSeeds, deliverySeeds, optionSeeds) => {
        let outcome: string;
        try {
          const verdict = verifyWebhook(
            materialize(credentialSeeds) as never,
            materialize(deliverySeeds) as never,
            materialize(optionSeeds) as never,
          );
          expect(verdict.isValid).toBe(verdict.validationErrors.length === 0);
          const text = JSON.stringify(verdict.validationErrors);
          expect(text).not.toContain(SECRET);
          expect(text).not.toContain(OTHER_SECRET);
          outcome = verdict.isValid ? "valid verdict" : "invalid verdict";
          for (const code of new Set(verdict.validationErrors.map((problem) => problem.code))) codes.set(code, (codes.get(code) ?? 0) + 1);
        } catch (error) {
          expect(isPusherConfigError(error), `threw ${String((error as Error)?.name)}: ${String((error as Error)?.message)}`).toBe(true);
          const text = errorText(error);
          for (const secret of [SECRET, OTHER_SECRET, MASTER_KEY, HOSTILE_MESSAGE]) expect(text).not.toContain(secret);
          outcome = `PusherConfigError ${(error as { option: string }).option}`;
        }
        tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
      }),
      { numRuns: RUNS },
    );
    const rows = [...tally]
      .sort((a, b) => b[1] - a[1])
      .map(([outcome, count]) => (outcome.startsWith("PusherConfigError") ? `${count} threw ${outcome}` : `${count} ${outcome}s`));
    const found = [...codes].sort((a, b) => b[1] - a[1]).map(([code, count]) => `${count} ${code}`);
    console.log(
      `verifyWebhook, ${RUNS} random and hostile deliveries: ${rows.join(", ")}; ` + `what the invalid verdicts named: ${found.join(", ")}`,
    );
    expect(tally.get("valid verdict")).toBeGreaterThan(RUNS / 100);
  });
});
