import formbody from "@fastify/formbody";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { isPusherValidationError, toNodeHandler, type NodeHandler, type Pusher, type WebhookEvent } from "@x/server";
import { mayUseChannel, sessionUser } from "./users.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The bytes of a JSON body, kept beside the parsed body by the parser below. */
    rawBody?: Buffer;
  }
}

/** How to build the app. */
export interface AppOptions {
  /** The app's `Pusher` (from `Pusher.fromEnv()` in `main.ts`). */
  pusher: Pusher;
  /**
   * Let Fastify parse every body, the Pusher routes' included: forms with `@fastify/formbody`,
   * JSON with a parser that also keeps the raw bytes (`request.rawBody`), as an existing app
   * often does. Both ways work: `toNodeHandler` re-encodes the parsed auth fields, and the webhook
   * endpoint uses the raw body. Without it, the Pusher routes live in a plugin that leaves their
   * bodies unread, for the handlers to read with their own size limits. @default false
   */
  bodyParsersFirst?: boolean;
}

const KEPT_WEBHOOK_EVENTS = 50;

// A Fastify route that hands the request to a Node.js handler: hijack() tells Fastify that the
// handler writes the answer itself, to reply.raw. The Fastify request itself is passed on, so
// that the handler finds what a parser left in request.body (or request.rawBody), and the body
// stream in request.raw when no parser read it.
function nodeRoute(handler: NodeHandler) {
  return (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    reply.hijack();
    return handler(request, reply.raw);
  };
}

/**
 * The recipe's Fastify app:
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
 * const app = await createApp({ pusher: Pusher.fromEnv() });
 * await app.listen({ port: 3000, host: "127.0.0.1" });
 * ```
 */
export async function createApp({ pusher, bodyParsersFirst = false }: AppOptions): Promise<FastifyInstance> {
  const webhookEvents: WebhookEvent[] = [];

  // One handler serves both endpoints: a body with channel_name asks for a channel, one without
  // asks to sign the user in. The request is the browser's: its session decides.
  const pusherAuth = nodeRoute(
    toNodeHandler(
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
    ),
  );

  const pusherWebhooks = nodeRoute(
    toNodeHandler(
      pusher.createWebhookHandler({
        // Pusher may deliver a webhook twice: a real app makes this idempotent.
        onEvent: (event) => {
          webhookEvents.push(event);
          webhookEvents.splice(0, webhookEvents.length - KEPT_WEBHOOK_EVENTS);
        },
      }),
    ),
  );

  // Fastify's default is no limit: a client sending its body a byte at a time would hold a socket for ever.
  const app = Fastify({ requestTimeout: 30_000 });

  if (bodyParsersFirst) {
    await app.register(formbody);
    // Fastify's own JSON parser (with its refusal of __proto__ and constructor.prototype), plus the
    // raw bytes: a webhook's signature covers the bytes Pusher sent.
    const parseJson = app.getDefaultJsonParser("error", "error");
    app.removeContentTypeParser("application/json");
    app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body: Buffer, done) => {
      request.rawBody = body;
      // Fastify's parser answers through done (its type also allows a promise, hence the void).
      void parseJson(request, body.toString("utf8"), done);
    });
    app.post("/pusher/auth", pusherAuth);
    app.post("/pusher/user-auth", pusherAuth);
    app.post("/pusher/webhooks", pusherWebhooks);
  } else {
    await app.register((routes, _options, done) => {
      // In this plugin only: accept any body, unread. The handlers read it themselves.
      routes.removeAllContentTypeParsers();
      routes.addContentTypeParser("*", (_request, _payload, parsed) => parsed(null));
      routes.post("/pusher/auth", pusherAuth);
      routes.post("/pusher/user-auth", pusherAuth);
      routes.post("/pusher/webhooks", pusherWebhooks);
      done();
    });
  }

  app.get("/webhooks/events", () => ({ events: webhookEvents }));

  app.post("/messages", async (request, reply) => {
    const user = sessionUser(request.headers.authorization);
    if (user === undefined) return reply.code(401).send({ error: "sign in first" });
    const { channel, text } = (request.body ?? {}) as { channel?: unknown; text?: unknown };
    if (typeof channel !== "string" || typeof text !== "string") {
      return reply.code(400).send({ error: 'send {"channel": "…", "text": "…"}' });
    }
    if (!mayUseChannel(user, channel)) return reply.code(403).send({ error: "you may not post to this channel" });
    try {
      await pusher.trigger(channel, "message", { from: user.name, text });
    } catch (error) {
      // A bad channel name or an oversized text: the SDK says which before sending anything.
      if (!isPusherValidationError(error)) throw error;
      return reply.code(400).send({ error: error.message });
    }
    return { ok: true };
  });

  return app;
}
