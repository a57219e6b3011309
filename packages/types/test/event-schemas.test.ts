import type { StandardSchemaV1 } from "@standard-schema/spec";
import { describe, expect, it } from "vitest";
import { isPusherConfigError } from "../src/index.js";
import { resolveEventContract, validateEventData } from "../src/internal.js";

// A Standard Schema written by hand, as zod or valibot expose one: `validate` answers the result, or a Promise of it.
function schema(
  validate: (value: unknown) => StandardSchemaV1.Result<unknown> | Promise<StandardSchemaV1.Result<unknown>>,
): StandardSchemaV1 {
  return { "~standard": { version: 1, vendor: "test", validate } };
}
const passThrough = schema((value) => ({ value }));
const refuse = (...issues: StandardSchemaV1.Issue[]) => schema(() => ({ issues }));

function configErrorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("resolveEventContract(eventSchemas)", () => {
  it("is undefined without a contract, and reads each schema of one once", () => {
    expect(resolveEventContract(undefined)).toBeUndefined();
    const contract = resolveEventContract({ "chat-message": passThrough });
    expect([...(contract?.keys() ?? [])]).toEqual(["chat-message"]);
    expect(contract?.get("chat-message")).toBe(passThrough["~standard"]);
  });

  it("takes own names only: an event Object.prototype has is not in a contract that does not name it", () => {
    expect(resolveEventContract({ ping: passThrough })?.has("constructor")).toBe(false);
  });

  it.each([
    ["null", null],
    ["a number", 5],
    ["a string", "chat-message"],
    ["a schema that is not a Standard Schema", { ping: { parse: () => 1 } }],
    ["a schema without validate", { ping: { "~standard": { version: 1 } } }],
    [
      "a Proxy whose keys throw",
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error("boom");
          },
        },
      ),
    ],
  ])("refuses %s with a PusherConfigError on eventSchemas that names no value", (_what, given) => {
    const error = configErrorOf(() => resolveEventContract(given));
    expect(isPusherConfigError(error)).toBe(true);
    expect(error).toMatchObject({ option: "eventSchemas" });
    expect((error as Error).message).not.toContain("boom");
  });
});

describe("validateEventData(which, schema, data)", () => {
  it("answers the schema's output, whether it validates at once or in a Promise", async () => {
    const trimmed = schema((value) => ({ value: String(value).trim() }));
    expect(await validateEventData("event", trimmed["~standard"], "  hi ")).toEqual({ value: "hi" });
    const later = schema((value) => Promise.resolve({ value: { later: value } }));
    expect(await validateEventData("event", later["~standard"], 1)).toEqual({ value: { later: 1 } });
  });

  it("names the event and the path of each issue, keys and indexes alike, and data itself without a path", async () => {
    const issues = refuse(
      { message: "Required", path: ["user", { key: "name" }] },
      { message: "Too small", path: ["items", 2] },
      { message: "Expected object" },
    );
    expect(await validateEventData('event "chat"', issues["~standard"], { user: {}, items: [1, 2, 3] })).toEqual([
      'event "chat": data.user.name: Required',
      'event "chat": data.items[2]: Too small',
      'event "chat": data: Expected object',
    ]);
  });

  it("never shows the value refused: a string, a number or a boolean quoted by the schema is replaced", async () => {
    const data = { text: "secret words", count: 42, flag: true, nested: { list: ["x"] } };
    const issues = refuse(
      { message: 'Invalid value "secret words"', path: ["text"] },
      { message: "Expected string, received 42", path: ["count"] },
      { message: "Expected string, received true", path: ["flag"] },
      { message: "Expected string, received object", path: ["nested"] },
      { message: "Expected number", path: ["text", "length", "deeper"] },
    );
    const messages = await validateEventData("event", issues["~standard"], data);
    expect(messages).toEqual([
      "event: data.text: Invalid value <value>",
      "event: data.count: Expected string, received <value>",
      "event: data.flag: Expected string, received <value>",
      "event: data.nested: Expected string, received object",
      "event: data.text.length.deeper: Expected number",
    ]);
    expect(JSON.stringify(messages)).not.toContain("secret words");
  });
});
