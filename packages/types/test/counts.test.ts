import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_BATCH_SIZE, DEFAULT_MAX_CHANNELS_PER_TRIGGER, validateBatchSize, validateChannelCount } from "../src/internal.js";
import { expectValidationError } from "./support/expect-error.js";

describe("validateChannelCount(count, max, field?)", () => {
  it("accepts 1 to 100 channels by default limit", () => {
    expect(DEFAULT_MAX_CHANNELS_PER_TRIGGER).toBe(100);
    expect(() => validateChannelCount(1, DEFAULT_MAX_CHANNELS_PER_TRIGGER)).not.toThrow();
    expect(() => validateChannelCount(100, DEFAULT_MAX_CHANNELS_PER_TRIGGER)).not.toThrow();
  });

  it.each([
    [101, "got 101"],
    [0, "got 0"],
  ])("rejects %d channels with too_many_channels", (count, got) => {
    expectValidationError(
      () => validateChannelCount(count, DEFAULT_MAX_CHANNELS_PER_TRIGGER),
      "too_many_channels",
      "channels",
      `channels must name 1 to 100 channels, ${got}`,
    );
  });

  it("uses the given limit and field", () => {
    expectValidationError(() => validateChannelCount(3, 2, "to"), "too_many_channels", "to", "to must name 1 to 2 channels, got 3");
  });
});

describe("validateBatchSize(count, max, field?)", () => {
  it("accepts 1 to 10 events by default limit", () => {
    expect(DEFAULT_MAX_BATCH_SIZE).toBe(10);
    expect(() => validateBatchSize(1, DEFAULT_MAX_BATCH_SIZE)).not.toThrow();
    expect(() => validateBatchSize(10, DEFAULT_MAX_BATCH_SIZE)).not.toThrow();
    expect(() => validateBatchSize(100, 100)).not.toThrow();
  });

  it.each([
    [11, "got 11"],
    [0, "got 0"],
  ])("rejects %d events with batch_too_large", (count, got) => {
    expectValidationError(
      () => validateBatchSize(count, DEFAULT_MAX_BATCH_SIZE),
      "batch_too_large",
      "events",
      `events must hold 1 to 10 events, ${got}`,
    );
  });

  it("uses the given field", () => {
    expectValidationError(() => validateBatchSize(0, 10, "batch"), "batch_too_large", "batch", "batch must hold");
  });
});

describe("validateChannelCount and validateBatchSize with counts that are not whole numbers", () => {
  it.each([
    ["NaN", Number.NaN, "got NaN"],
    ["1.5", 1.5, "got 1.5"],
    ["a BigInt", 1n, "got bigint"],
    ["a symbol", Symbol("one"), "got symbol"],
    ["an object with valueOf", { valueOf: (): number => 1 }, "got object"],
    ["null", null, "got object"],
  ])("rejects %s without converting it", (_, count, got) => {
    expectValidationError(() => validateChannelCount(count as never, 100), "too_many_channels", "channels", got);
    expectValidationError(() => validateBatchSize(count as never, 10), "batch_too_large", "events", got);
  });
});
