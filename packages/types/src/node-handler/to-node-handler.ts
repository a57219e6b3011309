import { isPusherConfigError } from "../errors/config-error.js";
import { errorResponse } from "../json-response.js";
import type { NodeHandler } from "./node-message-types.js";
import { sendWebResponse } from "./send-web-response.js";
import { toWebRequest } from "./to-web-request.js";

/**
 * Turns a Web-standard handler, such as `createAuthHandler` of `@x/auth` or
 * `createWebhookHandler` of `@x/webhooks`, into a Node.js handler `(req, res, next?)`: a
 * `node:http` request listener, an Express or Connect route, Fastify's raw request and reply, a
 * Next.js pages API route. It works whether or not a framework has read the body first:
 *
 * - the exact bytes are used when they were kept: `req.rawBody` (`express.json({ verify })`,
 *   Fastify's raw-body plugins), or a `req.body` that is bytes or text (`express.raw()`,
 *   `express.text()`);
 * - else the body stream, when nothing has read it, pulled only as fast as the handler reads, so
 *   the handler's `maxBodyBytes` still bounds it;
 * - else the fields a parser left in `req.body` (`express.urlencoded()`, `express.json()`,
 *   Fastify's parsers), re-encoded as a form or as JSON: for an auth endpoint this is faithful.
 *   A webhook's signature covers the bytes that were sent, not a re-encoding: the `Request` is
 *   marked ({@link isReencodedBody}) and `createWebhookHandler` answers it 400 with a message
 *   that says to keep the raw body. A re-serialised object is never verified as if it had been
 *   received, and no header a client chooses makes a 500.
 *
 * A form field that a parser made into something other than a string (a nested `qs` object) is
 * answered 400, not guessed at. A misconfiguration (a body that was read and kept nowhere) or a
 * handler that throws goes to `next(error)` when there is a
 * `next` (Express), else is answered 500 (the message of a `PusherConfigError` says what to
 * change; any other error's message is not shown). The returned promise resolves once the
 * answer is written and never rejects.
 *
 * @example
 * ```ts
 * import express from "express";
 * import { createAuthHandler, toNodeHandler } from "@x/auth";
 *
 * const pusherAuth = toNodeHandler(createAuthHandler({ key, secret, onChannelAuthorization: () => true }));
 *
 * const app = express();
 * app.use(express.urlencoded({ extended: false })); // before or after: either works
 * app.post("/pusher/auth", pusherAuth);
 * // node:http: createServer(pusherAuth); Fastify: (request, reply) => { reply.hijack(); return pusherAuth(request, reply.raw); }
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
        // The framework's or the response's own failure: no one is left to tell, and this promise
        // never rejects.
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
