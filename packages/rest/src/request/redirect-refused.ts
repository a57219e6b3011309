import { PusherResponseError } from "@x/types";

/**
 * The error of an answer that tried to send a signed request elsewhere (a 3xx, or a browser's
 * opaque redirect, status 0). The message names the other origin, never its path or query.
 *
 * @example
 * ```ts
 * throw redirectRefused(target, 301, response.headers.get("location"));
 * ```
 */
export function redirectRefused(request: { method: string; url: string }, status: number, location: string | null): PusherResponseError {
  let destination = "";
  try {
    if (location !== null) destination = ` to ${new URL(location, request.url).origin}`;
  } catch {
    // A Location that is not a URL: the redirect is refused all the same.
  }
  return new PusherResponseError({
    code: "redirect_refused",
    status,
    method: request.method,
    url: request.url,
    problem: `a redirect${destination} was refused: signed requests are only sent to the configured host`,
  });
}
