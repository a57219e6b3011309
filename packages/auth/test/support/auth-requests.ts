/** Builders of the requests an auth endpoint receives, for handler tests. */

export const ENDPOINT = "http://127.0.0.1/pusher/auth";

/** A POST with a form body, as pusher-js sends it. */
export function formRequest(fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(ENDPOINT, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** A POST with a JSON body. */
export function jsonRequest(body: unknown, contentType = "application/json"): Request {
  return new Request(ENDPOINT, {
    method: "POST",
    headers: { "content-type": contentType },
    body: JSON.stringify(body),
  });
}

/** A POST with a raw body and content type. */
export function rawRequest(body: BodyInit, contentType: string): Request {
  return new Request(ENDPOINT, { method: "POST", headers: { "content-type": contentType }, body });
}

/** A streamed body with no Content-Length: the size is only known by reading it. */
export function streamedRequest(chunks: Uint8Array[], contentType = "application/x-www-form-urlencoded"): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Request(ENDPOINT, {
    method: "POST",
    headers: { "content-type": contentType },
    body,
    duplex: "half",
  } as RequestInit);
}
