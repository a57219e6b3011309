import { errorResponse } from "@x/types/internal";
import { answerChannelAuthorization } from "./answer-channel-authorization.js";
import { answerUserAuthentication } from "./answer-user-authentication.js";
import type { AuthHandlerOptions } from "./auth-handler-options.js";
import { readAuthRequest } from "./read-auth-request.js";
import { reportError } from "./report-error.js";
import { resolveAuthHandlerOptions } from "./resolve-auth-handler-options.js";

/**
 * Creates the auth endpoint that pusher-js calls, as a Web-standard `(request) => Promise<Response>`
 * for any runtime (serverless functions, edge workers, Bun, Deno; Node.js frameworks through
 * `toNodeHandler`). Mount it at both `channelAuthorization.endpoint`
 * and `userAuthentication.endpoint` (or at one of them): a body with `channel_name` is a channel
 * authorization, a body with `socket_id` alone a user authentication (docs/protocol.md §5).
 *
 * Accepts `application/x-www-form-urlencoded` (what pusher-js sends) and JSON objects of strings.
 * It fails closed: only an explicit allow is signed. Answers:
 *
 * - 200 with the JSON pusher-js expects, only when the application allows explicitly: `true` for
 *   a private or encrypted channel, `{ presenceData }` with valid presence data for a presence
 *   channel, valid user data for a sign-in;
 * - 403 `{"error":"Forbidden"}`, with no signature, for every other decision, whatever its type
 *   (`false`, `{}`, an `Error`, `true` for a presence channel, invalid presence or user data,
 *   an object whose getters throw...). Apart from `false`, `null` and `undefined`, such a
 *   decision is a bug of the application: `onError` is told why it was refused;
 * - 400 for a malformed request; 404 for a kind of request it has no callback for; 405 for a
 *   method other than POST; 408 for a body that takes longer than `bodyTimeoutMs` (10 s by
 *   default) to arrive; 413 for a body over `maxBodyBytes`; 415 for another content type;
 * - 500, with no detail in the body, when a callback throws or its promise rejects (`onError`
 *   receives the error).
 *
 * Bad input never causes a 500, and nothing a callback does (`onError` included, synchronous or
 * not, throwing or rejecting) makes the returned promise reject or changes the status. The
 * handler awaits the callbacks: one that never settles leaves the request unanswered, to the
 * platform's own timeout.
 *
 * The options are checked here, once: a `PusherConfigError` names the bad option.
 *
 * @example
 * ```ts
 * import { createAuthHandler } from "@x/auth";
 *
 * const handler = createAuthHandler({
 *   key: env.PUSHER_KEY,
 *   secret: env.PUSHER_SECRET,
 *   onChannelAuthorization: async ({ channelName, request }) => {
 *     const user = await sessionUser(request);
 *     if (!user) return false;
 *     if (channelName.startsWith("presence-")) return { presenceData: { user_id: user.id, user_info: { name: user.name } } };
 *     return true;
 *   },
 *   onUserAuthentication: async ({ request }) => {
 *     const user = await sessionUser(request);
 *     return user ? { id: user.id, user_info: { name: user.name } } : false;
 *   },
 * });
 *
 * export default { fetch: handler }; // e.g. a Cloudflare Worker, Bun.serve or Deno.serve
 * ```
 */
export function createAuthHandler(options: AuthHandlerOptions): (request: Request) => Promise<Response> {
  const settings = resolveAuthHandlerOptions(options);
  return async (request) => {
    try {
      const params = await readAuthRequest(request, settings.maxBodyBytes, settings.bodyTimeoutMs);
      if (params instanceof Response) return params;
      return params.channel_name === undefined
        ? await answerUserAuthentication(settings, params, request)
        : await answerChannelAuthorization(settings, params, request);
    } catch (error) {
      await reportError(settings.onError, error, request);
      return errorResponse(500, "Internal Server Error");
    }
  };
}
