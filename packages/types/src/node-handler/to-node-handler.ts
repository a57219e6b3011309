import { isPusherConfigError } from "../errors/input-errors.js";
import { errorResponse } from "../http-endpoint.js";
import { toWebRequest } from "./to-web-request.js";

/**
 * What {@link toNodeHandler} reads of a Node.js request, typed by its shape so that no Node type is needed: an
 * `http.IncomingMessage` (`node:http`, Express, Connect, Next.js), an `http2` compatibility request, or a Fastify request
 * (whose `raw` is the `IncomingMessage`).
 * @example const request: NodeRequestLike = { method: "POST", url: "/pusher/auth", headers: {}, body: { socket_id: "1.1" } };
 */
export interface NodeRequestLike {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  /** Express and Fastify: the URL before a router took off its mount path. */
  readonly originalUrl?: string | undefined;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** What a body parser left: parsed fields (`express.json()`), text (`express.text()`) or bytes (`express.raw()`). */
  readonly body?: unknown;
  /** The exact bytes received, where a middleware kept them (`express.json({ verify })`, Fastify's raw-body plugins). */
  readonly rawBody?: unknown;
  /** True once the body has been read to its end, by a body parser for instance. */
  readonly readableEnded?: boolean | undefined;
  /** Fastify: the `IncomingMessage` under its request. */
  readonly raw?: NodeRequestLike | undefined;
  /** The connection: a TLS socket (`encrypted: true`) makes the URL `https:`. */
  readonly socket?: unknown;
  /** The body itself: an `IncomingMessage` is an async iterable of its chunks. */
  [Symbol.asyncIterator]?(): AsyncIterator<unknown>;
}

/**
 * What {@link toNodeHandler} writes to: an `http.ServerResponse` (`node:http`, Express, Connect, Next.js, Fastify's
 * `reply.raw`) or an `http2` compatibility response.
 * @example const noContent = (response: NodeResponseLike) => { response.statusCode = 204; response.end(); };
 */
export interface NodeResponseLike {
  statusCode: number;
  readonly headersSent?: boolean | undefined;
  setHeader(name: string, value: string | string[]): unknown;
  end(chunk?: Uint8Array): unknown;
}

/**
 * A Node.js request handler made by {@link toNodeHandler}: a `node:http` listener, an Express or Connect handler, a Next.js
 * pages API route. Its promise resolves once the answer is written, and never rejects.
 * @example const listener: NodeHandler = toNodeHandler(() => new Response("ok"));
 */
export type NodeHandler = (request: NodeRequestLike, response: NodeResponseLike, next?: (error?: unknown) => void) => Promise<void>;

/**
 * Turns a Web-standard handler (`createAuthHandler`, `createWebhookHandler`) into a Node.js handler `(req, res, next?)`,
 * whether or not a framework read the body first. The handler gets the exact bytes when they were kept (`req.rawBody`, or a
 * `req.body` of bytes or text), else the unread body stream (pulled as the handler reads, so its size limit holds), else the
 * parsed `req.body` re-encoded as a form or JSON: faithful for auth, while `createWebhookHandler` answers it 400 (a
 * signature covers the bytes sent). A body read and kept nowhere, or a handler that throws, goes to `next(error)` when there
 * is one, else is answered 500, showing the message of a `PusherConfigError` only.
 *
 * @example
 * ```ts
 * const pusherAuth = toNodeHandler(createAuthHandler({ key, secret, onChannelAuthorization: () => true }));
 * app.post("/pusher/auth", pusherAuth); // Express; node:http: createServer(pusherAuth)
 * // Fastify: (request, reply) => { reply.hijack(); return pusherAuth(request, reply.raw); }
 * ```
 */
export function toNodeHandler(handler: (request: Request) => Response | Promise<Response>): NodeHandler {
  return async (request, response, next) => {
    // Read once, from the Request made: a getter of the Node.js request may throw the second time.
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
        // The framework's or the response's own failure: no one is left to tell, and this promise never rejects.
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
