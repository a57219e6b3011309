import * as v from "valibot";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { createPublisher, createRestClient, isPusherValidationError } from "../src/index.js";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { fakeFetch } from "./support/fake-fetch.js";
import { MASTER_KEY_BASE64 } from "./support/protocol-vectors.js";

const zodContract = { "chat-message": z.object({ text: z.string(), at: z.number().default(0) }), ping: z.literal("ping") };
const valibotContract = { "chat-message": v.object({ text: v.string(), at: v.optional(v.number(), 0) }), ping: v.literal("ping") };

function clientWith<Schemas extends typeof zodContract | typeof valibotContract>(eventSchemas: Schemas) {
  const fake = fakeFetch();
  const client = createRestClient({
    appId: "1",
    key: "k",
    secret: "s",
    fetch: fake.fetch,
    eventSchemas,
    encryptionMasterKeyBase64: MASTER_KEY_BASE64,
    maxPayloadBytes: 100,
  });
  return { client, requests: fake.requests };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe.each([
  ["zod", zodContract],
  ["valibot", valibotContract],
] as const)("eventSchemas with %s", (_library, contract) => {
  it("trigger, triggerBatch, sendToUser and a publisher send the schema's output", async () => {
    const { client, requests } = clientWith(contract);

    await client.trigger(["a", "b"], "chat-message", { text: "hi" });
    await client.triggerBatch([
      { channel: "a", name: "ping", data: "ping" },
      { channel: "b", name: "chat-message", data: { text: "x" } },
    ]);
    await client.sendToUser("42", "chat-message", { text: "yo", at: 5 });
    const publisher = createPublisher(client, { maxDelayMs: 0 });
    await publisher.publish({ channel: "c", name: "ping", data: "ping" });
    await publisher.close();

    const bodies = requests.map((request) => JSON.parse(request.body) as { data?: string; batch?: { data: string }[] });
    expect(bodies[0]!.data).toBe('{"text":"hi","at":0}');
    expect(bodies[1]!.batch!.map((event) => event.data)).toEqual(["ping", '{"text":"x","at":0}']);
    expect(bodies[2]!.data).toBe('{"text":"yo","at":5}');
    expect(bodies[3]!.batch![0]!.data).toBe("ping");
  });

  it("data that breaks its schema is refused before anything is sent, naming the event and the path, not the value", async () => {
    const { client, requests } = clientWith(contract);
    const wrong = { text: 4_031_977 } as never;

    const calls = [
      [client.trigger("a", "chat-message", wrong), "data"],
      [client.trigger(["private-encrypted-a", "b"], "chat-message", wrong), "data"],
      [
        client.triggerBatch([
          { channel: "a", name: "ping", data: "ping" },
          { channel: "b", name: "chat-message", data: wrong },
        ]),
        "events[1].data",
      ],
      [client.sendToUser("42", "chat-message", wrong), "data"],
    ] as const;
    for (const [call, field] of calls) {
      const error = await rejection(call);
      expect(isPusherValidationError(error)).toBe(true);
      expect(error).toMatchObject({ code: "invalid_event_data", field });
      expect((error as Error).message).toMatch(/^event "chat-message": data\.text: /);
      expect((error as Error).message).not.toContain("4031977");
    }
    expect(requests).toEqual([]);
  });

  it("an event not in the contract is refused (unknown_event), and the check comes before the size limit", async () => {
    const { client, requests } = clientWith(contract);

    const unknown = await rejection(client.trigger("a", "other" as never, 1 as never));
    const inBatch = await rejection(client.triggerBatch([{ channel: "a", name: "nope", data: 1 } as never]));
    const tooLarge = await rejection(client.trigger("a", "chat-message", { text: 7 as never, at: "x".repeat(500) as never }));

    expect(unknown).toMatchObject({ code: "unknown_event", field: "event", message: 'event "other" is not in eventSchemas' });
    expect(inBatch).toMatchObject({ code: "unknown_event", field: "events[0].name" });
    expect(tooLarge).toMatchObject({ code: "invalid_event_data" });
    expect(requests).toEqual([]);
  });
});

describe("eventSchemas", () => {
  it("a schema that validates in a Promise is awaited", async () => {
    const asyncSchema: StandardSchemaV1<string> = {
      "~standard": {
        version: 1,
        vendor: "test",
        validate: (value) => Promise.resolve(value === "ok" ? { value: "OK" } : { issues: [{ message: "not ok", path: ["deep"] }] }),
      },
    };
    const fake = fakeFetch();
    const client = createRestClient({ appId: "1", key: "k", secret: "s", fetch: fake.fetch, eventSchemas: { e: asyncSchema } });

    await client.trigger("a", "e", "ok");
    const error = await rejection(client.trigger("a", "e", "no"));

    expect((JSON.parse(fake.requests[0]!.body) as { data: string }).data).toBe("OK");
    expect(error).toMatchObject({ code: "invalid_event_data", message: 'event "e": data.deep: not ok' });
  });

  it("is refused at creation when it is not an object of Standard Schemas", () => {
    for (const eventSchemas of [1, { e: {} }, { e: z.string(), f: null }]) {
      expect(() => createRestClient({ appId: "1", key: "k", secret: "s", eventSchemas: eventSchemas as never })).toThrow(
        expect.objectContaining({ code: "invalid_config", option: "eventSchemas" }),
      );
    }
  });

  it("types the calls from the contract; without one, anything goes as before", () => {
    const { client } = clientWith(zodContract);
    expectTypeOf<Parameters<typeof client.trigger<"chat-message">>[2]>().toEqualTypeOf<{ text: string; at?: number | undefined }>();
    // @ts-expect-error an event not in the contract
    void client.trigger("a", "other", {}).catch(() => undefined);
    // @ts-expect-error data that is not the schema's input
    void client.trigger("a", "chat-message", { txt: "hi" }).catch(() => undefined);
    // @ts-expect-error a batch event with the wrong data for its name
    void client.triggerBatch([{ channel: "a", name: "ping", data: "pong" }]).catch(() => undefined);
    const publisher = createPublisher(client);
    // @ts-expect-error a publisher typed from the client
    void publisher.publish({ channel: "a", name: "chat-message", data: 1 }).catch(() => undefined);

    const untyped = createRestClient({ appId: "1", key: "k", secret: "s", fetch: fakeFetch().fetch });
    void untyped.trigger("c", "anything", 123);
    void untyped.triggerBatch([{ channel: "c", name: "anything", data: 123 }]);
    void untyped.sendToUser("u", "anything", 123);
    expectTypeOf<Parameters<typeof untyped.trigger<"x">>[2]>().toBeUnknown();
  });
});
