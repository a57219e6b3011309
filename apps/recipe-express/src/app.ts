import express, { type Express, type Request } from "express";
import { isPusherValidationError, toNodeHandler, type Pusher, type WebhookEvent } from "@x/server";
import { mayUseChannel, sessionUser } from "./users.ts";

/** How to build the app. */
export interface AppOptions {
  /** The app's `Pusher` (from `Pusher.fromEnv()` in `main.ts`). */
  pusher: Pusher;
  /**
   * Mount `express.urlencoded()` and `express.json()` for the whole app, in front of the Pusher
   * routes, as an existing app often does. Both ways work: `toNodeHandler` re-encodes what the
   * parsers parsed for the auth endpoint, and the webhook endpoint uses the raw body that
   * `express.json({ verify })` keeps. @default false
   */
  bodyParsersFirst?: boolean;
}

const KEPT_WEBHOOK_EVENTS = 50;

/**
 * The recipe's Express app:
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
 * createApp({ pusher: Pusher.fromEnv() }).listen(3000, "127.0.0.1");
 * ```
 */
export function createApp({ pusher, bodyParsersFirst = false }: AppOptions): Express {
  const webhookEvents: WebhookEvent[] = [];

  // One handler serves both endpoints: a body with channel_name asks for a channel, one without
  // asks to sign the user in. The request is the browser's: its session decides.
  const pusherAuth = toNodeHandler(
    pusher.createAuthHandler({
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
    }),
  );

  const pusherWebhooks = toNodeHandler(
    pusher.createWebhookHandler({
      // Pusher may deliver a webhook twice: a real app makes this idempotent.
      onEvent: (event) => {
        webhookEvents.push(event);
        webhookEvents.splice(0, webhookEvents.length - KEPT_WEBHOOK_EVENTS);
      },
    }),
  );

  const app = express();
  if (bodyParsersFirst) {
    app.use(express.urlencoded({ extended: false }));
    // A webhook's signature covers the bytes Pusher sent: keep them beside the parsed body.
    app.use(
      express.json({
        verify: (request: Request & { rawBody?: Buffer }, _response, buffer) => {
          request.rawBody = buffer;
        },
      }),
    );
  }
  app.post(["/pusher/auth", "/pusher/user-auth"], pusherAuth);
  app.post("/pusher/webhooks", pusherWebhooks);

  app.get("/webhooks/events", (_request, response) => {
    response.json({ events: webhookEvents });
  });

  app.post("/messages", express.json(), async (request, response) => {
    const user = sessionUser(request.get("authorization"));
    if (user === undefined) {
      response.status(401).json({ error: "sign in first" });
      return;
    }
    const { channel, text } = (request.body ?? {}) as { channel?: unknown; text?: unknown };
    if (typeof channel !== "string" || typeof text !== "string") {
      response.status(400).json({ error: 'send {"channel": "…", "text": "…"}' });
      return;
    }
    if (!mayUseChannel(user, channel)) {
      response.status(403).json({ error: "you may not post to this channel" });
      return;
    }
    try {
      await pusher.trigger(channel, "message", { from: user.name, text });
    } catch (error) {
      // A bad channel name or an oversized text: the SDK says which before sending anything.
      if (!isPusherValidationError(error)) throw error;
      response.status(400).json({ error: error.message });
      return;
    }
    response.json({ ok: true });
  });

  return app;
}
