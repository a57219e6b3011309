// Fuzz of every validator with anything in the position of the value it checks (and of the
// options of validateChannelName): each returns or throws one of the SDK's own errors, never a
// TypeError or RangeError and never what a hostile getter or toJSON threw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPusherError } from "../src/index.js";
import { readFields, serializePresenceData, serializeUserData, utf8ByteLength, validateBatchSize, validateChannelCount, validateChannelName, validateEncryptedChannelTrigger, validateEventName, validateKeyCredentials, validateMasterKeyBase64, validatePayloadSize, validatePresenceData, validateQueryParams, validateSocketId, validateUserData, validateUserId } from "../src/internal.js";
import { anyOrHostile, materialize, mutated } from "./support/hostile-values.js";

const RUNS = 1_000;
// A limit for a shared, possibly overloaded machine, not a speed requirement.
const FUZZ_TIMEOUT_MS = 600_000;
// fast-check inspects what it generates, and some hostile objects cannot be inspected: the
// property receives a seed and makes the value from it.
const valueArb = anyOrHostile.map((seed) => () => materialize(seed));

const validators: Record<string, (value: unknown) => unknown> = {
  "validateChannelName(value)": (value) => validateChannelName(value),
  'validateChannelName("private-a", value)': (value) => validateChannelName("private-a", value as never),
  "validateEventName(value)": (value) => validateEventName(value),
  "validateSocketId(value)": (value) => validateSocketId(value),
  "validateUserId(value)": (value) => validateUserId(value),
  "validatePresenceData(value)": (value) => validatePresenceData(value),
  "serializePresenceData(value)": (value) => serializePresenceData(value),
  "validateUserData(value)": (value) => validateUserData(value),
  "serializeUserData(value)": (value) => serializeUserData(value),
  "validateQueryParams(value)": (value) => validateQueryParams(value),
  "validateKeyCredentials(value)": (value) => validateKeyCredentials(value),
  "validateMasterKeyBase64(value)": (value) => validateMasterKeyBase64(value),
  "validatePayloadSize(value, 10)": (value) => validatePayloadSize(value as never, 10),
  "utf8ByteLength(value)": (value) => utf8ByteLength(value as never),
  "validateChannelCount(value, 100)": (value) => validateChannelCount(value as never, 100),
  "validateBatchSize(value, 10)": (value) => validateBatchSize(value as never, 10),
  "validateEncryptedChannelTrigger(value)": (value) => validateEncryptedChannelTrigger(value as never),
  'readFields(value, ["key"])': (value) => readFields(value, ["key"]),
};

describe("the validators under fuzzing", { timeout: FUZZ_TIMEOUT_MS }, () => {
  it.each(Object.keys(validators))(`%s returns or throws only the SDK's errors (${RUNS} values)`, (name) => {
    const validate = validators[name]!;
    fc.assert(
      fc.property(valueArb, (make) => {
        try {
          validate(make());
        } catch (error) {
          expect(isPusherError(error), `threw ${String((error as Error)?.name)}: ${String((error as Error)?.message)}`).toBe(true);
          expect((error as Error).message).not.toContain("boom");
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// Data one mistake away from valid, or anything: whatever the serializers return is the text that
// is signed, and it must pass the checks by its own fields, parsed from the text itself.
const presenceArb = fc.oneof(mutated({ user_id: "42", user_info: { name: "Ada" } }), anyOrHostile).map((seed) => () => materialize(seed));
const userArb = fc.oneof(mutated({ id: "42", user_info: { name: "Ada" }, watchlist: ["7"] }), anyOrHostile).map((seed) => () => materialize(seed));
const isObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Runs `serialize` on {@link RUNS} values from `arb`: each is refused with one of the SDK's errors,
 * or returns a text that `checkText` checks as parsed; a share of them must be texts.
 */
function checkSerialized(arb: fc.Arbitrary<() => unknown>, serialize: (data: unknown) => string, checkText: (parsed: Record<string, unknown>) => void): void {
  let serialized = 0;
  fc.assert(
    fc.property(arb, (make) => {
      let text: string;
      try {
        text = serialize(make());
      } catch (error) {
        expect(isPusherError(error)).toBe(true);
        return;
      }
      serialized++;
      const parsed = JSON.parse(text) as Record<string, unknown>;
      expect(isObject(parsed)).toBe(true);
      if (Object.hasOwn(parsed, "user_info")) expect(isObject(parsed.user_info)).toBe(true);
      checkText(parsed);
    }),
    { numRuns: RUNS },
  );
  expect(serialized).toBeGreaterThan(RUNS / 10);
}

describe("what the serializers return is valid by its own text", { timeout: FUZZ_TIMEOUT_MS }, () => {
  it(`serializePresenceData: a text with an own non-empty user_id and an object user_info, or a refusal (${RUNS} values)`, () => {
    checkSerialized(presenceArb, serializePresenceData, (parsed) => {
      expect(Object.hasOwn(parsed, "user_id")).toBe(true);
      const { user_id: userId } = parsed;
      expect((typeof userId === "string" && userId !== "") || Number.isFinite(userId)).toBe(true);
    });
  });

  it(`serializeUserData: a text with an own valid id and watchlist, or a refusal (${RUNS} values)`, () => {
    checkSerialized(userArb, serializeUserData, (parsed) => {
      expect(Object.hasOwn(parsed, "id")).toBe(true);
      expect(() => validateUserId(parsed.id)).not.toThrow();
      if (Object.hasOwn(parsed, "watchlist")) {
        expect(Array.isArray(parsed.watchlist)).toBe(true);
        for (const watched of parsed.watchlist as unknown[]) expect(() => validateUserId(watched)).not.toThrow();
      }
    });
  });
});
