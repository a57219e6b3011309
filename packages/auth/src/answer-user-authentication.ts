import { isPusherValidationError } from "@x/types";
import { errorResponse, validateSocketId } from "@x/types/internal";
import { answerDecision } from "./answer-decision.js";
import { askApplication } from "./ask-application.js";
import type { AuthRequestParams } from "./auth-handler-options.js";
import { authenticateUser } from "./authenticate-user.js";
import { badRequest } from "./bad-request.js";
import type { AuthHandlerSettings } from "./resolve-auth-handler-options.js";

/**
 * Answers a user authentication request (`socket_id` alone, docs/protocol.md §5): 400 for a bad socket
 * id (checked before the application is asked), 200 with `{ auth, user_data }` when the
 * application answers valid user data, 403 for any other answer. A callback that throws or
 * rejects propagates: the handler answers 500.
 */
export async function answerUserAuthentication(
  settings: AuthHandlerSettings,
  params: AuthRequestParams,
  request: Request,
): Promise<Response> {
  const { onUserAuthentication, credentials } = settings;
  if (onUserAuthentication === undefined) {
    return errorResponse(404, "Not Found: no onUserAuthentication");
  }
  const socketId = params.socket_id;
  try {
    validateSocketId(socketId, "socket_id");
  } catch (error) {
    if (isPusherValidationError(error)) return badRequest(error.message);
    throw error;
  }

  const { decision } = await askApplication(onUserAuthentication, { socketId, params, request });
  // Only user data that passes every check signs the user in (authenticateUser throws otherwise).
  return answerDecision(settings, request, decision, () => authenticateUser(credentials, { socketId, userData: decision as never }));
}
