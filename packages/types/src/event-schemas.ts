import type { StandardSchemaV1 } from "@standard-schema/spec";

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
