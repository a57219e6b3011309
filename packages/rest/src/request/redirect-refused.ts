import { PusherResponseError } from "@x/types";

/**
 * The error of an answer that tried to send a signed request elsewhere: a 3xx, or a browser's
 * opaque redirect (status 0). Where it pointed is not repeated: it may hold what was sent.
 *
 * @example
 * ```ts
 * throw redirectRefused(target, 301);
 * ```
 */
export function redirectRefused(request: { method: string; url: string }, status: number): PusherResponseError {
  return new PusherResponseError({
    code: "redirect_refused",
    status,
    method: request.method,
    url: request.url,
    problem: "redirect refused (signed requests follow none)",
  });
}
