import { describe, expect, it } from "vitest";
import { AssertionError, assertDeepEqual, assertEqual, assertRejects, assertThrows, assertTrue } from "../harness/assert.mjs";
import { formatSummary, runCases } from "../harness/run-cases.mjs";

// The harness decides what every runtime reports: its assertions must fail when they should.
describe("harness assertions", () => {
  it("assertEqual passes on identical values and throws an AssertionError naming both otherwise", () => {
    expect(() => assertEqual("a", "a", "letter")).not.toThrow();
    expect(() => assertEqual(1, "1", "number")).toThrow(new AssertionError('number: expected "1", got 1'));
  });

  it("assertDeepEqual compares objects, arrays and byte arrays by content", () => {
    expect(() => assertDeepEqual({ a: [1, new Uint8Array([2])] }, { a: [1, new Uint8Array([2])] }, "same")).not.toThrow();
    expect(() => assertDeepEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]), "bytes")).toThrow(AssertionError);
    expect(() => assertDeepEqual({ a: 1 }, { a: 1, b: undefined }, "extra key")).toThrow(AssertionError);
    expect(() => assertDeepEqual([1], { 0: 1 }, "array and object")).toThrow(AssertionError);
    expect(() => assertDeepEqual(new Uint8Array([1]), [1], "bytes and array")).toThrow(AssertionError);
  });

  it("assertTrue throws for false and for a truthy non-boolean", () => {
    expect(() => assertTrue(true, "ok")).not.toThrow();
    expect(() => assertTrue(false, "flag")).toThrow("flag: expected true, got false");
    expect(() => assertTrue(1 as unknown as boolean, "one")).toThrow(AssertionError);
  });

  it("assertThrows returns the matching error and throws when nothing or something else is thrown", () => {
    const error = Object.assign(new Error("bad"), { code: "invalid_params" });
    expect(
      assertThrows(
        () => {
          throw error;
        },
        { name: "Error", code: "invalid_params" },
        "call",
      ),
    ).toBe(error);
    expect(() => assertThrows(() => undefined, {}, "quiet call")).toThrow("quiet call: expected an error, nothing was thrown");
    expect(() =>
      assertThrows(
        () => {
          throw error;
        },
        { code: "reserved_param" },
        "call",
      ),
    ).toThrow('call: error code: expected "reserved_param", got "invalid_params"');
    const throwText = () => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- a case may throw a non-error; the harness must say so
      throw "text";
    };
    expect(() => assertThrows(throwText, {}, "call")).toThrow('call: expected an Error, got "text"');
  });

  it("assertRejects returns the rejection and throws when the promise resolves", async () => {
    const error = new TypeError("nope");
    await expect(assertRejects(() => Promise.reject(error), { name: "TypeError" }, "call")).resolves.toBe(error);
    await expect(assertRejects(() => Promise.resolve(1), {}, "call")).rejects.toThrow("call: expected a rejection, the promise resolved");
  });
});

describe("runCases", () => {
  it("reports a throwing case as failed with its error and still runs the cases after it", async () => {
    const ran: string[] = [];
    const report = await runCases(
      [
        {
          suite: "demo.mjs",
          cases: [
            {
              name: "fails",
              run: () => {
                ran.push("fails");
                throw new AssertionError("boom");
              },
            },
            {
              name: "passes",
              run: () =>
                Promise.resolve().then(() => {
                  ran.push("passes");
                }),
            },
          ],
        },
      ],
      { runtime: "test-host", expectedCrypto: "native" },
    );
    expect(ran).toEqual(["fails", "passes"]);
    expect(report).toEqual({
      runtime: "test-host",
      version: `node ${process.versions.node}`,
      passed: 1,
      failed: 1,
      results: [
        { suite: "demo.mjs", name: "fails", passed: false, error: "AssertionError: boom" },
        { suite: "demo.mjs", name: "passes", passed: true },
      ],
    });
    expect(formatSummary(report)).toBe(
      `test-host (node ${process.versions.node}): 1 passed, 1 failed\n  ✗ demo.mjs › fails: AssertionError: boom`,
    );
  });
});
