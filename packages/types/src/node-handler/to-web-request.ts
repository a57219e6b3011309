import { PusherConfigError } from "../errors/input-errors.js";
import { errorResponse, mediaTypeOf } from "../http-endpoint.js";
import { isJsonObject } from "../validators/read-fields.js";
import type { NodeRequestLike } from "./to-node-handler.js";

type BodyStream = AsyncIterable<unknown> & { readonly readableEnded?: boolean | undefined };

// Registry-wide, as the errors' marker: another copy of @x/types recognises it.
const REENCODED = Symbol.for("@x/types.reencoded");

/** Whether `toNodeHandler` made the body from the fields a parser left, not from the bytes sent: never so for a webhook. */
export function isReencodedBody(request: Request): boolean {
  return REENCODED in request;
}

/**
 * The Node.js request as a Web `Request`, with the first body found of: the exact bytes kept (`rawBody`, or a `body` of
 * bytes or text), the unread stream, the parsed `body` re-encoded (the `Request` is then marked). A 400 answer when the
 * request cannot be represented; a `PusherConfigError` when its body was read and kept nowhere.
 */
export function toWebRequest(source: NodeRequestLike): Request | Response {
  const method = source.method ?? "GET";
  const headers = toHeaders(source);
  if (headers === undefined) return badRequest("its headers cannot be represented as Web headers");
  const init: RequestInit & { duplex?: "half" } = { method, headers };
  let reencoded = false;
  if (method !== "GET" && method !== "HEAD") {
    const kept = [source.rawBody, source.body].find((body) => body instanceof Uint8Array || typeof body === "string");
    const stream = kept === undefined ? bodyStream(source) : undefined;
    if (kept !== undefined) {
      headers.delete("content-length");
      init.body = typeof kept === "string" ? kept : new Uint8Array(kept);
    } else if (stream !== undefined && stream.readableEnded !== true) {
      init.body = readableOf(stream);
      // Node's fetch needs it for a streamed body.
      init.duplex = "half";
    } else if (source.body !== undefined) {
      headers.delete("content-length");
      const text = reencode(source.body, mediaTypeOf({ headers }));
      if (typeof text === "object") return badRequest(text.problem);
      init.body = text;
      reencoded = true;
    } else {
      const fix = "mount the route before any body parser, or keep the raw body (req.rawBody)";
      throw new PusherConfigError("body", `the request's body was read before this handler and not kept: ${fix}`);
    }
  }
  let request: Request;
  try {
    request = new Request(requestUrl(source, headers), init);
  } catch {
    // A method that fetch forbids (CONNECT, TRACE), for instance.
    return badRequest("it cannot be represented as a Web request");
  }
  if (reencoded) Object.defineProperty(request, REENCODED, { value: true });
  return request;
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

// An IncomingMessage is its own body stream; a Fastify request keeps it in `raw`.
function bodyStream(source: NodeRequestLike): BodyStream | undefined {
  return [source, source.raw].find((candidate) => typeof candidate?.[Symbol.asyncIterator] === "function") as BodyStream | undefined;
}

// Parsed fields back into a body of the media type (none for another type: the handlers refuse it
// unread). Only own fields are read, as JSON.stringify does; a form field that is not a string (a
// nested `qs` object), or a value that throws when read, has no faithful encoding.
function reencode(value: unknown, mediaType: string): string | undefined | { problem: string } {
  const isForm = mediaType === "application/x-www-form-urlencoded";
  if (!isForm && mediaType !== "application/json") return undefined;
  try {
    const text = isForm ? formOf(value) : (JSON.stringify(value) as string | undefined);
    if (text !== undefined) return text;
  } catch {
    // A getter or a Proxy that throws, a BigInt or a cycle from a custom parser.
  }
  if (isForm) return { problem: "the parsed form has a field that is not a string, so it cannot be re-encoded faithfully" };
  return { problem: "the parsed JSON body cannot be serialized again" };
}

// A field that a parser made into a list is repeated, as it arrived.
function formOf(value: unknown): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const form = new URLSearchParams();
  for (const [name, field] of Object.entries(value)) {
    for (const item of Array.isArray(field) ? (field as unknown[]) : [field]) {
      if (typeof item !== "string") return undefined;
      form.append(name, item);
    }
  }
  return form.toString();
}

// A chunk is read only when asked for (highWaterMark 0), so that the handler's size limit bounds the
// reading. A cancelled stream is just not read further: ending the iterator would destroy the socket
// before the handler's 413 is sent, and Node discards the rest of a request once it is answered.
function readableOf(stream: BodyStream): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<unknown> | undefined;
  const encoder = new TextEncoder();
  const pull = async (controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> => {
    iterator ??= stream[Symbol.asyncIterator]();
    const chunk = await iterator.next();
    if (chunk.done === true) controller.close();
    else if (chunk.value instanceof Uint8Array) controller.enqueue(chunk.value);
    else if (typeof chunk.value === "string") controller.enqueue(encoder.encode(chunk.value));
    else controller.error(new TypeError("a chunk of the body is neither bytes nor a string"));
  };
  return new ReadableStream<Uint8Array>({ pull }, { highWaterMark: 0 });
}

function requestUrl(source: NodeRequestLike, headers: Headers): string {
  const target = [source.originalUrl, source.url].find((value) => typeof value === "string") ?? "/";
  const socket = source.socket ?? source.raw?.socket;
  const encrypted = typeof socket === "object" && socket !== null && (socket as { encrypted?: unknown }).encrypted === true;
  // An absolute-form or `*` target names no path of this server.
  const url = new URL(`${encrypted ? "https" : "http"}://localhost${target.startsWith("/") ? target : "/"}`);
  // The Host header is the client's to write, and the setter takes only a host and a port from it: a
  // Host that is no host ("a b", "user@h") leaves localhost, one that goes on ("h/admin?") keeps the path.
  url.host = headers.get("host") ?? "";
  return url.href;
}
