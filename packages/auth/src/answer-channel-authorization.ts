import { errorResponse, isPusherValidationError, jsonResponse, validateSocketId } from "@x/types";
import type { AuthRequestParams } from "./auth-handler-options.js";
import { authorizeChannel } from "./authorize-channel.js";
import { validateAuthorizableChannel } from "./authorizable-channel.js";
import { badRequest } from "./bad-request.js";
import type { AuthHandlerSettings } from "./resolve-auth-handler-options.js";

/**
 * Answers a channel authorization request (`socket_id` and `channel_name`, PROTOCOL §5): 400 for
 * a bad socket id or a channel that cannot be authorized (checked before the application is
 * asked), 403 when the application refuses, else 200 with `{ auth, channel_data?, shared_secret? }`.
 * An error after the application decided (a decision that cannot be signed) propagates: it is
 * the application's bug, answered 500 by the handler.
 */
export async function answerChannelAuthorization(
  settings: AuthHandlerSettings,
  params: AuthRequestParams,
  request: Request,
): Promise<Response> {
  const { onChannelAuthorization, credentials } = settings;
  if (onChannelAuthorization === undefined) {
    return errorResponse(404, "Not Found: this endpoint does not authorize channels");
  }
  const socketId = params.socket_id;
  const channelName = params.channel_name;
  try {
    validateSocketId(socketId, "socket_id");
    validateAuthorizableChannel(channelName, credentials, "channel_name");
  } catch (error) {
    if (isPusherValidationError(error)) return badRequest(error.message);
    throw error;
  }

  const decision = await onChannelAuthorization({ socketId, channelName, params, request });
  // Fail closed: only `true` or a `{ presenceData }` object allows; anything else refuses.
  if (decision !== true && (typeof decision !== "object" || decision === null)) return errorResponse(403, "Forbidden");
  const presenceData = decision === true ? undefined : decision.presenceData;
  return jsonResponse(200, authorizeChannel(credentials, { socketId, channelName, presenceData }));
}
