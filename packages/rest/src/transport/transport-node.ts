// The `#transport` chosen by the "node" export condition. Node's built-in `fetch` (undici over
// WHATWG streams) costs several times more per request than `node:http`: building a body
// stream, reading it back and cancelling it take longer than the HTTP exchange itself on
// loopback. This sends what ky built with `node:http(s)` on keep-alive agents and hands ky back
// the answer, read in full. It is the one file of @x/rest that may import Node built-ins.
import { Buffer } from "node:buffer";
import type { Agent, IncomingMessage, request as httpRequest } from "node:http";
import { networkFailure } from "../request/network-failure.js";
import { responseTooLarge } from "../request/response-too-large.js";
import { BufferedReply, type HeaderReader } from "./buffered-reply.js";
import type { Transport, WireParts } from "./transport.js";

// Reused most recent first, so that idle connections age out; Node's agent closes an idle one
// shortly before the server's advertised `Keep-Alive: timeout`, and after `timeout` without one.
// That `timeout` is undici's default: under the idle timeout of common servers, which close first otherwise.
const AGENT_OPTIONS = { keepAlive: true, scheduling: "lifo", timeout: 4_000 } as const;

/** How requests of one scheme leave: `node:http` or `node:https`, and its keep-alive agent. */
interface Scheme {
  request: typeof httpRequest;
  agent: Agent;
}

// Loaded by the first request of each scheme, not with the package: an app that signs
// authorizations and never sends a request does not load Node's HTTP stack (node:https alone
// takes several milliseconds to load). Once loaded, a scheme is used without waiting.
type SchemeName = "http" | "https";
const loading: Partial<Record<SchemeName, Promise<Scheme>>> = {};
const loaded: Partial<Record<SchemeName, Scheme>> = {};

async function loadScheme(name: SchemeName): Promise<Scheme> {
  const module = name === "https" ? await import("node:https") : await import("node:http");
  // Node's own proxy settings (NODE_USE_ENV_PROXY=1 or --use-env-proxy, with HTTP_PROXY,
  // HTTPS_PROXY and NO_PROXY) apply to these agents as they apply to Node's global agents.
  // (Node's agents take an undefined proxyEnv for none.)
  const { proxyEnv } = (module.globalAgent as unknown as { options: { proxyEnv?: object } }).options;
  const options = { ...AGENT_OPTIONS, proxyEnv };
  return (loaded[name] = { request: module.request, agent: new module.Agent(options) });
}

type Finish = (reply: BufferedReply | undefined, error?: unknown) => void;

/**
 * Sends `request` (its method and signal) with `wire`'s parts over `node:http` or `node:https`,
 * reads the whole answer (at most `wire.maxResponseBytes` of body), and resolves with it.
 *
 * - An abort of the request's signal (ky's timeout, or the caller's signal) ends the exchange
 *   and rejects with the signal's reason, as `fetch` does.
 * - A failure of the connection rejects with `TypeError("fetch failed")` whose `cause` is the
 *   system error, as the built-in fetch does, so that ky sees a network error.
 * - A body past the limit closes the connection and rejects with a `PusherResponseError`.
 * - Nothing is ever sent twice: once the whole request has left (Node's `finish`), the server may
 *   have acted on it, and `wire.target.sent` says so; a failure before that is a request the
 *   server never received whole.
 *
 * @example
 * ```ts
 * const reply = await ky(url, { method: "POST", fetch: (request) => nodeTransport(request as Request, wire) });
 * ```
 */
export const nodeTransport: Transport = (request, wire) => {
  const name = wire.origin.tls ? "https" : "http";
  const scheme = loaded[name];
  return scheme === undefined
    ? (loading[name] ??= loadScheme(name)).then((ready) => sendOver(ready, request, wire))
    : sendOver(scheme, request, wire);
};

function sendOver(scheme: Scheme, request: Request, wire: WireParts): Promise<BufferedReply> {
  const agent = (wire.origin.agent as Agent | undefined) ?? scheme.agent;
  return new Promise<BufferedReply>((resolve, reject) => {
    const { signal } = request;
    // As fetch does (Fetch standard): the rejection is the signal's reason, whatever it is.
    signal.throwIfAborted();
    const { hostname, port } = wire.origin;
    let answered = false;
    const outgoing = scheme.request({ agent, hostname, port, path: wire.path, method: request.method, headers: wire.headers }, (incoming) => {
      answered = true;
      readReply(incoming, request, wire, finish, fail);
    });
    // The first outcome settles the promise; every outcome stops listening for an abort, and any
    // but an answer also ends the connection.
    const finish: Finish = (reply, error) => {
      signal.removeEventListener("abort", onAbort);
      if (reply) {
        resolve(reply);
      } else {
        outgoing.destroy();
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(error);
      }
    };
    const onAbort = (): void => finish(undefined, signal.reason);
    const fail = (error: unknown, status?: number): void => finish(undefined, networkFailure(error, status));
    outgoing.on("finish", () => (wire.target.sent = true));
    outgoing.on("error", fail);
    // A request can close with neither an answer nor an error: a 101 Switching Protocols to a
    // request that asked for no upgrade, whose connection Node then drops. It fails now, not at
    // the timeout.
    outgoing.on("close", () => {
      if (!answered) fail(Object.assign(new Error("the connection closed without an answer"), { code: "ECONNRESET" }));
    });
    signal.addEventListener("abort", onAbort);
    outgoing.end(wire.body);
  });
}

function readReply(
  incoming: IncomingMessage,
  request: Request,
  wire: WireParts,
  finish: Finish,
  fail: (error: unknown, status: number) => void,
): void {
  const status = incoming.statusCode ?? 0;
  const { maxResponseBytes } = wire;
  const tooLarge = (): void => {
    incoming.destroy();
    finish(undefined, responseTooLarge(request, status, maxResponseBytes));
  };
  if (Number(incoming.headers["content-length"]) > maxResponseBytes) {
    tooLarge();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  incoming.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxResponseBytes) tooLarge();
    else chunks.push(chunk);
  });
  // The status had arrived: the error says so (the server may have acted on the request). A
  // connection that ends before the whole body arrived is such an error (Node's ECONNRESET).
  incoming.on("error", (error) => fail(error, status));
  incoming.on("end", () => {
    const text = (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)).toString("utf8");
    finish(new BufferedReply(status, incoming.statusMessage ?? "", incomingHeaders(incoming.headers), text));
  });
}

// Node has already parsed the headers into an object with lower-case names (a repeated one into
// an array, which String() joins).
function incomingHeaders(headers: IncomingMessage["headers"]): HeaderReader {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : String(value);
    },
  };
}

/** The transport of this runtime. */
export const runtimeTransport: Transport | undefined = nodeTransport;
