import { PusherResponseError } from "@x/types";

/**
 * The error of an answer whose body passed `maxResponseBytes`: every transport stops reading
 * there, closes the connection and rejects with it.
 *
 * @example
 * ```ts
 * if (received > maxBytes) throw responseTooLarge(request, 200, maxBytes);
 * ```
 */
export function responseTooLarge(request: { method: string; url: string }, status: number, maxBytes: number): PusherResponseError {
  return new PusherResponseError({
    code: "response_too_large",
    status,
    method: request.method,
    url: request.url,
    problem: `body over maxResponseBytes (${maxBytes}), not read further`,
  });
}
