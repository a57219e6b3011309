import { createHmac } from "node:crypto";

// What every benchmark works on. The credentials are docs/protocol.md's example app, not real ones.

/** The app of every benchmark. */
export const APP = { appId: "3", key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" } as const;

/** The event the trigger, publisher and memory benchmarks send: one channel, a small JSON payload. */
export const EVENT = { channel: "bench-channel", name: "bench-event", data: { message: "hello world", n: 42 } } as const;

/** The subscription the authorization benchmarks sign, as pusher-js would ask for it. */
export const SOCKET_ID = "1234.1234";
export const PRIVATE_CHANNEL = "private-bench";
export const PRESENCE_CHANNEL = "presence-bench";
export const PRESENCE_DATA = { user_id: "42", user_info: { name: "Ada" } } as const;

/** When the webhook below was sent: the benchmarks receive it then, inside the freshness window. */
export const WEBHOOK_TIME_MS = 1_700_000_000_000;

/** A webhook as Pusher delivers it (docs/protocol.md §7): the raw body and its two headers. */
export const WEBHOOK_BODY = JSON.stringify({
  time_ms: WEBHOOK_TIME_MS,
  events: [
    { name: "channel_occupied", channel: "presence-bench" },
    { name: "member_added", channel: "presence-bench", user_id: "42" },
  ],
});
export const WEBHOOK_SIGNATURE = createHmac("sha256", APP.secret).update(WEBHOOK_BODY).digest("hex");
