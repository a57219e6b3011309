import { isPusherConfigError } from "../errors/input-errors.js";
import { errorResponse } from "../http-endpoint.js";
import { toWebRequest } from "./to-web-request.js";

/**
 * What {@link toNodeHandler} reads of a Node.js request (`http.IncomingMessage`, an `http2` or a Fastify request), by shape.
 * @example const request: NodeRequestLike = { method: "POST", url: "/pusher/auth", headers: {}, body: { socket_id: "1.1" } };
 */
export interface NodeRequestLike {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  /** Express and Fastify: the URL before a router took off its mount path. */
  readonly originalUrl?: string | undefined;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** What a body parser left: fields (`express.json()`), text (`express.text()`) or bytes (`express.raw()`). */
  readonly body?: unknown;
  /** The exact bytes received, where a middleware kept them (`express.json({ verify })`, Fastify's raw-body plugins). */
  readonly rawBody?: unknown;
  readonly readableEnded?: boolean | undefined;
  /** Fastify: the `IncomingMessage` under its request. */
  readonly raw?: NodeRequestLike | undefined;
  /** A TLS socket (`encrypted: true`) makes the URL `https:`. */
  readonly socket?: unknown;
  /** The body stream: an `IncomingMessage` is an async iterable of its chunks. */
  [Symbol.asyncIterator]?(): AsyncIterator<unknown>;
}

/**
 * What {@link toNodeHandler} writes to: an `http.ServerResponse` (Fastify's `reply.raw`) or an `http2` response, by shape.
 * @example const noContent = (response: NodeResponseLike) => { response.statusCode = 204; response.end(); };
 */
export interface NodeResponseLike {
  statusCode: number;
  readonly headersSent?: boolean | undefined;
  setHeader(name: string, value: string | string[]): unknown;
  end(chunk?: Uint8Array): unknown;
}

/**
 * A Node.js handler (`node:http`, Express, Connect, Next.js pages API) whose promise resolves once it answered, never rejects.
 * @example const listener: NodeHandler = toNodeHandler(() => new Response("ok"));
 */
export type NodeHandler = (request: NodeRequestLike, response: NodeResponseLike, next?: (error?: unknown) => void) => Promise<void>;

/**
 * Turns a Web-standard handler (`createAuthHandler`, `createWebhookHandler`) into a Node.js handler `(req, res, next?)`. It
 * hands on the bytes a framework kept (`req.rawBody`), else the unread body stream, else the parsed `req.body` re-encoded,
 * which a webhook's signature does not cover. Its failures go to `next`, or are answered 500.
 * @example
 * ```ts
 * const pusherAuth = toNodeHandler(createAuthHandler({ key, secret, onChannelAuthorization: () => true }));
 * app.post("/pusher/auth", pusherAuth); // Express; node:http: createServer(pusherAuth)
 * // Fastify: (request, reply) => { reply.hijack(); return pusherAuth(request, reply.raw); }
 * ```
 */
export function toNodeHandler(handler: (request: Request) => Response | Promise<Response>): NodeHandler {
  return async (request, response, next) => {
    // The method is read from the Request made: a getter of the Node.js request may throw the second time.
    let method: string | undefined;
    try {
      const converted = toWebRequest(request);
      if (converted instanceof Request) method = converted.method;
      await sendWebResponse(converted instanceof Request ? await handler(converted) : converted, response, method);
    } catch (error) {
      try {
        if (typeof next === "function") {
          next(error);
          return;
        }
        if (response.headersSent === true) return;
        await sendWebResponse(errorResponse(500, shownMessage(error)), response, method);
      } catch {
        // The framework's or the response's own failure: no one is left to tell.
      }
    }
  };
}

// Only the SDK's own configuration messages are safe to show: another error may carry anything.
function shownMessage(error: unknown): string {
  try {
    if (isPusherConfigError(error)) return error.message;
  } catch {
    // A thrown value that throws when looked at (a Proxy): shown as any other.
  }
  return "Internal Server Error";
}

// The body is read whole before anything is written: if it fails, the Node.js response is still free
// for a clean 500, without the failed answer's status or cookies.
async function sendWebResponse(answer: Response, target: NodeResponseLike, method: string | undefined): Promise<void> {
  let body: Uint8Array | undefined;
  if (method === "HEAD") await answer.body?.cancel();
  else body = new Uint8Array(await answer.arrayBuffer());
  target.statusCode = answer.status;
  for (const [name, value] of answer.headers) {
    if (name !== "set-cookie") target.setHeader(name, value);
  }
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) target.setHeader("set-cookie", cookies);
  target.end(body);
}
