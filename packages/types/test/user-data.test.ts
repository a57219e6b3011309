import { describe, expect, it } from "vitest";
import { MAX_WATCHLIST_SIZE, serializeUserData } from "../src/internal.js";
import { UNSERIALIZABLE_FACTORIES } from "./support/hostile-values.js";
import { expectValidationError } from "./support/expect-error.js";

const ids = (count: number) => Array.from({ length: count }, (_, index) => `user-${index}`);

describe("serializeUserData(data, field?): the checks", () => {
  it.each([
    { id: "1" },
    { id: "ada", user_info: { name: "Ada" } },
    { id: "ada", watchlist: [] },
    { id: "ada", watchlist: ["b", "c"], user_info: {} },
    { id: "u".repeat(200) },
  ])("accepts %j", (data) => {
    expect(() => serializeUserData(data)).not.toThrow();
  });

  it("accepts a watchlist of 100 ids and rejects 101", () => {
    expect(MAX_WATCHLIST_SIZE).toBe(100);
    expect(() => serializeUserData({ id: "a", watchlist: ids(100) })).not.toThrow();
    expectValidationError(
      () => serializeUserData({ id: "a", watchlist: ids(101) }),
      "invalid_user_data",
      "userData.watchlist",
      "userData.watchlist must be an array of at most 100 user ids",
    );
  });

  it.each(["b", { 0: "b" }, null])("rejects the non-array watchlist %j", (watchlist) => {
    expectValidationError(() => serializeUserData({ id: "a", watchlist }), "invalid_user_data", "userData.watchlist", "must be an array");
  });

  it("rejects a bad id in the watchlist, naming its index", () => {
    expectValidationError(
      () => serializeUserData({ id: "a", watchlist: ["ok", "not ok"] }),
      "invalid_user_id",
      "userData.watchlist[1]",
      "userData.watchlist[1] may only contain",
    );
  });

  it.each([
    [null, "null"],
    ["42", '"42"'],
    [[], "object"],
  ])("rejects %j, which is not an object", (data, described) => {
    expectValidationError(
      () => serializeUserData(data),
      "invalid_user_data",
      "userData",
      `userData must be an object with an id, got ${described}`,
    );
  });

  it.each([
    [{}, "got undefined"],
    [{ id: "" }, 'got ""'],
    [{ id: 42 }, "got number"],
    [{ id: "u".repeat(201) }, "1 to 200 characters"],
    [{ id: "a b" }, "may only contain"],
  ])("rejects %j for its id with invalid_user_id", (data, message) => {
    expectValidationError(() => serializeUserData(data), "invalid_user_id", "userData.id", message);
  });

  it.each([null, [], "info"])("rejects the user_info %j", (userInfo) => {
    expectValidationError(
      () => serializeUserData({ id: "a", user_info: userInfo }),
      "invalid_user_data",
      "userData.user_info",
      "userData.user_info must be an object when given",
    );
  });

  it("names the given field", () => {
    expectValidationError(() => serializeUserData({ id: "" }, "user"), "invalid_user_id", "user.id", "user.id must be");
  });
});

describe("serializeUserData(data, field?)", () => {
  it("returns exactly JSON.stringify(data), the user_data to sign", () => {
    const data = { id: "42", user_info: { name: "Zoë 🚀" }, watchlist: ["7"] };
    expect(serializeUserData(data)).toBe(JSON.stringify(data));
  });

  it.each(UNSERIALIZABLE_FACTORIES)("throws invalid_user_data on userData for %s in user_info, not what serializing threw", (_, make) => {
    const error = expectValidationError(
      () => serializeUserData({ id: "1", user_info: { nested: make() } }),
      "invalid_user_data",
      "userData",
      "userData cannot be serialized as JSON",
    );
    expect(error.message).not.toContain("boom");
  });

  it("checks the JSON text rather than the object: a toJSON that adds a bad watchlist is refused", () => {
    const data = { id: "1", toJSON: () => ({ id: "1", watchlist: "everyone" }) };
    expectValidationError(() => serializeUserData(data), "invalid_user_data", "userData.watchlist", "must be an array");
  });

  it("checks each property once: a Proxy answering id differently on each read signs the id it was checked with", () => {
    let reads = 0;
    const data = new Proxy(
      { id: "" },
      { get: (target, name) => (name === "id" ? (reads++ === 0 ? "ada" : "bad id") : (Reflect.get(target, name) as unknown)) },
    );
    expect(serializeUserData(data)).toBe('{"id":"ada"}');
    expect(reads).toBe(1);
  });

  it("checks a watchlist behind a getter as it is serialized: the ids it turned into are refused", () => {
    let reads = 0;
    const data = Object.defineProperty({ id: "1" }, "watchlist", { enumerable: true, get: () => (reads++ === 0 ? ["7"] : ["bad id"]) });
    const outcome = (() => {
      try {
        return serializeUserData(data);
      } catch (error) {
        return error;
      }
    })();
    // Read once to serialize; the text holds what that read answered and it is that text that is checked.
    expect(outcome).toBe('{"id":"1","watchlist":["7"]}');
  });

  it("refuses true, undefined and a function as not being objects", () => {
    for (const data of [true, undefined, () => ({ id: "1" })]) {
      expectValidationError(() => serializeUserData(data), "invalid_user_data", "userData", "userData must be an object with an id");
    }
  });
});
