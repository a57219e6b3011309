import { PusherConfigError } from "../errors/config-error.js";
import { isJsonObject } from "../is-json-object.js";
import { errorResponse } from "../json-response.js";
import { mediaTypeOf } from "../media-type.js";
import type { NodeRequestLike } from "./node-message-types.js";
import { reencodeParsedBody } from "./reencode-parsed-body.js";

type BodyStream = AsyncIterable<unknown> & { readonly readableEnded?: boolean | undefined };

/** Where the body of a Node.js request is to be found, in the order it is looked for. */
type BodySource =
  | { kind: "none" }
  | { kind: "bytes"; bytes: Uint8Array | string }
  | { kind: "stream"; stream: BodyStream }
  | { kind: "parsed"; value: unknown };

/**
 * Turns a Node.js request into a Web-standard `Request` for the SDK's handlers, whatever a
 * framework did with its body before:
 *
 * 1. the exact bytes, when they were kept: `rawBody`, or a `body` that is bytes or a string
 *    (`express.raw()`, `express.text()`);
 * 2. else the body stream itself, when nothing has read it, pulled only as fast as the handler
 *    reads (so that the handler's size limit stops the reading);
 * 3. else the fields a parser left in `body`, re-encoded in the request's media type, and the
 *    `Request` marked so ({@link isReencodedBody}): a webhook's signature covers the bytes that
 *    were sent, so the webhook handler refuses such a body rather than verify it.
 *
 * Answers with a `Response` instead when the request cannot be represented (400), and throws a
 * `PusherConfigError` when the body was read by someone else and not kept anywhere.
 */
export function toWebRequest(source: NodeRequestLike): Request | Response {
  const method = source.method ?? "GET";
  const headers = toHeaders(source);
  if (headers === undefined) return badRequest("its headers cannot be represented as Web headers");
  const body = bodySource(source, method);
  let init: RequestInit & { duplex?: "half" } = { method, headers };
  if (body.kind === "bytes") {
    headers.delete("content-length");
    init.body = typeof body.bytes === "string" ? body.bytes : new Uint8Array(body.bytes);
  } else if (body.kind === "stream") {
    // Node's fetch needs `duplex` for a streamed body.
    init = { ...init, body: readableOf(body.stream), duplex: "half" };
  } else if (body.kind === "parsed") {
    headers.delete("content-length");
    const encoded = reencodeParsedBody(body.value, mediaTypeOf({ headers }));
    if ("problem" in encoded) return badRequest(encoded.problem);
    init.body = encoded.text;
  }
  let request: Request;
  try {
    request = new Request(requestUrl(source, headers), init);
  } catch {
    // A method that fetch forbids (CONNECT, TRACE), for instance.
    return badRequest("it cannot be represented as a Web request");
  }
  if (body.kind === "parsed") (request as Marked)[REENCODED] = true;
  return request;
}

// A registry-wide symbol, as the errors' marker: another copy of @x/types recognises it.
const REENCODED = Symbol.for("@x/types.reencoded");
type Marked = Request & { [REENCODED]?: true };

/**
 * Tells whether `toNodeHandler` made `request`'s body from the fields a body parser had left
 * (`express.json()`, Fastify's parsers) rather than from the bytes that were sent: such a body is
 * faithful for an auth request, never for a signed webhook.
 *
 * @example
 * ```ts
 * if (isReencodedBody(request)) return errorResponse(400, "keep the raw body for the webhook route");
 * ```
 */
export function isReencodedBody(request: Request): boolean {
  return REENCODED in request;
}

function badRequest(problem: string): Response {
  return errorResponse(400, `Bad Request: ${problem}`);
}

function toHeaders(source: NodeRequestLike): Headers | undefined {
  const headers = new Headers();
  try {
    if (!isJsonObject(source.headers)) return undefined;
    for (const [name, value] of Object.entries(source.headers)) {
      // HTTP/2 pseudo-headers (":path", ":method") are not headers of the message.
      if (name.startsWith(":")) continue;
      for (const item of typeof value === "string" ? [value] : (value ?? [])) headers.append(name, item);
    }
  } catch {
    return undefined;
  }
  return headers;
}

function bodySource(source: NodeRequestLike, method: string): BodySource {
  if (method === "GET" || method === "HEAD") return { kind: "none" };
  for (const kept of [source.rawBody, source.body]) {
    if (kept instanceof Uint8Array || typeof kept === "string") return { kind: "bytes", bytes: kept };
  }
  const stream = bodyStream(source);
  if (stream !== undefined && stream.readableEnded !== true) return { kind: "stream", stream };
  if (source.body !== undefined) return { kind: "parsed", value: source.body };
  throw new PusherConfigError(
    "body",
    "the request's body was read before this handler and not kept: mount the route before any body parser, or keep the raw body (req.rawBody)",
  );
}

// An IncomingMessage is its own body stream; a Fastify request keeps it in `raw`.
function bodyStream(source: NodeRequestLike): BodyStream | undefined {
  for (const candidate of [source, source.raw]) {
    if (typeof candidate?.[Symbol.asyncIterator] === "function") return candidate as BodyStream;
  }
  return undefined;
}

/**
 * The body as a Web stream that reads a chunk only when asked for one (`highWaterMark: 0`): the
 * handler's size limit then bounds what is read. A cancelled stream is simply not read further;
 * ending the iterator would destroy the socket before the handler's 413 could be sent, and Node
 * itself discards the rest of a request once its answer is sent.
 */
function readableOf(stream: BodyStream): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<unknown> | undefined;
  // Made here, not at module level: a top-level `new` would survive tree-shaking in every bundle.
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        iterator ??= stream[Symbol.asyncIterator]();
        const chunk = await iterator.next();
        if (chunk.done === true) controller.close();
        else if (chunk.value instanceof Uint8Array) controller.enqueue(chunk.value);
        else if (typeof chunk.value === "string") controller.enqueue(encoder.encode(chunk.value));
        else controller.error(new TypeError("a chunk of the body is neither bytes nor a string"));
      },
    },
    { highWaterMark: 0 },
  );
}

function requestUrl(source: NodeRequestLike, headers: Headers): string {
  const target = [source.originalUrl, source.url].find((value) => typeof value === "string") ?? "/";
  // An absolute-form or `*` target names no path of this server.
  const path = target.startsWith("/") ? target : "/";
  const socket = source.socket ?? source.raw?.socket;
  const encrypted = typeof socket === "object" && socket !== null && (socket as { encrypted?: unknown }).encrypted === true;
  const url = new URL(`${encrypted ? "https" : "http"}://localhost${path}`);
  // The Host header is the client's to write. The setter takes a host and a port only: a Host that
  // is no host ("", "a b", "user@h") leaves localhost, and one that goes on into a path or a query
  // ("h/admin?", "h#") never changes the path this server routed the request by.
  url.host = headers.get("host") ?? "";
  return url.href;
}
