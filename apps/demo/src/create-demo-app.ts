import { randomUUID } from "node:crypto";
import { isPusherError, isPusherValidationError, type Pusher, type WebhookEvent } from "@x/server";
import { Hono } from "hono";
import { setCookie } from "hono/cookie";
import type { BrowserConnection } from "./browser-connection.ts";
import { CHAT_CHANNEL, WEBHOOK_CHANNEL } from "./channels.ts";
import { SESSION_COOKIE, Sessions } from "./sessions.ts";
import type { StaticFile } from "./static-files.ts";
import { readUserName } from "./user-name.ts";
import { WebhookLog } from "./webhook-log.ts";

/**
 * What the demo's routes work with.
 *
 * @example
 * ```ts
 * const app = createDemoApp({ pusher, connection: browserConnection(pusher.key, endpoint), files: await loadStaticFiles() });
 * ```
 */
export interface DemoAppOptions {
  pusher: Pusher;
  /**
   * The pusher-js options the page connects with: one, or one per node of a cluster, handed to
   * the pages in turn (each page is told which node it is on).
   */
  connection: BrowserConnection | readonly BrowserConnection[];
  /** The page and its scripts, by URL path. */
  files: Map<string, StaticFile>;
  /** Where errors are reported. @default console.error */
  logError?: (message: string) => void;
}

/**
 * A chat message as it travels on the presence channel.
 *
 * @example
 * ```ts
 * const message: ChatMessage = { id: "…", userId: "user-1", name: "Alice", text: "hi" };
 * ```
 */
export interface ChatMessage {
  id: string;
  userId: string;
  name: string;
  text: string;
}

const MAX_MESSAGE_LENGTH = 500;

// The page shows the chat channel's webhooks only. Those of the webhook channel itself would
// echo every page's subscription back into the panel, and soketi's internal `#server-to-user-`
// channels (one per signed-in user, packages/testing/README.md, "Where the fake and soketi differ") are not Pusher's.
function isShownWebhook(event: WebhookEvent): boolean {
  return event.channel === CHAT_CHANNEL;
}

function errorMessage(error: unknown): string {
  // The SDK's errors never carry a secret or a signed URL, so their messages are safe to log.
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * The demo's web app, as a Hono app (a Web-standard `fetch` handler):
 *
 * | route | |
 * |---|---|
 * | `GET /`, `/app.js`, `/style.css`, `/pusher-js/pusher.min.js` | the page, and pusher-js's browser build |
 * | `GET /api/config` | the pusher-js options and channel names the page uses (and, on a cluster, its node) |
 * | `POST /api/session` `{ name }` | signs a visitor in: a session cookie and `{ user }` |
 * | `POST /pusher/auth`, `/pusher/user-auth` | `pusher.createAuthHandler`: presence membership and sign-in for the cookie's user |
 * | `POST /webhooks/pusher` | `pusher.createWebhookHandler`: logs the events and forwards them to the page |
 * | `GET /api/webhooks` | the last 50 webhook events |
 * | `POST /api/messages` `{ text, socketId }` | `pusher.trigger` on the chat channel, without the sender's echo |
 * | `GET /api/state` | `pusher.fetchStateForChannels` and `pusher.fetchUsersFromPresenceChannel` |
 *
 * @example
 * ```ts
 * const app = createDemoApp({ pusher, connection, files });
 * createServer(getRequestListener(app.fetch)).listen(3000, "127.0.0.1");
 * ```
 */
export function createDemoApp(options: DemoAppOptions): Hono {
  const { pusher, connection, files } = options;
  const logError = options.logError ?? ((message: string) => console.error(message));
  const sessions = new Sessions();
  const webhookLog = new WebhookLog();

  const authHandler = pusher.createAuthHandler({
    // The request is the browser's, cookie included: the session decides who may join, and as whom.
    onChannelAuthorization: ({ channelName, request }) => {
      const user = sessions.userOf(request);
      if (user === undefined || channelName !== CHAT_CHANNEL) return false;
      return { presenceData: { user_id: user.id, user_info: { name: user.name } } };
    },
    onUserAuthentication: ({ request }) => {
      const user = sessions.userOf(request);
      return user === undefined ? false : { id: user.id, user_info: { name: user.name } };
    },
    onError: (error) => logError(`auth endpoint: ${errorMessage(error)}`),
  });

  const webhookHandler = pusher.createWebhookHandler({
    onEvents: (events, { timeMs }) => {
      for (const event of events.filter(isShownWebhook)) {
        const entry = webhookLog.add(event, timeMs);
        // Not awaited: the webhook is answered at once, and a failed forward must not make
        // Pusher deliver the webhook again.
        pusher
          .trigger(WEBHOOK_CHANNEL, "webhook", entry)
          .catch((error: unknown) => logError(`could not forward a webhook to the page: ${errorMessage(error)}`));
      }
    },
    onError: (error) => logError(`webhook endpoint: ${errorMessage(error)}`),
  });

  const app = new Hono();

  for (const [path, file] of files) {
    app.get(path, (c) => c.body(file.body, 200, { "Content-Type": file.contentType }));
  }

  // With a cluster, each page gets the next node, so that two visitors are on different nodes.
  const nodes = Array.isArray(connection) ? (connection as readonly BrowserConnection[]) : [connection as BrowserConnection];
  let pagesServed = 0;
  app.get("/api/config", (c) => {
    const index = pagesServed++ % nodes.length;
    const node = nodes.length > 1 ? { node: { index, of: nodes.length } } : {};
    return c.json({ connection: nodes[index], ...node, chatChannel: CHAT_CHANNEL, webhookChannel: WEBHOOK_CHANNEL });
  });

  app.post("/api/session", async (c) => {
    const body = await c.req.json<{ name?: unknown }>().catch(() => undefined);
    const name = readUserName(body?.name);
    if (name === undefined) return c.json({ error: "name: 1 to 32 letters, digits, spaces or ._'-" }, 400);
    const { token, user } = sessions.create(name);
    setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: "Strict", path: "/" });
    return c.json({ user });
  });

  app.post("/pusher/auth", (c) => authHandler(c.req.raw));
  app.post("/pusher/user-auth", (c) => authHandler(c.req.raw));
  app.post("/webhooks/pusher", (c) => webhookHandler(c.req.raw));
  app.get("/api/webhooks", (c) => c.json({ webhooks: webhookLog.recent() }));

  app.post("/api/messages", async (c) => {
    const user = sessions.userOf(c.req.raw);
    if (user === undefined) return c.json({ error: "join the chat first" }, 401);
    const body = await c.req.json<{ text?: unknown; socketId?: unknown }>().catch(() => undefined);
    const text = typeof body?.text === "string" ? body.text.trim() : "";
    if (text.length === 0 || text.length > MAX_MESSAGE_LENGTH) {
      return c.json({ error: `text: 1 to ${MAX_MESSAGE_LENGTH} characters` }, 400);
    }
    if (typeof body?.socketId !== "string") return c.json({ error: "socketId: the sender's pusher-js socket id" }, 400);
    const message: ChatMessage = { id: randomUUID(), userId: user.id, name: user.name, text };
    try {
      // With the sender's socket id, Pusher delivers the event to every connection but that
      // one: the page shows its own message from this response instead, exactly once.
      await pusher.trigger(CHAT_CHANNEL, "message", message, { socketId: body.socketId });
    } catch (error) {
      // The SDK validates before sending (a malformed socket id never reaches Pusher).
      if (isPusherValidationError(error)) return c.json({ error: error.message }, 400);
      throw error;
    }
    return c.json(message, 201);
  });

  app.get("/api/state", async (c) => {
    const [channels, members] = await Promise.all([
      pusher.fetchStateForChannels({ filterByPrefix: "presence-", info: ["user_count"] }),
      pusher.fetchUsersFromPresenceChannel(CHAT_CHANNEL),
    ]);
    return c.json({ channels: channels.channels, users: members.users });
  });

  app.onError((error, c) => {
    logError(`${c.req.method} ${c.req.path}: ${errorMessage(error)}`);
    // An SDK error here means the call to Pusher failed: a bad gateway, not a bug of the demo.
    if (isPusherError(error)) return c.json({ error: "the call to Pusher failed; see the server's log" }, 502);
    return c.json({ error: "Internal Server Error" }, 500);
  });

  return app;
}
