import { verifyHmacSignature } from "@x/signing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectClient, startLocalServer, type LocalServer, type TestClient } from "../src/index.ts";
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "./support/webhook-receiver.ts";

interface WebhookBody {
  time_ms: number;
  events: { name: string; channel: string }[];
}

function bodyOf(webhook: ReceivedWebhook): WebhookBody {
  return JSON.parse(webhook.rawBody) as WebhookBody;
}

// docs/protocol.md §7 and §8: soketi posts webhooks, signed with the app secret, to the URLs it was given.
describe("startLocalServer({ webhooks })", () => {
  let receiver: WebhookReceiver;
  let server: LocalServer;
  let client: TestClient;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startLocalServer({ webhooks: [{ url: receiver.url, event_types: ["channel_occupied"] }] });
    client = await connectClient(server);
  });

  afterAll(async () => {
    await client?.disconnect();
    await server?.stop();
    await receiver?.close();
  });

  it("subscribing a client makes soketi post a signed channel_occupied webhook to the receiver", async () => {
    const arrived = receiver.next((webhook) => bodyOf(webhook).events.some((event) => event.channel === "deliveries"));
    await client.subscribe("deliveries");
    const webhook = await arrived;

    expect(webhook.headers["x-pusher-key"]).toBe(server.key);
    expect(verifyHmacSignature(server.secret, webhook.rawBody, webhook.headers["x-pusher-signature"])).toBe(true);
    const body = bodyOf(webhook);
    expect(body.events).toEqual([{ name: "channel_occupied", channel: "deliveries" }]);
    expect(Number.isInteger(body.time_ms)).toBe(true);
  });
});
