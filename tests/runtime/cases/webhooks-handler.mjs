// The Web-standard webhook endpoint of the built @x/webhooks (Request → Response), fed a
// documented webhook (docs/protocol.md §7) with this runtime's own Request and Response.
import { createWebhookHandler } from "@x/webhooks";
import { assertDeepEqual, assertEqual } from "../harness/assert.mjs";

const OCCUPIED = {
  key: "app-key",
  secret: "1c9c753dddfd049dd7f1",
  body: '{"time_ms":1423778833207,"events":[{"channel":"test_channel","name":"channel_occupied"}]}',
  signature: "851f492bab8f7652a2e4c82cd0212d97b4e678edf085c06bf640ed45ee7b1169",
};

/**
 * A webhook POST as Pusher sends it.
 * @param {string} signature
 * @returns {Request}
 */
const webhookPost = (signature) =>
  new Request("http://127.0.0.1/pusher/webhooks", {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", "x-pusher-key": OCCUPIED.key, "x-pusher-signature": signature },
    body: OCCUPIED.body,
  });

/** @type {import("../harness/run-cases.mjs").TestCase[]} */
export default [
  {
    name: "createWebhookHandler answers a signed webhook with 200 and hands its events to onEvent",
    async run() {
      /** @type {unknown[]} */
      const received = [];
      const handler = createWebhookHandler({
        credentials: { key: OCCUPIED.key, secret: OCCUPIED.secret },
        onEvent: (event) => {
          received.push(event);
        },
      });
      const response = await handler(webhookPost(OCCUPIED.signature));
      await response.body?.cancel();
      assertEqual(response.status, 200, "status");
      assertDeepEqual(received, [{ channel: "test_channel", name: "channel_occupied" }], "events");
    },
  },
  {
    name: "createWebhookHandler answers a wrongly signed webhook with 401 and calls nothing",
    async run() {
      /** @type {unknown[]} */
      const received = [];
      const handler = createWebhookHandler({
        credentials: { key: OCCUPIED.key, secret: OCCUPIED.secret },
        onEvent: (event) => {
          received.push(event);
        },
      });
      const response = await handler(webhookPost(OCCUPIED.signature.replace(/^8/, "9")));
      await response.body?.cancel();
      assertEqual(response.status, 401, "status");
      assertDeepEqual(received, [], "events");
    },
  },
];
