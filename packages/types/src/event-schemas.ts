import type { StandardSchemaV1 } from "@standard-schema/spec";
import { requireOption } from "./validators/options.js";

/**
 * A contract of events: each event name with the Standard Schema (zod, valibot, arktype, …) of its
 * data. The SDK depends on no schema library, only on the `@standard-schema/spec` types.
 * @example
 * ```ts
 * const contract = { "client-chat-message": z.object({ text: z.string() }) } satisfies EventSchemas;
 * ```
 */
export type EventSchemas = Readonly<Record<string, StandardSchemaV1>>;

/**
 * The data of event `Name` under a contract: its schema's output, what a receiver gets. Share it
 * with a pusher-js client to type what it sends and binds.
 * @example
 * ```ts
 * channel.bind("client-chat-message", (data: EventData<typeof contract, "client-chat-message">) => show(data.text));
 * ```
 */
export type EventData<Schemas extends EventSchemas, Name extends keyof Schemas & string> = StandardSchemaV1.InferOutput<Schemas[Name]>;

/** The checked `eventSchemas` option: each event's schema, read once. @internal */
export type EventContract = ReadonlyMap<string, StandardSchemaV1.Props>;

/** Checks the `eventSchemas` option, an object of Standard Schemas by event name, and reads each schema once. @internal */
export function resolveEventContract(eventSchemas: unknown): EventContract | undefined {
  if (eventSchemas === undefined) return undefined;
  let entries: (readonly [string, StandardSchemaV1.Props])[] | undefined;
  try {
    // Own names only: an event called "constructor" or "__proto__" is not in a contract that does not name it.
    entries = Object.entries(eventSchemas as object).map(([name, schema]) => [name, (schema as StandardSchemaV1)["~standard"]]);
  } catch {
    // A Proxy or a getter that throws: refused below.
  }
  const valid = typeof eventSchemas === "object" && entries?.every(([, props]) => typeof props?.validate === "function") === true;
  requireOption(valid, "eventSchemas", "an object of Standard Schemas (zod, valibot, …) by event name");
  return new Map(entries);
}

/**
 * Validates an event's data (a schema may answer in a Promise): the schema's output, or one message per issue,
 * `"<which>: data.path: <the schema's message>"`, which never shows the data's values. @internal
 */
export async function validateEventData(
  which: string,
  schema: StandardSchemaV1.Props,
  data: unknown,
): Promise<StandardSchemaV1.SuccessResult<unknown> | string[]> {
  const result = await schema.validate(data);
  if (!result.issues) return result;
  return result.issues.map((issue) => {
    const path = (issue.path ?? []).map((segment) => (typeof segment === "object" ? segment.key : segment));
    return `${which}: ${pathText(path)}: ${withoutValue(issue.message, valueAt(data, path))}`;
  });
}

const pathText = (path: readonly PropertyKey[]) =>
  path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : `${text}.${String(key)}`), "data");

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  const step = (value: unknown, key: PropertyKey) =>
    typeof value === "object" && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return path.reduce(step, data);
}

// Some schemas quote the value they refused ("…but received 123"): the error must never show the data.
function withoutValue(message: string, value: unknown): string {
  if (typeof value === "string") {
    return message.replaceAll(`"${value}"`, "<value>").replaceAll(JSON.stringify(value), "<value>");
  }
  if (typeof value !== "number" && typeof value !== "boolean") return message;
  return message.replace(/[\w.+-]+/g, (token) => (token === String(value) ? "<value>" : token));
}
