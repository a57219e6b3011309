/** A body read under a size limit: its bytes, or the fact that it was larger. */
export type LimitedBody = { tooLarge: false; bytes: Uint8Array } | { tooLarge: true };

/** What {@link readBodyWithLimit} reads: a Web `Request` or `Response`. */
export interface BodyWithHeaders {
  readonly headers: Headers;
  readonly body: ReadableStream<Uint8Array> | null;
}

/**
 * Reads a request's or a response's body, at most `maxBytes` of it: a larger `Content-Length` is refused unread, and reading
 * stops as soon as the bytes pass the limit (the header may be absent or wrong). An abort of `signal` stops the reading and
 * rejects with its reason.
 */
export async function readBodyWithLimit(message: BodyWithHeaders, maxBytes: number, signal?: AbortSignal): Promise<LimitedBody> {
  if (Number(message.headers.get("content-length") ?? Number.NaN) > maxBytes) return { tooLarge: true };
  if (message.body === null) return { tooLarge: false, bytes: new Uint8Array(0) };
  signal?.throwIfAborted();
  const reader = message.body.getReader();
  // A cancel ends the read under way as if the body had ended: the check after each read tells them apart.
  const stop = (): void => void reader.cancel().catch(() => undefined);
  signal?.addEventListener("abort", stop);
  const chunks: Uint8Array[] = [];
  let totalBytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (done) break;
      // A chunk that is not bytes (a hand-made stream's string) cannot be counted: it counts as too large.
      totalBytes += value instanceof Uint8Array ? value.byteLength : Infinity;
      if (totalBytes > maxBytes) {
        stop();
        return { tooLarge: true };
      }
      chunks.push(value);
    }
  } finally {
    signal?.removeEventListener("abort", stop);
  }
  const bytes = new Uint8Array(totalBytes);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { tooLarge: false, bytes };
}

/**
 * The guard of the auth and webhook endpoints, which take a POST of one of `mediaTypes` with a body of at most
 * `maxBodyBytes` received within `bodyTimeoutMs`: the body's bytes, or the answer refusing the request (405, 415, 413, 408
 * for a body too slow, 400 for one that cannot be read).
 */
export async function readPostBody(
  request: Request,
  mediaTypes: readonly string[],
  maxBodyBytes: number,
  bodyTimeoutMs: number,
): Promise<Uint8Array | Response> {
  if (request.method !== "POST") return errorResponse(405, "Method Not Allowed: send a POST");
  if (!mediaTypes.includes(mediaTypeOf(request))) {
    return errorResponse(415, `Unsupported Media Type: send ${mediaTypes.join(" or ")}`);
  }
  const deadline = AbortSignal.timeout(bodyTimeoutMs);
  try {
    const body = await readBodyWithLimit(request, maxBodyBytes, deadline);
    return body.tooLarge ? errorResponse(413, `Payload Too Large: the limit is ${maxBodyBytes} bytes`) : body.bytes;
  } catch {
    if (deadline.aborted) return errorResponse(408, "Request Timeout");
    return errorResponse(400, "Bad Request: the body could not be read");
  }
}

/** A request's media type, lower-cased and without parameters (`; charset=…`); `""` when it has none. */
export function mediaTypeOf(request: { readonly headers: Headers }): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** A JSON answer of the SDK's endpoints, never cached: an auth signature is for one socket only. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

/**
 * An error answer of the SDK's endpoints, `{ "error": message }`. A 405 names the method allowed (RFC 9110 §15.5.6); a 408
 * closes the connection, whose request never came whole (§15.5.9).
 */
export function errorResponse(status: number, message: string): Response {
  const headers: Record<string, string> = status === 405 ? { allow: "POST" } : status === 408 ? { connection: "close" } : {};
  return jsonResponse(status, { error: message }, headers);
}
