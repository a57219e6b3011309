// The recipe's app, written once for every runtime: Hono and the SDK's handlers speak
// Web-standard Request and Response, so this module uses no Node.js API. node.ts, bun.ts and
// deno.ts serve it.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { timeout } from "hono/timeout";
import { isPusherValidationError, type Pusher, type WebhookEvent } from "@x/server";
import { mayUseChannel, sessionUser } from "./users.ts";

const KEPT_WEBHOOK_EVENTS = 50;
// Hono reads a body as large as it comes: /messages takes at most what express.json() takes by
// default. (The SDK's handlers bound their own bodies, with their `maxBodyBytes` option.)
const MAX_MESSAGE_BODY_BYTES = 100 * 1024;
// Neither Bun's nor Deno's server bounds a body that arrives a byte at a time (Node's does, in
// minutes): /messages answers 408 past this, and closes the connection where the runtime allows.
const MESSAGE_TIMEOUT_MS = 30_000;

/**
 * The recipe's Hono app:
 *
 * - `POST /pusher/auth` and `POST /pusher/user-auth`: `pusher.createAuthHandler`, deciding from the
 *   session who may join which channel (presence channels as whom) and who may sign in;
 * - `POST /pusher/webhooks`: `pusher.createWebhookHandler`, keeping the last events it verified,
 *   shown at `GET /webhooks/events`;
 * - `POST /messages` `{ channel, text }`: triggers a `message` event, for a signed-in user on a
 *   channel they may use.
 *
 * @example
 * ```ts
 * const app = createApp(Pusher.fromEnv());
 * Bun.serve({ port: 3000, fetch: app.fetch });
 * ```
 */
export function createApp(pusher: Pusher): Hono {
  const webhookEvents: WebhookEvent[] = [];

  // One handler serves both endpoints: a body with channel_name asks for a channel, one without
  // asks to sign the user in. The request is the browser's: its session decides.
  const pusherAuth = pusher.createAuthHandler({
    onChannelAuthorization: ({ channelName, request }) => {
      const user = sessionUser(request.headers.get("authorization"));
      if (user === undefined || !mayUseChannel(user, channelName)) return false; // 403
      if (channelName.startsWith("presence-")) return { presenceData: { user_id: user.id, user_info: { name: user.name } } };
      return true;
    },
    onUserAuthentication: ({ request }) => {
      const user = sessionUser(request.headers.get("authorization"));
      return user === undefined ? false : { id: user.id, user_info: { name: user.name } };
    },
  });

  const pusherWebhooks = pusher.createWebhookHandler({
    // Pusher may deliver a webhook twice: a real app makes this idempotent.
    onEvent: (event) => {
      webhookEvents.push(event);
      webhookEvents.splice(0, webhookEvents.length - KEPT_WEBHOOK_EVENTS);
    },
  });

  const app = new Hono();

  // c.req.raw is the Request as it arrived, its body unread: the handlers read it themselves.
  app.post("/pusher/auth", (c) => pusherAuth(c.req.raw));
  app.post("/pusher/user-auth", (c) => pusherAuth(c.req.raw));
  app.post("/pusher/webhooks", (c) => pusherWebhooks(c.req.raw));

  app.get("/webhooks/events", (c) => c.json({ events: webhookEvents }));

  const messageBodyLimit = bodyLimit({
    maxSize: MAX_MESSAGE_BODY_BYTES,
    onError: (c) => c.json({ error: "the message is too large" }, 413),
  });
  const messageTimeout = timeout(
    MESSAGE_TIMEOUT_MS,
    () => new HTTPException(408, { res: Response.json({ error: "Request Timeout" }, { status: 408, headers: { connection: "close" } }) }),
  );
  app.post("/messages", messageTimeout, messageBodyLimit, async (c) => {
    const user = sessionUser(c.req.header("authorization"));
    if (user === undefined) return c.json({ error: "sign in first" }, 401);
    const body: unknown = await c.req.json().catch(() => undefined);
    const { channel, text } = (typeof body === "object" && body !== null ? body : {}) as { channel?: unknown; text?: unknown };
    if (typeof channel !== "string" || typeof text !== "string") return c.json({ error: 'send {"channel": "…", "text": "…"}' }, 400);
    if (!mayUseChannel(user, channel)) return c.json({ error: "you may not post to this channel" }, 403);
    try {
      await pusher.trigger(channel, "message", { from: user.name, text });
    } catch (error) {
      // A bad channel name or an oversized text: the SDK says which before sending anything.
      if (!isPusherValidationError(error)) throw error;
      return c.json({ error: error.message }, 400);
    }
    return c.json({ ok: true });
  });

  return app;
}
