// `eventSchemas` through the umbrella: the same contract types and checks every way Pusher sends an event.
import { createHmac } from "node:crypto";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { Pusher, isKnownWebhookEvent } from "../src/index.js";
import { recordingFetch } from "./support/recording-fetch.js";

const eventSchemas = { "chat-message": z.object({ text: z.string() }) };

describe("new Pusher({ eventSchemas })", () => {
  it("checks trigger (one channel, several, a batch), sendToUser and the publisher before sending", async () => {
    const recorder = recordingFetch();
    const pusher = new Pusher({ appId: "1", key: "k", secret: "s", fetch: recorder.fetch, eventSchemas });

    await pusher.trigger(["a", "b"], "chat-message", { text: "hi" });
    await pusher.trigger([{ channel: "a", name: "chat-message", data: { text: "hi" } }]);
    await pusher.sendToUser("42", "chat-message", { text: "hi" });
    await pusher.createPublisher().publish({ channel: "a", name: "chat-message", data: { text: "hi" } });
    const wrong = { txt: "hi" } as never;
    const refusals = [
      pusher.trigger("a", "chat-message", wrong),
      pusher.trigger([{ channel: "a", name: "chat-message", data: wrong }]),
      pusher.sendToUser("42", "chat-message", wrong),
      pusher.createPublisher().publish({ channel: "a", name: "chat-message", data: wrong }),
    ];

    for (const refusal of refusals) await expect(refusal).rejects.toMatchObject({ code: "invalid_event_data" });
    await expect(pusher.trigger("a", "other" as never, {} as never)).rejects.toMatchObject({ code: "unknown_event" });
    expect(recorder.requests).toHaveLength(4);
  });

  it("types the calls from the contract, and from fromUrl's options; without one, as before", () => {
    const pusher = Pusher.fromUrl("https://k:s@example.com/apps/1", { eventSchemas });
    expectTypeOf(pusher).toEqualTypeOf<Pusher<typeof eventSchemas>>();
    // @ts-expect-error an event not in the contract
    void pusher.trigger("a", "other", {}).catch(() => undefined);
    // @ts-expect-error data that is not the schema's input
    void pusher.trigger([{ channel: "a", name: "chat-message", data: 1 }]).catch(() => undefined);
    const untyped = new Pusher("1", "k", "s", { fetch: recordingFetch().fetch });
    void untyped.trigger("c", "anything", 123);
    void untyped.trigger([{ channel: "c", name: "anything", data: 123 }]);
  });
});

describe("pusher.createWebhookHandler({ eventSchemas })", () => {
  const clientContract = { "client-typing": z.object({ typing: z.boolean() }) };
  const secret = "webhook-secret";

  function signedDelivery(events: unknown[]): Request {
    const body = JSON.stringify({ time_ms: Date.now(), events });
    const signature = createHmac("sha256", secret).update(body).digest("hex");
    return new Request("http://localhost/webhooks", {
      method: "POST",
      headers: { "content-type": "application/json", "x-pusher-key": "k", "x-pusher-signature": signature },
      body,
    });
  }

  it("types and checks the client events it receives, as @x/webhooks' handler does", async () => {
    const pusher = new Pusher({ appId: "1", key: "k", secret, fetch: recordingFetch().fetch, eventSchemas });
    const typed: boolean[] = [];
    const errors: unknown[] = [];
    const handler = pusher.createWebhookHandler({
      eventSchemas: clientContract,
      onEvent: (event) => {
        if (isKnownWebhookEvent(event) && event.name === "client_event" && event.event === "client-typing") {
          expectTypeOf(event.data).toEqualTypeOf<{ typing: boolean }>();
          typed.push(event.data.typing);
        }
      },
      onError: (error) => {
        errors.push(error);
      },
    });
    const clientEvent = (data: string) => ({
      name: "client_event",
      channel: "presence-room",
      event: "client-typing",
      data,
      socket_id: "1.2",
    });

    const response = await handler(signedDelivery([clientEvent('{"typing":true}'), clientEvent('{"typing":"yes"}')]));

    expect(response.status).toBe(200);
    expect(typed).toEqual([true]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ name: "PusherWebhookError" });
    expect(String((errors[0] as Error).message)).not.toContain("yes");
  });
});
