// The `#transport` chosen by the "node" export condition. Node's built-in `fetch` (undici
// behind WHATWG streams) costs several times more per request than `node:http`: building the
// request body stream, reading it back and cancelling it take as long as the HTTP exchange on
// loopback. This sends ky's `Request` with `node:http(s)` on keep-alive agents instead, and hands
// ky back a real `Response`. Only this file of @x/rest may import Node built-ins.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Transport } from "./transport.js";

// The settings of Node's own global agent: connections are kept for reuse, the most recently
// used first (so that idle ones age out), and one idle for 5 s is closed before servers
// commonly close theirs, which would make the next request on it fail.
const AGENT_OPTIONS = { keepAlive: true, scheduling: "lifo", timeout: 5_000 } as const;
const httpAgent = new HttpAgent(AGENT_OPTIONS);
const httpsAgent = new HttpsAgent(AGENT_OPTIONS);
// Statuses whose Response may not have a body (Fetch standard: null body status).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * Sends `request` (its URL, method, headers and signal; its body is `body`) over `node:http` or
 * `node:https`, reads the whole response and resolves with it as a `Response`. An abort of the
 * request's signal (ky's timeout, or the caller's signal) destroys the exchange and rejects
 * with the signal's reason; a failure of the connection rejects with a `TypeError("fetch
 * failed")` whose `cause` is Node's error, as the built-in fetch does, so that ky sees a
 * network error.
 *
 * @example
 * ```ts
 * const api = ky.create({ fetch: (request) => nodeTransport(request as Request, body) });
 * ```
 */
export const nodeTransport: Transport = (request, body) =>
  new Promise<Response>((resolve, reject) => {
    const { signal } = request;
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const tls = url.protocol === "https:";
    const outgoing = (tls ? httpsRequest : httpRequest)(
      {
        agent: tls ? httpsAgent : httpAgent,
        hostname: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: request.method,
        headers,
      },
      (incoming) => readResponse(incoming, settle, fail),
    );
    const onAbort = (): void => {
      outgoing.destroy();
      settle();
      reject(signal.reason);
    };
    function settle(response?: Response): void {
      signal.removeEventListener("abort", onAbort);
      if (response !== undefined) resolve(response);
    }
    function fail(error: Error): void {
      settle();
      reject(new TypeError("fetch failed", { cause: error }));
    }
    signal.addEventListener("abort", onAbort, { once: true });
    outgoing.on("error", fail);
    outgoing.end(body);
  });

function readResponse(incoming: IncomingMessage, settle: (response: Response) => void, fail: (error: Error) => void): void {
  let text = "";
  incoming.setEncoding("utf8");
  incoming.on("data", (chunk: string) => {
    text += chunk;
  });
  incoming.on("error", fail);
  incoming.on("end", () => {
    const status = incoming.statusCode as number;
    const headers = new Headers();
    const raw = incoming.rawHeaders;
    for (let index = 0; index < raw.length; index += 2) headers.append(raw[index] as string, raw[index + 1] as string);
    settle(new Response(NULL_BODY_STATUSES.has(status) ? null : text, { status, statusText: incoming.statusMessage, headers }));
  });
}

/** The transport of this runtime. */
export const runtimeTransport: Transport | undefined = nodeTransport;
