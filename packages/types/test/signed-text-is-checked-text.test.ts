// serializePresenceData and serializeUserData return the text that is signed: it must hold exactly
// what was checked, whatever the object behind it does. These tests try what could make the two
// differ: fields inherited from a polluted Object.prototype (JSON leaves them out, so a check that
// saw them would pass data whose text lacks them), `__proto__` keys, null-prototype objects, a
// Proxy that lies about its prototype, keys JSON skips (non-enumerable, symbols), and getters.
import { afterEach, describe, expect, it } from "vitest";
import { serializePresenceData, serializeUserData } from "../src/internal.js";
import { expectValidationError } from "./support/expect-error.js";

const polluted = Object.prototype as Record<string, unknown>;
const POLLUTED_KEYS = ["user_id", "user_info", "id", "watchlist", "toJSON"];

// A class instance is not a plain object: its text is parsed back (the slower path).
class Member {
  constructor(readonly fields: Record<string, unknown>) {
    Object.assign(this, fields);
  }
  toJSON(): Record<string, unknown> {
    return this.fields;
  }
}

describe("with a polluted Object.prototype (a prototype-pollution bug elsewhere in the application)", () => {
  afterEach(() => {
    for (const key of POLLUTED_KEYS) delete polluted[key];
  });

  it("an inherited user_id is not the data's: the data is refused, on both paths", () => {
    polluted.user_id = "intruder";
    for (const data of [{ user_info: {} }, new Member({ user_info: {} })]) {
      expectValidationError(() => serializePresenceData(data), "invalid_presence_data", "presenceData.user_id", "got undefined");
    }
  });

  it("an inherited id is not the data's: the data is refused, on both paths", () => {
    polluted.id = "intruder";
    for (const data of [{ user_info: {} }, new Member({ watchlist: [] })]) {
      expectValidationError(() => serializeUserData(data), "invalid_user_id", "userData.id", "got undefined");
    }
  });

  it("an inherited user_info is neither signed nor checked", () => {
    polluted.user_info = { admin: true };
    expect(serializePresenceData({ user_id: "1" })).toBe('{"user_id":"1"}');
    expect(serializePresenceData(new Member({ user_id: "1" }))).toBe('{"user_id":"1"}');
    expect(serializeUserData({ id: "1" })).toBe('{"id":"1"}');
    polluted.user_info = "not an object";
    expect(serializePresenceData({ user_id: "1" })).toBe('{"user_id":"1"}');
  });

  it("an inherited watchlist is neither signed nor checked", () => {
    polluted.watchlist = ["not a user id"];
    expect(serializeUserData({ id: "1" })).toBe('{"id":"1"}');
    expect(serializeUserData(new Member({ id: "1" }))).toBe('{"id":"1"}');
  });

  it("an inherited toJSON does not replace a plain object's text", () => {
    polluted.toJSON = () => ({ user_id: "intruder", id: "intruder" });
    expect(serializePresenceData({ user_id: "1" })).toBe('{"user_id":"1"}');
    expect(serializeUserData({ id: "1" })).toBe('{"id":"1"}');
  });
});

describe("__proto__ keys, null prototypes and lying Proxies", () => {
  it("an own __proto__ key (as JSON.parse makes it) is a field like any other, not a prototype", () => {
    const smuggled = JSON.parse('{"__proto__":{"user_id":"intruder","id":"intruder"}}') as unknown;
    expectValidationError(() => serializePresenceData(smuggled), "invalid_presence_data", "presenceData.user_id", "got undefined");
    expectValidationError(() => serializeUserData(smuggled), "invalid_user_id", "userData.id", "got undefined");
    // Kept as the field it is, on both paths: the text is the data's.
    const withField = JSON.parse('{"user_id":"1","id":"1","__proto__":{"a":1}}') as unknown;
    expect(serializePresenceData(withField)).toBe('{"user_id":"1","id":"1","__proto__":{"a":1}}');
    expect(serializeUserData(withField)).toBe('{"user_id":"1","id":"1","__proto__":{"a":1}}');
    expect(serializeUserData({ ...(withField as object), watchlist: ["7"] })).toBe(
      '{"user_id":"1","id":"1","__proto__":{"a":1},"watchlist":["7"]}',
    );
  });

  it("a prototype set with a __proto__ literal is not the data's: its fields are refused", () => {
    expectValidationError(
      () => serializePresenceData({ __proto__: { user_id: "intruder" } }),
      "invalid_presence_data",
      "presenceData.user_id",
      "got undefined",
    );
    expectValidationError(() => serializeUserData({ __proto__: { id: "intruder" } }), "invalid_user_id", "userData.id", "got undefined");
  });

  it("a null-prototype object is serialized as JSON.stringify does, user_info and watchlist included", () => {
    const bare = Object.assign(Object.create(null) as object, {
      id: "1",
      user_info: Object.assign(Object.create(null) as object, { a: 1 }),
      watchlist: ["7"],
    });
    expect(serializeUserData(bare)).toBe('{"id":"1","user_info":{"a":1},"watchlist":["7"]}');
  });

  it("a Proxy that claims Object.prototype over an object with a toJSON: the own fields it shows are both checked and signed", () => {
    const target = new Member({ user_id: "1", id: "1" });
    // What its toJSON would answer: ids that the checks refuse.
    (target as unknown as { fields: unknown }).fields = { user_id: "", id: "" };
    const liar = new Proxy(target, { getPrototypeOf: () => Object.prototype });
    const ownFields = '{"fields":{"user_id":"","id":""},"user_id":"1","id":"1"}';
    expect(serializePresenceData(liar)).toBe(ownFields);
    expect(serializeUserData(liar)).toBe(ownFields);
  });

  it("a user id that JSON leaves out (not enumerable, or a symbol key) is refused in user data too", () => {
    const hidden = Object.defineProperty({ user_info: {} }, "id", { enumerable: false, value: "1" });
    expectValidationError(() => serializeUserData(hidden), "invalid_user_id", "userData.id", "got undefined");
    expectValidationError(() => serializeUserData({ [Symbol("id")]: "1" }), "invalid_user_id", "userData.id", "got undefined");
  });

  it("a getter of user_info answering an object once and a string after is read once, in user data too", () => {
    let reads = 0;
    const data = Object.defineProperty({ id: "1" }, "user_info", {
      enumerable: true,
      get: () => (reads++ === 0 ? { name: "Ada" } : "not an object"),
    });
    expect(serializeUserData(data)).toBe('{"id":"1","user_info":{"name":"Ada"}}');
    expect(reads).toBe(1);
  });
});
