// A registered symbol, so that a request marked by one installed copy of @x/types is recognised
// by another (the webhook handler and the adapter may come from different copies).
const REENCODED_BODY = Symbol.for("@x/types.reencoded-body");

/**
 * Marks a request whose body is not the bytes that arrived but a re-encoding of what a
 * framework's body parser made of them. {@link toNodeHandler} marks such requests.
 *
 * @example
 * ```ts
 * const request = markReencodedBody(new Request(url, { method: "POST", body: new URLSearchParams(parsed) }));
 * ```
 */
export function markReencodedBody(request: Request): Request {
  Object.defineProperty(request, REENCODED_BODY, { value: true });
  return request;
}

/**
 * Tells whether a request's body was re-encoded from a parsed value (see
 * {@link markReencodedBody}). A webhook's signature covers the exact bytes that were sent, which
 * a re-encoding does not promise to reproduce: the webhook handler refuses such a request.
 *
 * @example
 * ```ts
 * if (hasReencodedBody(request)) return new Response("keep the raw body for webhooks", { status: 500 });
 * ```
 */
export function hasReencodedBody(request: Request): boolean {
  return (request as Request & { [REENCODED_BODY]?: unknown })[REENCODED_BODY] === true;
}
