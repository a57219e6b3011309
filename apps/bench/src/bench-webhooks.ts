import { createHmac, timingSafeEqual } from "node:crypto";
import { Pusher as OurPusher } from "@x/server";
import { verifyWebhook } from "@x/webhooks";
import Pusher from "pusher";
import { APP, WEBHOOK_BODY, WEBHOOK_SIGNATURE, WEBHOOK_TIME_MS } from "./fixtures.js";
import { measureOps, type OpsPerSecond } from "./measure-ops.js";

export const WEBHOOK_CONTENDERS = {
  leaf: "@x/webhooks verifyWebhook",
  umbrella: "@x/server Pusher#processWebHook",
  official: "pusher 5.3.4 webhook",
  floor: "floor (one createHmac + JSON.parse)",
} as const;

/**
 * Verifies the same webhook and reads its events (docs/protocol.md §7) with our leaf function, our
 * umbrella, the official SDK (`webhook(...)`, `isValid()`, `getEvents()`), and the floor: one
 * HMAC, a constant-time comparison and `JSON.parse`. Every contender must accept it.
 */
export async function benchWebhooks(): Promise<OpsPerSecond> {
  const credentials = { key: APP.key, secret: APP.secret };
  const ours = new OurPusher(APP);
  const official = new Pusher({ ...APP, cluster: "mt1" });
  const headers = { "x-pusher-key": APP.key, "x-pusher-signature": WEBHOOK_SIGNATURE, "content-type": "application/json" };
  const expected = Buffer.from(WEBHOOK_SIGNATURE, "hex");
  // Received when it was sent: the freshness window (on by default) is checked, and passes.
  const options = { now: () => WEBHOOK_TIME_MS };
  const mustBeValid = (valid: boolean): void => {
    if (!valid) throw new Error("a webhook benchmark rejected the valid webhook");
  };

  return measureOps([
    {
      name: WEBHOOK_CONTENDERS.leaf,
      run: () => {
        const verdict = verifyWebhook(credentials, { body: WEBHOOK_BODY, signature: WEBHOOK_SIGNATURE, key: APP.key }, options);
        mustBeValid(verdict.isValid);
        return verdict.events;
      },
    },
    {
      name: WEBHOOK_CONTENDERS.umbrella,
      run: () => {
        const verdict = ours.processWebHook(WEBHOOK_SIGNATURE, WEBHOOK_BODY, APP.key, options);
        mustBeValid(verdict.isValid);
        return verdict.events;
      },
    },
    {
      name: WEBHOOK_CONTENDERS.official,
      run: () => {
        const webhook = official.webhook({ headers, rawBody: WEBHOOK_BODY });
        mustBeValid(webhook.isValid());
        return webhook.getEvents();
      },
    },
    {
      name: WEBHOOK_CONTENDERS.floor,
      run: () => {
        const actual = createHmac("sha256", APP.secret).update(WEBHOOK_BODY).digest();
        mustBeValid(timingSafeEqual(actual, expected));
        return (JSON.parse(WEBHOOK_BODY) as { events: unknown[] }).events;
      },
    },
  ]);
}
