import { errorResponse, isPusherValidationError, jsonResponse, validateSocketId } from "@x/types";
import type { AuthRequestParams } from "./auth-handler-options.js";
import { authenticateUser } from "./authenticate-user.js";
import { badRequest } from "./bad-request.js";
import type { AuthHandlerSettings } from "./resolve-auth-handler-options.js";

/**
 * Answers a user authentication request (`socket_id` alone, PROTOCOL §5): 400 for a bad socket
 * id (checked before the application is asked), 403 when the application refuses, else 200 with
 * `{ auth, user_data }`. User data that cannot be signed propagates: it is the application's
 * bug, answered 500 by the handler.
 */
export async function answerUserAuthentication(
  settings: AuthHandlerSettings,
  params: AuthRequestParams,
  request: Request,
): Promise<Response> {
  const { onUserAuthentication, credentials } = settings;
  if (onUserAuthentication === undefined) {
    return errorResponse(404, "Not Found: this endpoint does not authenticate users");
  }
  const socketId = params.socket_id;
  try {
    validateSocketId(socketId, "socket_id");
  } catch (error) {
    if (isPusherValidationError(error)) return badRequest(error.message);
    throw error;
  }

  const userData = await onUserAuthentication({ socketId, params, request });
  // Fail closed: only a user data object signs the user in; anything else refuses.
  if (typeof userData !== "object" || userData === null) return errorResponse(403, "Forbidden");
  return jsonResponse(200, authenticateUser(credentials, { socketId, userData }));
}
