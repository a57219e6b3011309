import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serializePresenceData } from "../src/internal.js";
import { UNSERIALIZABLE_FACTORIES } from "./support/hostile-values.js";
import { expectValidationError } from "./support/expect-error.js";

describe("serializePresenceData(data, field?): the checks", () => {
  it.each([
    { user_id: "1" },
    { user_id: "ada", user_info: { name: "Ada", tags: ["x"] } },
    { user_id: 10 },
    { user_id: 0 },
    { user_id: "u", user_info: {} },
    { user_id: "u", user_info: undefined },
  ])("accepts %j", (data) => {
    expect(() => serializePresenceData(data)).not.toThrow();
  });

  it.each([
    [null, "null"],
    [undefined, "undefined"],
    ["42", '"42"'],
    [[{ user_id: "1" }], "object"],
  ])("rejects %j, which is not an object", (data, described) => {
    expectValidationError(
      () => serializePresenceData(data),
      "invalid_presence_data",
      "presenceData",
      `presenceData must be an object with a user_id, got ${described}`,
    );
  });

  it.each([
    [{}, "undefined"],
    [{ user_id: "" }, '""'],
    // A number with no JSON form (it would be sent as null).
    [{ user_id: Number.NaN }, "number"],
    [{ user_id: Number.POSITIVE_INFINITY }, "number"],
    [{ user_id: { id: 1 } }, "object"],
    [{ user_id: null }, "null"],
    [{ userId: "1" }, "undefined"],
  ])("rejects %j for its user_id", (data, described) => {
    expectValidationError(
      () => serializePresenceData(data),
      "invalid_presence_data",
      "presenceData.user_id",
      `presenceData.user_id must be a non-empty string (or a finite number), got ${described}`,
    );
  });

  it.each([null, [], "info", 1])("rejects the user_info %j", (userInfo) => {
    expectValidationError(
      () => serializePresenceData({ user_id: "1", user_info: userInfo }),
      "invalid_presence_data",
      "presenceData.user_info",
      "presenceData.user_info must be an object when given",
    );
  });

  it("names the given field", () => {
    expectValidationError(() => serializePresenceData({}, "member"), "invalid_presence_data", "member.user_id", "member.user_id must be");
  });
});

describe("serializePresenceData(data, field?)", () => {
  it("returns exactly JSON.stringify(data), the channel_data to sign", () => {
    const data = { user_id: 10, user_info: { name: "Mr. Channels" }, extra: [1, "two"] };
    expect(serializePresenceData(data)).toBe(JSON.stringify(data));
  });

  it.each(UNSERIALIZABLE_FACTORIES)("throws invalid_presence_data on presenceData for %s, not what serializing threw", (_, make) => {
    const error = expectValidationError(
      () => serializePresenceData({ user_id: "1", user_info: { nested: make() } }),
      "invalid_presence_data",
      "presenceData",
      "presenceData cannot be serialized as JSON",
    );
    expect(error.message).not.toContain("boom");
  });

  it("throws invalid_presence_data for data whose own getter throws, and for a Proxy whose traps throw", () => {
    const getter = Object.defineProperty({}, "user_id", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("boom");
        },
      },
    );
    for (const data of [getter, proxy]) {
      expectValidationError(() => serializePresenceData(data), "invalid_presence_data", "presenceData", "cannot be serialized");
    }
  });

  it("checks the JSON text rather than the object: a toJSON that drops user_id is refused", () => {
    const data = { user_id: "1", toJSON: () => ({ user_info: {} }) };
    expectValidationError(() => serializePresenceData(data), "invalid_presence_data", "presenceData.user_id", "got undefined");
  });

  it("checks the JSON text rather than the object: a getter cannot show one user_id to the check and sign another", () => {
    let reads = 0;
    const data = Object.defineProperty({}, "user_id", { enumerable: true, get: () => (reads++ === 0 ? "ada" : "") });
    // Whatever the getter answers on each read, the one text produced is the one checked.
    const outcome = (() => {
      try {
        return serializePresenceData(data);
      } catch (error) {
        return error;
      }
    })();
    expect(outcome).toBe('{"user_id":"ada"}');
    expect(reads).toBe(1);
  });

  it("checks each property once: a Proxy answering user_id differently on each read signs the user_id it was checked with", () => {
    let reads = 0;
    const data = new Proxy(
      { user_id: "" },
      { get: (target, name) => (name === "user_id" ? (reads++ === 0 ? "ada" : "") : (Reflect.get(target, name) as unknown)) },
    );
    expect(serializePresenceData(data)).toBe('{"user_id":"ada"}');
    expect(reads).toBe(1);
  });

  it("checks each property once in user_info too: a getter turning it into a string is read once", () => {
    let reads = 0;
    const data = Object.defineProperty({ user_id: "1" }, "user_info", {
      enumerable: true,
      get: () => (reads++ === 0 ? { name: "Ada" } : "not an object"),
    });
    expect(serializePresenceData(data)).toBe('{"user_id":"1","user_info":{"name":"Ada"}}');
    expect(reads).toBe(1);
  });

  it("refuses a user_id that JSON leaves out: not enumerable, or a symbol key", () => {
    const hidden = Object.defineProperty({ user_info: {} }, "user_id", { enumerable: false, value: "1" });
    expectValidationError(() => serializePresenceData(hidden), "invalid_presence_data", "presenceData.user_id", "got undefined");
    const symbol = { [Symbol("user_id")]: "1" };
    expectValidationError(() => serializePresenceData(symbol), "invalid_presence_data", "presenceData.user_id", "got undefined");
  });

  it("refuses a user_info whose toJSON answers a string, and accepts one whose toJSON answers an object", () => {
    expectValidationError(
      () => serializePresenceData({ user_id: "1", user_info: { toJSON: () => "text" } }),
      "invalid_presence_data",
      "presenceData.user_info",
      "must be an object when given",
    );
    expect(serializePresenceData({ user_id: "1", user_info: { toJSON: () => ({ a: 1 }) } })).toBe('{"user_id":"1","user_info":{"a":1}}');
  });

  it("takes an own toJSON that is not a function for data, as JSON.stringify does, on the fast path and inside user_info", () => {
    expect(serializePresenceData({ user_id: "1", toJSON: 5 })).toBe('{"user_id":"1","toJSON":5}');
    expect(serializePresenceData({ user_id: "1", user_info: { toJSON: "x" } })).toBe('{"user_id":"1","user_info":{"toJSON":"x"}}');
    expectValidationError(() => serializePresenceData({ toJSON: "1" }), "invalid_presence_data", "presenceData.user_id", "got undefined");
  });

  it("serializes a null-prototype object and a class instance as JSON.stringify does", () => {
    const bare = Object.assign(Object.create(null) as object, {
      user_id: "1",
      user_info: Object.assign(Object.create(null) as object, { a: 1 }),
    });
    expect(serializePresenceData(bare)).toBe(JSON.stringify(bare));
    class Member {
      user_id = "7";
      user_info = { name: "Ada" };
    }
    expect(serializePresenceData(new Member())).toBe(JSON.stringify(new Member()));
  });

  it("returns JSON.stringify(data) for any object with a valid user_id and object user_info", () => {
    const member = fc.record(
      {
        user_id: fc.oneof(fc.string({ minLength: 1 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
        user_info: fc.dictionary(fc.string(), fc.jsonValue()),
        extra: fc.jsonValue(),
      },
      { requiredKeys: ["user_id"] },
    );
    fc.assert(
      fc.property(member, (data) => serializePresenceData(data) === JSON.stringify(data)),
      { numRuns: 500 },
    );
  });

  it("refuses a Date as user_info: it is sent as a string, not an object", () => {
    expectValidationError(
      () => serializePresenceData({ user_id: "1", user_info: new Date(0) }),
      "invalid_presence_data",
      "presenceData.user_info",
      "must be an object when given",
    );
  });

  it("refuses undefined, a function and a symbol, which have no JSON text, as not being objects", () => {
    for (const data of [undefined, () => ({ user_id: "1" }), Symbol("x")]) {
      expectValidationError(() => serializePresenceData(data), "invalid_presence_data", "presenceData", "must be an object with a user_id");
    }
  });
});
