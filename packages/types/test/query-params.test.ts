import { describe, expect, it } from "vitest";
import { RESERVED_QUERY_PARAMS, validateQueryParams } from "../src/internal.js";
import { expectValidationError } from "./support/expect-error.js";

describe("validateQueryParams(params, field?)", () => {
  it.each([
    {},
    { filter_by_prefix: "presence-" },
    { info: ["user_count", "subscription_count"], limit: 10, flag: false, dropped: undefined },
    { ids: [1, "2"] },
    { emoji: "😀" },
    { "": "" },
  ])("accepts %j", (params) => {
    expect(() => validateQueryParams(params)).not.toThrow();
  });

  it("lists exactly the signing scheme's params as reserved", () => {
    expect([...RESERVED_QUERY_PARAMS].sort()).toEqual(["auth_key", "auth_signature", "auth_timestamp", "auth_version", "body_md5"]);
  });

  it.each(RESERVED_QUERY_PARAMS.flatMap((name) => [name, name.toUpperCase(), `${name[0]!.toUpperCase()}${name.slice(1)}`]))(
    "rejects the reserved name %j with reserved_param",
    (name) => {
      expectValidationError(
        () => validateQueryParams({ [name]: "x" }),
        "reserved_param",
        "params",
        `params may not set ${JSON.stringify(name)}: the request signature owns it`,
      );
    },
  );

  it.each([null, [], "a=1", 1, undefined])("rejects the non-object %j with invalid_params", (params) => {
    expectValidationError(() => validateQueryParams(params), "invalid_params", "params", "params must be an object of query parameters");
  });

  it.each([
    ["NaN", Number.NaN, "number"],
    ["Infinity", Number.POSITIVE_INFINITY, "number"],
    ["an object", { a: 1 }, "object"],
    ["null", null, "null"],
    ["a nested array", [["a"]], "object"],
    ["an array with an object", [{}], "object"],
    ["an array with NaN", [Number.NaN], "object"],
    ["a function", () => "x", "function"],
    ["a bigint", 1n, "bigint"],
  ])("rejects a value that is %s with invalid_params naming the param", (_kind, value, described) => {
    expectValidationError(
      () => validateQueryParams({ bad: value }),
      "invalid_params",
      "params.bad",
      `params.bad must be a string, number, boolean or array of them, got ${described}`,
    );
  });

  it.each([
    ["a lone high surrogate value", { q: "a\uD800" }],
    ["a lone low surrogate value", { q: "\uDC00b" }],
    ["reversed surrogates", { q: "\uDC00\uD800" }],
    ["a lone surrogate in an array", { q: ["ok", "\uD800"] }],
  ])("rejects %s, which cannot be percent-encoded", (_kind, params) => {
    expectValidationError(() => validateQueryParams(params), "invalid_params", "params.q", "lone UTF-16 surrogate");
  });

  it("rejects a lone surrogate in a param name", () => {
    expectValidationError(() => validateQueryParams({ "k\uD800": "v" }), "invalid_params", "params.k\uD800", "lone UTF-16 surrogate");
  });

  it("names the given field", () => {
    expectValidationError(() => validateQueryParams({ auth_key: "x" }, "query"), "reserved_param", "query", "query may not set");
  });
});

describe("validateQueryParams with params that throw when read", () => {
  it.each([
    [
      "a getter that throws",
      Object.defineProperty({}, "info", {
        enumerable: true,
        get: () => {
          throw new Error("boom");
        },
      }),
    ],
    [
      "a Proxy whose ownKeys trap throws",
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error("boom");
          },
        },
      ),
    ],
    [
      "an array value whose element getter throws",
      {
        info: Object.defineProperty(["a"], 0, {
          get: () => {
            throw new Error("boom");
          },
        }),
      },
    ],
  ])("rejects %s with invalid_params on params", (_, params) => {
    expectValidationError(() => validateQueryParams(params), "invalid_params", "params", "params must be an object of query parameters");
  });
});
