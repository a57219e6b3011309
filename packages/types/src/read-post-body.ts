import { errorResponse } from "./json-response.js";
import { mediaTypeOf } from "./media-type.js";
import { readBodyWithLimit } from "./read-body-with-limit.js";

/**
 * The guard of the SDK's endpoints (auth and webhooks), which take only a POST of one of
 * `mediaTypes` with a body of at most `maxBodyBytes`, received whole within `bodyTimeoutMs`: the
 * body's bytes, or the answer that refuses the request: 405 (with
 * `Allow: POST`), 415, 413 (a larger body is not read past the limit), 408 (with
 * `Connection: close`: a client that sends its body too slowly no longer holds the handler), or
 * 400 for a body that could not be read.
 *
 * @example
 * ```ts
 * const body = await readPostBody(request, ["application/json"], 1_048_576, 10_000);
 * if (body instanceof Response) return body; // the refusal
 * ```
 */
export async function readPostBody(
  request: Request,
  mediaTypes: readonly string[],
  maxBodyBytes: number,
  bodyTimeoutMs: number,
): Promise<Uint8Array | Response> {
  if (request.method !== "POST") return errorResponse(405, "Method Not Allowed: send a POST");
  if (!mediaTypes.includes(mediaTypeOf(request))) return errorResponse(415, `Unsupported Media Type: send ${mediaTypes.join(" or ")}`);
  const deadline = AbortSignal.timeout(bodyTimeoutMs);
  try {
    const body = await readBodyWithLimit(request, maxBodyBytes, deadline);
    return body.tooLarge ? errorResponse(413, `Payload Too Large: the limit is ${maxBodyBytes} bytes`) : body.bytes;
  } catch {
    if (deadline.aborted) return errorResponse(408, "Request Timeout");
    return errorResponse(400, "Bad Request: the body could not be read");
  }
}
