import { readBodyWithLimit, systemCodeOf } from "@x/types/internal";
import { BufferedReply } from "../transport/buffered-reply.js";
import { networkFailure } from "./network-failure.js";
import { redirectRefused } from "./redirect-refused.js";
import type { RequestTarget } from "./request-target.js";
import { responseTooLarge } from "./response-too-large.js";

/**
 * Sends `request` through `fetch` (the runtime's, or the one the caller injected) and reads the
 * answer's body in full, at most `maxBytes` of it, inside the call that ky times: a server that
 * drips its body times out like one that never answers. A body past the limit is cancelled and
 * rejects with a `PusherResponseError`.
 *
 * Signed requests are never followed to another location: ky builds them with
 * `redirect: "manual"`, so a 3xx comes back as it is (ky then fails it as an HTTP error). A
 * `fetch` that followed a redirect all the same is refused here, after the fact.
 *
 * A `fetch` does not tell whether the request left: `target.sent` is set unless the connection
 * was refused.
 *
 * @example
 * ```ts
 * const api = ky.create({ redirect: "manual", fetch: (request) => bufferedFetch(fetch, request as Request, 33_554_432, target) });
 * ```
 */
export async function bufferedFetch(send: typeof fetch, request: Request, maxBytes: number, target: RequestTarget): Promise<BufferedReply> {
  const response = await send(request).catch((error: unknown) => {
    // A refused connection is the one failure of a fetch that says nothing was sent.
    target.sent ||= systemCodeOf(error) !== "ECONNREFUSED";
    throw error;
  });
  target.sent = true;
  if (response.redirected) {
    await response.body?.cancel().catch(() => undefined);
    throw redirectRefused(request, response.status);
  }
  let body;
  try {
    body = await readBodyWithLimit(response, maxBytes);
  } catch (error) {
    // The answer was cut: told as a network failure that knows the status had arrived.
    throw networkFailure(error, response.status);
  }
  if (body.tooLarge) {
    // Refused on its Content-Length, the body was not even opened: release the connection.
    await response.body?.cancel().catch(() => undefined);
    throw responseTooLarge(request, response.status, maxBytes);
  }
  return new BufferedReply(response.status, response.statusText, response.headers, new TextDecoder().decode(body.bytes));
}
