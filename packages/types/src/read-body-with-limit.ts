/**
 * A request body read under a size limit: its bytes, or the fact that it was larger.
 *
 * @example
 * ```ts
 * const body: LimitedBody = await readBodyWithLimit(request, 8_192);
 * if (body.tooLarge) return new Response(null, { status: 413 });
 * ```
 */
export type LimitedBody = { tooLarge: false; bytes: Uint8Array } | { tooLarge: true };

function concatenate(chunks: readonly Uint8Array[], totalBytes: number): Uint8Array {
  const bytes = new Uint8Array(totalBytes);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * What {@link readBodyWithLimit} reads: a Web-standard `Request` or `Response`.
 *
 * @example
 * ```ts
 * const message: BodyWithHeaders = new Response("{}");
 * ```
 */
export interface BodyWithHeaders {
  readonly headers: Headers;
  readonly body: ReadableStream<Uint8Array> | null;
}

/**
 * Reads a Web-standard request's (or response's) raw body, at most `maxBytes` of it: the shared
 * guard of the auth and webhook endpoints, and of the REST client's answers. A declared `Content-Length` above the limit is refused unread;
 * otherwise the bytes are counted as they arrive, since the header may be absent (chunked) or
 * wrong, and reading stops as soon as the limit is passed. An abort of `signal` stops the reading
 * and rejects with its reason.
 *
 * @example
 * ```ts
 * const body = await readBodyWithLimit(request, 1_048_576);
 * if (body.tooLarge) return new Response("Payload Too Large", { status: 413 });
 * const text = new TextDecoder().decode(body.bytes);
 * ```
 */
export async function readBodyWithLimit(request: BodyWithHeaders, maxBytes: number, signal?: AbortSignal): Promise<LimitedBody> {
  const declaredLength = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declaredLength > maxBytes) return { tooLarge: true };
  if (request.body === null) return { tooLarge: false, bytes: new Uint8Array(0) };
  signal?.throwIfAborted();
  const reader = request.body.getReader();
  // A cancel ends the read under way as if the body had ended: the check after each read tells apart.
  const stop = (): void => void reader.cancel().catch(() => undefined);
  signal?.addEventListener("abort", stop);
  const chunks: Uint8Array[] = [];
  let totalBytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (done) return { tooLarge: false, bytes: concatenate(chunks, totalBytes) };
      // Only bytes can be counted: a chunk of anything else (a string, from a hand-made stream) has
      // no byteLength to add, and would be kept without a limit. It counts as too large instead.
      totalBytes += value instanceof Uint8Array ? value.byteLength : Infinity;
      if (totalBytes > maxBytes) {
        // The rest is discarded unread; a failure to cancel the stream changes nothing.
        stop();
        return { tooLarge: true };
      }
      chunks.push(value);
    }
  } finally {
    signal?.removeEventListener("abort", stop);
  }
}
