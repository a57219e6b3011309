// Typed contracts for client events (Standard Schema): one contract, written with zod or with
// valibot, types the handler's callbacks by event name and checks each client event's data on
// request, decrypted first; a violation is told to onError without the data's values, and the
// webhook is still answered 200 (a retry would carry the same data).
import { decodeMasterKey, encryptPayload } from "@x/signing";
import type { EventData, EventSchemas } from "@x/types";
import * as v from "valibot";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import {
  createWebhookDecryptor,
  createWebhookHandler,
  isKnownWebhookEvent,
  isPusherConfigError,
  isPusherWebhookError,
  type ContractWebhookEvent,
  type PusherWebhookError,
  type WebhookEvent,
} from "../src/index.js";
import { signBody, webhookRequest } from "./support/webhook-fixtures.js";

const app = { key: "app-key", secret: "app-secret-2b9f41" };
const NOW = 1_700_000_000_000;
const MASTER_KEY_BASE64 = "dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=";

const zodContract = {
  "client-chat": z.object({ text: z.string().min(1), mentions: z.array(z.string()).default([]) }),
  "client-typing": z.object({ typing: z.boolean() }),
  "client-note": z.string(),
} satisfies EventSchemas;

const valibotContract = {
  "client-chat": v.object({ text: v.pipe(v.string(), v.minLength(1)), mentions: v.optional(v.array(v.string()), []) }),
  "client-typing": v.object({ typing: v.boolean() }),
  "client-note": v.string(),
} satisfies EventSchemas;

type Chat = { text: string; mentions: string[] };

describe("EventData: the type a pusher-js client shares", () => {
  it("is the schema's output, the same for the zod and the valibot contract", () => {
    expectTypeOf<EventData<typeof zodContract, "client-chat">>().toEqualTypeOf<Chat>();
    expectTypeOf<EventData<typeof valibotContract, "client-chat">>().toEqualTypeOf<Chat>();
    expectTypeOf<EventData<typeof zodContract, "client-typing">>().toEqualTypeOf<{ typing: boolean }>();
    expectTypeOf<EventData<typeof valibotContract, "client-note">>().toEqualTypeOf<string>();
  });
});

const clientEvent = (event: string, data: string, channel = "presence-room") => ({
  name: "client_event",
  channel,
  event,
  data,
  socket_id: "123.456",
});
const delivery = (events: unknown[]) => {
  const body = JSON.stringify({ time_ms: NOW, events });
  return webhookRequest(body, { "x-pusher-key": app.key, "x-pusher-signature": signBody(app.secret, body) });
};

describe.each([
  ["zod", zodContract],
  ["valibot", valibotContract],
] as const)("createWebhookHandler({ eventSchemas }) with a %s contract", (_, contract) => {
  function contractHandler(options: { decryptor?: ReturnType<typeof createWebhookDecryptor> } = {}) {
    const received: ContractWebhookEvent<typeof contract>[] = [];
    const errors: unknown[] = [];
    const handler = createWebhookHandler({
      credentials: app,
      now: () => NOW,
      eventSchemas: contract,
      onEvent: (event) => void received.push(event),
      onError: (error) => void errors.push(error),
      ...options,
    });
    return { handler, received, errors };
  }

  it("hands the callbacks each client event's data as the schema's output, typed by event name", async () => {
    const chats: Chat[] = [];
    const handler = createWebhookHandler({
      credentials: app,
      now: () => NOW,
      eventSchemas: contract,
      onEvents: (events) => {
        for (const event of events) {
          if (!isKnownWebhookEvent(event) || event.name !== "client_event") continue;
          if (event.event === "client-chat") {
            expectTypeOf(event.data).toEqualTypeOf<Chat>();
            chats.push(event.data);
          } else if (event.event === "client-typing") {
            expectTypeOf(event.data).toEqualTypeOf<{ typing: boolean }>();
          } else {
            expectTypeOf(event.event).toEqualTypeOf<"client-note">();
            expectTypeOf(event.data).toEqualTypeOf<string>();
          }
        }
      },
    });
    const response = await handler(
      delivery([clientEvent("client-chat", '{"text":"hi"}'), { name: "member_added", channel: "presence-room", user_id: "ada" }]),
    );
    expect(response.status).toBe(200);
    expect(chats).toEqual([{ text: "hi", mentions: [] }]);
  });

  it("leaves the other events as they came, and reads data that is not JSON as the text sent, as pusher-js does", async () => {
    const { handler, received, errors } = contractHandler();
    const occupied = { name: "channel_occupied", channel: "presence-room" };
    const unknown = { name: "new_kind", detail: 1 };
    await handler(delivery([occupied, clientEvent("client-note", "plain text"), unknown]));
    expect(errors).toEqual([]);
    expect(received).toEqual([occupied, { ...clientEvent("client-note", "plain text") }, { ...unknown, known: false }]);
  });

  it("checks encrypted client events once decrypted", async () => {
    const channel = "private-encrypted-room";
    const data = encryptPayload(channel, '{"typing":true}', decodeMasterKey(MASTER_KEY_BASE64));
    const { handler, received, errors } = contractHandler({ decryptor: createWebhookDecryptor(MASTER_KEY_BASE64) });
    expect((await handler(delivery([clientEvent("client-typing", data, channel)]))).status).toBe(200);
    expect(errors).toEqual([]);
    expect(received).toEqual([{ ...clientEvent("client-typing", "", channel), data: { typing: true } }]);
  });

  it("reports a violation to onError, naming the event, the path and the schema's message but no value, and answers 200", async () => {
    const { handler, received, errors } = contractHandler();
    const violations = [
      clientEvent("client-typing", '{"typing":"hunter2-secret"}'),
      clientEvent("client-chat", '{"text":987654321,"mentions":["ada",424242]}'),
    ];
    const fine = clientEvent("client-typing", '{"typing":false}');
    const response = await handler(delivery([...violations, fine]));
    expect(response.status).toBe(200);
    expect(received).toEqual([{ ...fine, data: { typing: false } }]);
    expect(errors).toHaveLength(2);
    expect(errors.every(isPusherWebhookError)).toBe(true);
    const [typing, chat] = errors as PusherWebhookError[];
    expect(typing!.reasons).toEqual([expect.stringMatching(/^client event "client-typing": data\.typing: .*boolean/i)]);
    expect(chat!.reasons).toEqual([
      expect.stringMatching(/^client event "client-chat": data\.text: .*string/i),
      expect.stringMatching(/^client event "client-chat": data\.mentions\[1\]: .*string/i),
    ]);
    for (const error of errors as PusherWebhookError[]) {
      const shown = `${error.message} ${JSON.stringify(error)} ${error.reasons.join(" ")}`;
      for (const value of ["hunter2", "987654321", "424242"]) expect(shown).not.toContain(value);
    }
  });

  it("reports a client event that is not in the contract, and one on an encrypted channel without a decryptor", async () => {
    const { handler, received, errors } = contractHandler();
    const response = await handler(
      delivery([clientEvent("client-other", "{}"), clientEvent("client-typing", '{"typing":true}', "private-encrypted-room")]),
    );
    expect(response.status).toBe(200);
    expect(received).toEqual([]);
    expect((errors as PusherWebhookError[]).map((error) => error.reasons)).toEqual([
      ['client event "client-other" is not in eventSchemas'],
      ['client event "client-typing" is encrypted: give the handler a decryptor to check it'],
    ]);
  });

  it("marks a delivery with a violation seen: the same delivery again is a duplicate, not reported twice", async () => {
    const { handler, errors } = contractHandler();
    const events = [clientEvent("client-typing", '{"typing":1}')];
    await handler(delivery(events));
    expect(await (await handler(delivery(events))).json()).toEqual({ ok: true, duplicate: true });
    expect(errors).toHaveLength(1);
  });
});

describe("createWebhookHandler({ eventSchemas }): schemas of any Standard Schema library", () => {
  const schema = (validate: (value: unknown) => unknown) => ({ "~standard": { version: 1, vendor: "test", validate } }) as never;

  it("awaits a schema that validates asynchronously, and names symbol and nested path segments", async () => {
    const errors: unknown[] = [];
    const received: WebhookEvent[] = [];
    const handler = createWebhookHandler({
      credentials: app,
      now: () => NOW,
      eventSchemas: {
        "client-async": schema((value) => Promise.resolve({ value: { checked: value } })),
        "client-odd": schema(() => ({ issues: [{ message: "bad", path: [Symbol("s"), { key: "deep" }, 0] }, { message: "worse" }] })),
      },
      onEvent: (event) => void received.push(event),
      onError: (error) => void errors.push(error),
    });
    await handler(delivery([clientEvent("client-async", "[1]"), clientEvent("client-odd", '{"deep":[true]}')]));
    expect(received).toEqual([{ ...clientEvent("client-async", ""), data: { checked: [1] } }]);
    expect((errors[0] as PusherWebhookError).reasons).toEqual([
      'client event "client-odd": data.Symbol(s).deep[0]: bad',
      'client event "client-odd": data: worse',
    ]);
  });

  it("answers 500 when a schema throws, tells onError, and does not mark the delivery seen", async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const broken = new Error("schema bug");
    const handler = createWebhookHandler({
      credentials: app,
      now: () => NOW,
      eventSchemas: { "client-x": schema(() => (calls++ === 0 ? Promise.reject(broken) : { value: "ok" })) },
      onEvent: () => {},
      onError: (error) => void errors.push(error),
    });
    const events = [clientEvent("client-x", "{}")];
    expect((await handler(delivery(events))).status).toBe(500);
    expect(errors).toEqual([broken]);
    expect(await (await handler(delivery(events))).json()).toEqual({ ok: true });
  });

  it("cuts a refused number or boolean out of a schema's message, as a whole word only", async () => {
    const errors: PusherWebhookError[] = [];
    const message = "expected 1 to 9 or true, received 12 (12.5 is not 12) and true";
    const handler = createWebhookHandler({
      credentials: app,
      now: () => NOW,
      eventSchemas: {
        "client-n": schema(() => ({
          issues: [
            { message, path: ["n"] },
            { message, path: ["b"] },
          ],
        })),
      },
      onEvent: () => {},
      onError: (error) => void errors.push(error as PusherWebhookError),
    });
    await handler(delivery([clientEvent("client-n", '{"n":12,"b":true}')]));
    expect(errors[0]!.reasons).toEqual([
      'client event "client-n": data.n: expected 1 to 9 or true, received <value> (12.5 is not <value>) and true',
      'client event "client-n": data.b: expected 1 to 9 or <value>, received 12 (12.5 is not 12) and <value>',
    ]);
  });

  it("refuses eventSchemas that are not Standard Schemas by event name with a PusherConfigError naming it", () => {
    const throwing = Object.defineProperty({}, "client-x", {
      enumerable: true,
      get: () => {
        throw new Error("getter");
      },
    });
    for (const eventSchemas of [null, 5, "zod", { "client-x": {} }, { "client-x": { "~standard": {} } }, { "client-x": null }, throwing]) {
      let option: string | undefined;
      try {
        createWebhookHandler({ credentials: app, onEvent: () => {}, eventSchemas: eventSchemas as never });
      } catch (error) {
        option = isPusherConfigError(error) ? error.option : "another error";
      }
      expect(option).toBe("eventSchemas");
    }
  });
});
