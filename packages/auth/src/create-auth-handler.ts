import { PusherConfigError, isPusherValidationError } from "@x/types";
import type { PresenceData, UserData } from "@x/types";
import { errorResponse, isPresenceChannel, jsonResponse, readFields, validateSocketId } from "@x/types/internal";
import { authenticateUser } from "./authenticate-user.js";
import { authorizeChannel, validateAuthorizableChannel } from "./authorize-channel.js";
import { resolveAuthHandlerOptions } from "./auth-handler-options.js";
import type { AuthHandlerOptions, AuthHandlerSettings, AuthRequestParams } from "./auth-handler-options.js";
import { badRequest, readAuthRequest } from "./read-auth-request.js";

/**
 * Creates the auth endpoint pusher-js calls, a Web-standard `(request) => Promise<Response>` (on
 * Node.js through `toNodeHandler`). A body with `channel_name` asks `onChannelAuthorization`, one
 * with `socket_id` alone `onUserAuthentication` (docs/protocol.md §5). It fails closed: 200 only
 * for an explicit allow, 403 for any other decision, a 4xx for a bad request, a 500 when a callback
 * throws; its promise never rejects. Bad options throw a `PusherConfigError` here, once.
 *
 * @example
 * ```ts
 * const handler = createAuthHandler({ key, secret, onChannelAuthorization: async ({ request }) => isSignedIn(request) });
 * export default { fetch: handler }; // a Cloudflare Worker, Bun.serve or Deno.serve
 * ```
 */
export function createAuthHandler(options: AuthHandlerOptions): (request: Request) => Promise<Response> {
  const settings = resolveAuthHandlerOptions(options);
  return async (request) => {
    try {
      const params = await readAuthRequest(request, settings);
      if (params instanceof Response) return params;
      return params.channel_name === undefined
        ? await answerUserAuthentication(settings, params, request)
        : await answerChannelAuthorization(settings, params, request);
    } catch (error) {
      await report(settings.onError, error, request);
      return errorResponse(500, "Internal Server Error");
    }
  };
}

// Checked before the application is asked: a callback only ever sees what it may allow.
async function answerChannelAuthorization(settings: AuthHandlerSettings, params: AuthRequestParams, request: Request) {
  const { onChannelAuthorization, credentials } = settings;
  if (onChannelAuthorization === undefined) return errorResponse(404, "Not Found: no onChannelAuthorization");
  const { socket_id: socketId, channel_name: channelName } = params;
  try {
    validateSocketId(socketId, "socket_id");
    validateAuthorizableChannel(channelName, credentials, "channel_name");
  } catch (error) {
    if (isPusherValidationError(error)) return badRequest(error.message);
    throw error;
  }
  const decision = onChannelAuthorization({ socketId, channelName, params, request });
  return answerDecision(settings, request, decision, (allowed) =>
    authorizeChannel(credentials, { socketId, channelName, presenceData: presenceDataAllowedBy(allowed, channelName) }),
  );
}

async function answerUserAuthentication(settings: AuthHandlerSettings, params: AuthRequestParams, request: Request) {
  const { onUserAuthentication, credentials } = settings;
  if (onUserAuthentication === undefined) return errorResponse(404, "Not Found: no onUserAuthentication");
  const socketId = params.socket_id;
  try {
    validateSocketId(socketId, "socket_id");
  } catch (error) {
    if (isPusherValidationError(error)) return badRequest(error.message);
    throw error;
  }
  const decision = onUserAuthentication({ socketId, params, request });
  // Only user data that passes every check of authenticateUser signs the user in.
  return answerDecision(settings, request, decision, (user) =>
    authenticateUser(credentials, { socketId, userData: user as UserData }),
  );
}

// 200 with what `sign` makes of the application's decision, 403 when it throws. A refusal other
// than false, null or undefined is a bug of the application, which onError is told about.
async function answerDecision(
  settings: AuthHandlerSettings,
  request: Request,
  answer: unknown,
  sign: (decision: unknown) => object,
): Promise<Response> {
  // Only a thenable is awaited: awaiting another value reads its `then`, and one that throws
  // (a getter, a Proxy) would turn a refusal into a 500.
  const decision = isThenable(answer) ? await answer : answer;
  try {
    return jsonResponse(200, sign(decision));
  } catch (error) {
    if (decision !== false && decision !== null && decision !== undefined) await report(settings.onError, error, request);
    return errorResponse(403, "Forbidden");
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  try {
    return typeof (value as { then?: unknown } | null | undefined)?.then === "function";
  } catch {
    return false;
  }
}

// `true` allows a private or encrypted channel, `{ presenceData }` a presence channel (the data is
// checked when signed); anything else throws.
function presenceDataAllowedBy(decision: unknown, channelName: string): PresenceData | undefined {
  if (!isPresenceChannel(channelName)) {
    if (decision === true) return undefined;
  } else {
    // Never from a polluted Object.prototype: a planted presenceData is no allow.
    const fields = readFields(decision, ["presenceData"]);
    if (fields !== undefined) return fields.presenceData as PresenceData | undefined;
  }
  throw new PusherConfigError("onChannelAuthorization", "onChannelAuthorization did not return true (or { presenceData })");
}

// Awaited, so that a logger's flush is done before the answer; its errors are dropped, never the answer's.
async function report(onError: AuthHandlerOptions["onError"], error: unknown, request: Request): Promise<void> {
  try {
    await onError?.(error, request);
  } catch {
    // A logger that fails: nothing more to do.
  }
}
