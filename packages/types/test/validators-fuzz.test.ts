// Fuzz of every validator with anything in the position of the value it checks (and of the
// options of validateChannelName). Every value gets a verdict that is checked either way: a value
// that is refused is refused with one of the SDK's own errors (never a TypeError or RangeError, never
// what a hostile getter or toJSON threw), and a value that passes is valid by an oracle written
// independently of the validator.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPusherError } from "../src/index.js";
import {
  readFields,
  serializePresenceData,
  serializeUserData,
  utf8ByteLength,
  validateBatchSize,
  validateChannelCount,
  validateChannelName,
  validateEventName,
  validateKeyCredentials,
  validateMasterKeyBase64,
  validatePayloadSize,
  validateQueryParams,
  validateSocketId,
  validateUserId,
} from "../src/internal.js";
import { anyOrHostile, materialize, mutated } from "./support/hostile-values.js";

const RUNS = 1_000;
// A limit for a shared, possibly overloaded machine, not a speed requirement.
const FUZZ_TIMEOUT_MS = 600_000;
// fast-check inspects what it generates, and some hostile objects cannot be inspected: the
// property receives a seed and makes the value from it.
const valueArb = anyOrHostile.map((seed) => () => materialize(seed));

// The oracles: the rules of docs/protocol.md §4-§5, written out again without the validators' code.
const NAME_CHARACTERS = new Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-=@,.;");
const isName = (value: unknown, max: number) =>
  typeof value === "string" && value.length >= 1 && value.length <= max && [...value].every((character) => NAME_CHARACTERS.has(character));
const isDigits = (part: string | undefined) =>
  part !== undefined && part.length > 0 && [...part].every((character) => character >= "0" && character <= "9");
const isObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);
const isWholeNumberWithin = (value: unknown, max: number) =>
  typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= max;
const RESERVED = ["auth_key", "auth_timestamp", "auth_version", "auth_signature", "body_md5"];

/** Asserts that `text`, what serializePresenceData returned, is a valid presence member by its own fields. */
function expectValidPresenceText(text: unknown): void {
  const parsed = JSON.parse(text as string) as Record<string, unknown>;
  expect(isObject(parsed)).toBe(true);
  expect(Object.hasOwn(parsed, "user_id")).toBe(true);
  const { user_id: userId } = parsed;
  expect((typeof userId === "string" && userId !== "") || Number.isFinite(userId)).toBe(true);
  if (Object.hasOwn(parsed, "user_info")) expect(isObject(parsed.user_info)).toBe(true);
}

/** Asserts that `text`, what serializeUserData returned, is a valid user by its own fields. */
function expectValidUserText(text: unknown): void {
  const parsed = JSON.parse(text as string) as Record<string, unknown>;
  expect(isObject(parsed)).toBe(true);
  expect(Object.hasOwn(parsed, "id") && isName(parsed.id, 200)).toBe(true);
  if (Object.hasOwn(parsed, "user_info")) expect(isObject(parsed.user_info)).toBe(true);
  if (Object.hasOwn(parsed, "watchlist")) {
    expect(Array.isArray(parsed.watchlist) && parsed.watchlist.length <= 100).toBe(true);
    for (const watched of parsed.watchlist as unknown[]) expect(isName(watched, 200)).toBe(true);
  }
}

/** Each validator, and what must hold of a value it let through (`result` is what it returned). */
const validators: Record<string, { run: (value: unknown) => unknown; passed: (value: unknown, result: unknown) => void }> = {
  "validateChannelName(value)": { run: (value) => validateChannelName(value), passed: (value) => expect(isName(value, 164)).toBe(true) },
  'validateChannelName("private-a", value)': {
    run: (value) => validateChannelName("private-a", value as never),
    // No option makes a valid name invalid: whatever the options, this one passes.
    passed: (_, result) => expect(result).toBeUndefined(),
  },
  "validateEventName(value)": {
    run: (value) => validateEventName(value),
    passed: (value) => expect(typeof value === "string" && value.length >= 1 && value.length <= 200).toBe(true),
  },
  "validateSocketId(value)": {
    run: (value) => validateSocketId(value),
    passed: (value) => {
      const parts = typeof value === "string" ? value.split(".") : [];
      expect(parts.length === 2 && isDigits(parts[0]) && isDigits(parts[1])).toBe(true);
    },
  },
  "validateUserId(value)": { run: (value) => validateUserId(value), passed: (value) => expect(isName(value, 200)).toBe(true) },
  "serializePresenceData(value)": { run: (value) => serializePresenceData(value), passed: (_, text) => expectValidPresenceText(text) },
  "serializeUserData(value)": { run: (value) => serializeUserData(value), passed: (_, text) => expectValidUserText(text) },
  "validateQueryParams(value)": {
    run: (value) => validateQueryParams(value),
    passed: (value) => {
      expect(isObject(value)).toBe(true);
      expect(Object.keys(value as object).some((key) => RESERVED.includes(key.toLowerCase()))).toBe(false);
    },
  },
  "validateKeyCredentials(value)": {
    run: (value) => validateKeyCredentials(value),
    passed: (value) => {
      const { key, secret } = value as { key: unknown; secret: unknown };
      expect(typeof key === "string" && key !== "" && typeof secret === "string" && secret !== "").toBe(true);
    },
  },
  "validateMasterKeyBase64(value)": {
    run: (value) => validateMasterKeyBase64(value),
    passed: (value) => expect(typeof value === "string" && value.endsWith("=") && atob(value).length === 32).toBe(true),
  },
  "validatePayloadSize(value, 10)": {
    run: (value) => validatePayloadSize(value as never, 10),
    passed: (value) => expect(typeof value === "string" && Buffer.byteLength(value, "utf8") <= 10).toBe(true),
  },
  "utf8ByteLength(value)": {
    run: (value) => utf8ByteLength(value as never),
    passed: (value, result) => expect(typeof value === "string" && result === Buffer.byteLength(value, "utf8")).toBe(true),
  },
  "validateChannelCount(value, 100)": {
    run: (value) => validateChannelCount(value as never, 100),
    passed: (value) => expect(isWholeNumberWithin(value, 100)).toBe(true),
  },
  "validateBatchSize(value, 10)": {
    run: (value) => validateBatchSize(value as never, 10),
    passed: (value) => expect(isWholeNumberWithin(value, 10)).toBe(true),
  },

  'readFields(value, ["key"])': {
    run: (value) => readFields(value, ["key"]),
    // It never throws: what it cannot read answers undefined, and what it read has the key as its own.
    passed: (value, result) => {
      if (typeof value !== "object" || value === null) expect(result).toBeUndefined();
      if (result !== undefined) expect(Object.hasOwn(result as object, "key")).toBe(true);
    },
  },
};

// A valid channel name with any options, and readFields with anything: neither ever throws.
const NEVER_REFUSED = new Set(['validateChannelName("private-a", value)', 'readFields(value, ["key"])']);

describe("the validators under fuzzing", { timeout: FUZZ_TIMEOUT_MS }, () => {
  it.each(Object.keys(validators))(`%s throws only the SDK's errors, and passes only valid values (${RUNS} values)`, (name) => {
    const { run, passed } = validators[name]!;
    fc.assert(
      fc.property(valueArb, (make) => {
        const value = make();
        let result: unknown;
        try {
          result = run(value);
        } catch (error) {
          expect(isPusherError(error), `threw ${String((error as Error)?.name)}: ${String((error as Error)?.message)}`).toBe(true);
          expect((error as Error).message).not.toContain("boom");
          expect(NEVER_REFUSED.has(name), `${name} refused a value`).toBe(false);
          return;
        }
        passed(value, result);
      }),
      { numRuns: RUNS },
    );
  });
});

// Data one mistake away from valid, or anything: whatever the serializers return is the text that
// is signed, and it must pass the checks by its own fields, parsed from the text itself.
const presenceArb = fc.oneof(mutated({ user_id: "42", user_info: { name: "Ada" } }), anyOrHostile).map((seed) => () => materialize(seed));
const userArb = fc
  .oneof(mutated({ id: "42", user_info: { name: "Ada" }, watchlist: ["7"] }), anyOrHostile)
  .map((seed) => () => materialize(seed));

/**
 * Runs `serialize` on {@link RUNS} values from `arb`: each is refused with one of the SDK's errors,
 * or returns a text that `checkText` checks as parsed; a share of them must be texts.
 */
function checkSerialized(
  arb: fc.Arbitrary<() => unknown>,
  serialize: (data: unknown) => string,
  checkText: (parsed: Record<string, unknown>) => void,
): void {
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
