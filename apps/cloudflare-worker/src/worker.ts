// A Cloudflare Worker for a pusher-js front end: it authorizes private channel subscriptions
// (POST /pusher/auth, pusher-js's default endpoint) with @x/auth and publishes messages
// (POST /messages) with @x/rest. Both run on workerd with or without `nodejs_compat`.
import { createAuthHandler } from "@x/auth";
import { createRestClient, isPusherValidationError } from "@x/rest";

/** The Worker's `env`: `vars` of wrangler.json, and the secret set with `wrangler secret put PUSHER_SECRET`. */
export interface Env {
  PUSHER_APP_ID: string;
  PUSHER_KEY: string;
  PUSHER_SECRET: string;
  /** Pusher's cluster, e.g. "eu". */
  PUSHER_CLUSTER?: string;
  /** A self-hosted Pusher-compatible server instead of Pusher's cluster, e.g. "127.0.0.1". */
  PUSHER_HOST?: string;
  PUSHER_PORT?: string;
  /** "false" for a server without TLS. */
  PUSHER_USE_TLS?: string;
}

/** The channels this app's users may join and post to. */
const CHAT_CHANNEL_PREFIX = "private-chat-";

const jsonResponse = (status: number, body: unknown) => Response.json(body, { status });

/**
 * POST /pusher/auth. A real app checks the user's session here (a cookie or a bearer token in
 * `request`) before answering `true`; this example lets everyone into the chat channels.
 */
function authorize(request: Request, env: Env): Promise<Response> {
  const handler = createAuthHandler({
    key: env.PUSHER_KEY,
    secret: env.PUSHER_SECRET,
    onChannelAuthorization: ({ channelName }) => channelName.startsWith(CHAT_CHANNEL_PREFIX),
  });
  return handler(request);
}

/** POST /messages with `{"channel": "private-chat-…", "text": "…"}`: triggers a `message` event. */
async function postMessage(request: Request, env: Env): Promise<Response> {
  const body: unknown = await request.json().catch(() => undefined);
  const { channel, text } = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof channel !== "string" || typeof text !== "string") {
    return jsonResponse(400, { error: 'send {"channel": "private-chat-…", "text": "…"}' });
  }
  if (!channel.startsWith(CHAT_CHANNEL_PREFIX)) return jsonResponse(403, { error: "not a chat channel" });
  const pusher = createRestClient({
    appId: env.PUSHER_APP_ID,
    key: env.PUSHER_KEY,
    secret: env.PUSHER_SECRET,
    cluster: env.PUSHER_CLUSTER,
    host: env.PUSHER_HOST,
    port: env.PUSHER_PORT === undefined ? undefined : Number(env.PUSHER_PORT),
    useTLS: env.PUSHER_USE_TLS !== "false",
  });
  try {
    await pusher.trigger(channel, "message", { text });
  } catch (error) {
    if (isPusherValidationError(error)) return jsonResponse(400, { error: error.message });
    throw error;
  }
  return jsonResponse(200, { sent: true });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/pusher/auth") return authorize(request, env);
    if (pathname === "/messages" && request.method === "POST") return postMessage(request, env);
    return jsonResponse(404, { error: "not found" });
  },
};
