// Fuzz of every validator with anything in the position of the value it checks (and of the
// options of validateChannelName): each returns or throws one of the SDK's own errors, never a
// TypeError or RangeError and never what a hostile getter or toJSON threw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isPusherError,
  readFields,
  serializePresenceData,
  serializeUserData,
  utf8ByteLength,
  validateBatchSize,
  validateChannelCount,
  validateChannelName,
  validateEncryptedChannelTrigger,
  validateEventName,
  validateKeyCredentials,
  validateMasterKeyBase64,
  validatePayloadSize,
  validatePresenceData,
  validateQueryParams,
  validateSocketId,
  validateUserData,
  validateUserId,
} from "../src/index.js";
import { hostileData } from "./support/hostile-data.js";

const RUNS = 1_000;
// A limit for a shared, possibly overloaded machine, not a speed requirement.
const FUZZ_TIMEOUT_MS = 600_000;
const anything = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
});
// fast-check inspects what it generates, and some hostile objects cannot be inspected: the
// property receives the index of one and makes it.
const valueArb = fc.oneof(anything.map((value) => () => value), fc.nat({ max: hostileData.length - 1 }).map((index) => hostileData[index]![1]));

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
