// The Pusher app and its two handlers, shared by the route handlers. They are made on the first
// request, not when the module loads: `next build` loads the routes without the runtime's
// environment (PUSHER_URL), where Pusher.fromEnv() would throw.
import { Pusher, type WebhookEvent } from "@x/server";
import { mayUseChannel, sessionUser } from "./users";

const KEPT_WEBHOOK_EVENTS = 50;

interface RecipeState {
  pusher: Pusher;
  auth: (request: Request) => Promise<Response>;
  webhooks: (request: Request) => Promise<Response>;
  webhookEvents: WebhookEvent[];
}

// On globalThis: Next.js may load this module once per route bundle, and every route must share
// one Pusher and one list of webhook events (a real app would use its database for the events).
const store = globalThis as typeof globalThis & { pusherRecipe?: RecipeState };

function create(): RecipeState {
  const pusher = Pusher.fromEnv();
  const webhookEvents: WebhookEvent[] = [];
  return {
    pusher,
    webhookEvents,
    // One handler serves both endpoints: a body with channel_name asks for a channel, one
    // without asks to sign the user in. The request is the browser's: its session decides.
    auth: pusher.createAuthHandler({
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
    webhooks: pusher.createWebhookHandler({
      // Pusher may deliver a webhook twice: a real app makes this idempotent.
      onEvent: (event) => {
        webhookEvents.push(event);
        webhookEvents.splice(0, webhookEvents.length - KEPT_WEBHOOK_EVENTS);
      },
    }),
  };
}

/**
 * The app's `Pusher`, its auth and webhook handlers and the webhook events received so far.
 *
 * @example
 * ```ts
 * export function POST(request: Request) {
 *   return recipe().auth(request);
 * }
 * ```
 */
export function recipe(): RecipeState {
  return (store.pusherRecipe ??= create());
}
