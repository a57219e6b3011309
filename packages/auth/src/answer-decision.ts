import { errorResponse, jsonResponse } from "@x/types/internal";
import { reportError } from "./report-error.js";
import type { AuthHandlerSettings } from "./resolve-auth-handler-options.js";

/**
 * Fail closed: 200 with what `sign` returns when the application's decision allows, 403 with no
 * signature when `sign` throws, i.e. for every decision that is not an explicit allow. `false`,
 * `null` and `undefined` are plain refusals; any other decision that does not allow (`true` for
 * a presence channel, invalid presence or user data, a value of another type) is a bug of the
 * application, which `onError` is told about.
 */
export async function answerDecision(
  settings: AuthHandlerSettings,
  request: Request,
  decision: unknown,
  sign: () => object,
): Promise<Response> {
  try {
    return jsonResponse(200, sign());
  } catch (error) {
    // `!= null`: neither null nor undefined.
    if (decision !== false && decision != null) await reportError(settings.onError, error, request);
    return errorResponse(403, "Forbidden");
  }
}
