import { PusherConfigError, isPusherValidationError, type PresenceData } from "@x/types";
import { errorResponse, isPresenceChannel, readFields, validateSocketId } from "@x/types/internal";
import { answerDecision } from "./answer-decision.js";
import { askApplication } from "./ask-application.js";
import type { AuthRequestParams } from "./auth-handler-options.js";
import { authorizeChannel } from "./authorize-channel.js";
import { validateAuthorizableChannel } from "./authorizable-channel.js";
import { badRequest } from "./bad-request.js";
import type { AuthHandlerSettings } from "./resolve-auth-handler-options.js";

/**
 * Answers a channel authorization request (`socket_id` and `channel_name`, docs/protocol.md §5): 400 for
 * a bad socket id or a channel that cannot be authorized (checked before the application is
 * asked), 200 with `{ auth, channel_data?, shared_secret? }` when the application explicitly
 * allows, 403 for any other decision. A callback that throws or rejects propagates: the
 * handler answers 500.
 */
export async function answerChannelAuthorization(
  settings: AuthHandlerSettings,
  params: AuthRequestParams,
  request: Request,
): Promise<Response> {
  const { onChannelAuthorization, credentials } = settings;
  if (onChannelAuthorization === undefined) {
    return errorResponse(404, "Not Found: no onChannelAuthorization");
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

  const { decision } = await askApplication(onChannelAuthorization, { socketId, channelName, params, request });
  return answerDecision(settings, request, decision, () =>
    authorizeChannel(credentials, { socketId, channelName, presenceData: presenceDataAllowedBy(decision, channelName) }),
  );
}

/**
 * The presence data a decision allows the channel with: none for `true` on a private or
 * encrypted channel, the `presenceData` of an object on a presence channel (checked when signed).
 * Any other decision allows nothing and throws.
 */
function presenceDataAllowedBy(decision: unknown, channelName: string): PresenceData | undefined {
  if (isPresenceChannel(channelName)) {
    // Read once, and never from a polluted Object.prototype: a planted presenceData is no allow.
    const fields = readFields(decision, ["presenceData"]);
    if (fields !== undefined) return fields.presenceData as PresenceData | undefined;
  } else if (decision === true) {
    return undefined;
  }
  throw new PusherConfigError(
    "onChannelAuthorization",
    "onChannelAuthorization did not return true (or { presenceData })",
  );
}
