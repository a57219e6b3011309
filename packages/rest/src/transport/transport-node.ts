// The `#transport` chosen by the "node" export condition. Node's built-in `fetch` (undici over
// WHATWG streams) costs several times more per request than `node:http`: building a body
// stream, reading it back and cancelling it take longer than the HTTP exchange itself on
// loopback. This sends what ky built with `node:http(s)` on keep-alive agents and hands ky back
// a real `Response`. It is the one file of @x/rest that may import Node built-ins.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Transport } from "./transport.js";

// The settings of Node's own global agent: connections are kept for reuse, the most recently
// used first (so that idle ones age out), and one idle for 5 s is closed, before servers
// commonly close theirs (a request sent on a connection the server is closing fails).
const AGENT_OPTIONS = { keepAlive: true, scheduling: "lifo", timeout: 5_000 } as const;
const httpAgent = new HttpAgent(AGENT_OPTIONS);
const httpsAgent = new HttpsAgent(AGENT_OPTIONS);

/**
 * A `Response` whose body the transport has already read in full: `text()` resolves with it
 * directly. Wrapping the text in a stream only for ky to drain it again cost a tenth of a
 * request on Node 20. `text()` is the only reader of the body here: @x/rest gives ky no hook
 * that would clone the response or read its stream.
 *
 * @example
 * ```ts
 * await new BufferedResponse("{}", { status: 200 }).text(); // "{}"
 * ```
 */
class BufferedResponse extends Response {
  readonly #text: string;

  constructor(text: string, init: ResponseInit) {
    super(null, init);
    this.#text = text;
  }

  override text(): Promise<string> {
    return Promise.resolve(this.#text);
  }
}

/**
 * Sends `request` (its URL, method and signal) with `wire`'s headers and body over `node:http`
 * or `node:https`, reads the whole response, and resolves with it as a `Response`. An abort of
 * the request's signal (ky's timeout, or the caller's signal) ends the exchange and rejects
 * with the signal's reason. A failure of the connection, or a response that is not a valid
 * `Response`, rejects with `TypeError("fetch failed")` whose `cause` is the failure, as the
 * built-in fetch does, so that ky sees a network error.
 *
 * @example
 * ```ts
 * const response = await ky(url, { method: "POST", fetch: (request) => nodeTransport(request as Request, { headers, body }) });
 * ```
 */
export const nodeTransport: Transport = (request, wire) =>
  new Promise<Response>((resolve, reject) => {
    const { signal } = request;
    if (signal.aborted) {
      // As fetch does (Fetch standard): the rejection is the signal's reason, whatever it is.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      reject(signal.reason);
      return;
    }
    const url = new URL(request.url);
    const tls = url.protocol === "https:";
    // Every outcome stops listening for an abort; any but a response also ends the connection.
    const settle = (response: Response | undefined, error?: unknown): void => {
      signal.removeEventListener("abort", onAbort);
      if (response) {
        resolve(response);
      } else {
        outgoing.destroy();
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(error);
      }
    };
    // As fetch does (Fetch standard): an abort rejects with the signal's reason, whatever it is.
    const onAbort = (): void => settle(undefined, signal.reason);
    const fail = (error: unknown): void => settle(undefined, new TypeError("fetch failed", { cause: error }));
    const outgoing = (tls ? httpsRequest : httpRequest)(
      {
        agent: tls ? httpsAgent : httpAgent,
        // An IPv6 host comes in brackets in a URL, and without them to `node:http`.
        hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
        port: url.port,
        path: url.pathname + url.search,
        method: request.method,
        headers: wire.headers,
      },
      (incoming) => readResponse(incoming, settle, fail),
    );
    signal.addEventListener("abort", onAbort);
    outgoing.on("error", fail);
    outgoing.end(wire.body);
  });

function readResponse(incoming: IncomingMessage, succeed: (response: Response) => void, fail: (error: unknown) => void): void {
  let text = "";
  incoming.setEncoding("utf8");
  incoming.on("data", (chunk: string) => {
    text += chunk;
  });
  incoming.on("error", fail);
  incoming.on("end", () => {
    const headers = new Headers();
    const raw = incoming.rawHeaders;
    try {
      for (let index = 0; index < raw.length; index += 2) headers.append(raw[index] as string, raw[index + 1] as string);
      // Throws for what a Response cannot hold, such as a status outside 200–599.
      succeed(new BufferedResponse(text, { status: incoming.statusCode, statusText: incoming.statusMessage, headers }));
    } catch (error) {
      fail(error);
    }
  });
}

/** The transport of this runtime. */
export const runtimeTransport: Transport | undefined = nodeTransport;
