// The `#transport` of the "node" condition, the one file that may import Node built-ins: node:http(s)
// on keep-alive agents costs less per request than Node's fetch and its WHATWG streams.
import { Buffer } from "node:buffer";
import type { Agent, IncomingHttpHeaders, IncomingMessage, request as httpRequest } from "node:http";
import { networkFailure, responseTooLarge } from "../request/errors.js";
import { bufferedResponse, type Transport, type WireParts } from "./transport.js";

// Most recent first, so that idle connections age out. Node closes an idle one before the server's `Keep-Alive:
// timeout`, and after 4 s without one (undici's default): before common servers close it as it is reused.
const AGENT_OPTIONS = { keepAlive: true, scheduling: "lifo", timeout: 4_000 } as const;

// What ky and the client read of an answer's headers: its type, and the wait of a 429 or 503.
const KEPT_HEADERS = [
  "content-type",
  "retry-after",
  "ratelimit-reset",
  "x-ratelimit-retry-after",
  "x-ratelimit-reset",
  "x-rate-limit-reset",
];

interface Scheme {
  request: typeof httpRequest;
  agent: Agent;
}

// Loaded by the first request of each scheme: an app that never sends one does not load Node's HTTP stack.
const schemes: Partial<Record<"http" | "https", Promise<Scheme>>> = {};

async function loadScheme(name: "http" | "https"): Promise<Scheme> {
  const module = name === "https" ? await import("node:https") : await import("node:http");
  // Node's own proxy settings (NODE_USE_ENV_PROXY) apply to these agents as to its global ones;
  // @types/node does not know `proxyEnv` yet.
  const { proxyEnv } = (module.globalAgent as Agent & { options: { proxyEnv?: object } }).options;
  const options = { ...AGENT_OPTIONS, proxyEnv };
  return { request: module.request, agent: new module.Agent(options) };
}

/**
 * Sends ky's `request` (its method and signal) with `wire`'s parts over node:http(s), as `fetch`
 * would: an abort rejects with the signal's reason, a failed connection with
 * `TypeError("fetch failed")`. Nothing is sent twice: once the whole request has left (`finish`),
 * the server may have acted on it, and the exchange says so.
 */
export const nodeTransport: Transport = async (request, wire) => {
  const name = wire.origin.tls ? "https" : "http";
  return sendOver(await (schemes[name] ??= loadScheme(name)), request, wire);
};

function sendOver(scheme: Scheme, request: Request, wire: WireParts): Promise<Response> {
  const { signal } = request;
  const { hostname, port } = wire.origin;
  const agent = (wire.origin.agent as Agent | undefined) ?? scheme.agent;
  return new Promise<Response>((resolve, reject) => {
    // As fetch does: the rejection is the signal's reason, whatever it is.
    signal.throwIfAborted();
    let answered = false;
    const options = { agent, hostname, port, path: wire.path, method: request.method, headers: wire.headers };
    const outgoing = scheme.request(options, (incoming) => {
      answered = true;
      readAnswer(incoming, wire, settle);
    });
    // The first outcome settles; every outcome stops listening for an abort, and a failure also
    // ends the connection, so that nothing of a settled call stays open.
    function settle(response: Response | undefined, error?: unknown): void {
      signal.removeEventListener("abort", onAbort);
      if (response !== undefined) return resolve(response);
      outgoing.destroy();
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      reject(error);
    }
    const onAbort = (): void => settle(undefined, signal.reason);
    const fail = (error: unknown): void => settle(undefined, networkFailure(error));
    outgoing.on("finish", () => (wire.exchange.sent = true));
    outgoing.on("error", fail);
    // A 101 to a request that asked for no upgrade closes with neither an answer nor an error.
    outgoing.on("close", () => {
      if (!answered) fail(Object.assign(new Error("the connection closed without an answer"), { code: "ECONNRESET" }));
    });
    signal.addEventListener("abort", onAbort);
    outgoing.end(wire.body);
  });
}

type Settle = (response: Response | undefined, error?: unknown) => void;

function readAnswer(incoming: IncomingMessage, wire: WireParts, settle: Settle): void {
  // Always set on the answer to a request.
  const status = incoming.statusCode as number;
  const { maxResponseBytes, exchange } = wire;
  const tooLarge = (): void => {
    incoming.destroy();
    settle(undefined, responseTooLarge(exchange, status, maxResponseBytes));
  };
  if (Number(incoming.headers["content-length"]) > maxResponseBytes) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  incoming.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxResponseBytes) tooLarge();
    else chunks.push(chunk);
  });
  // The status had come: the error says the server may have acted. A body cut short is such an error.
  incoming.on("error", (error) => settle(undefined, networkFailure(error, status)));
  incoming.on("end", () => {
    try {
      settle(bufferedResponse(status, keptHeaders(incoming.headers), Buffer.concat(chunks, size), exchange));
    } catch (error) {
      // A status or header no Response can hold.
      settle(undefined, error);
    }
  });
}

function keptHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers[name];
    if (typeof value === "string") kept[name] = value;
  }
  return kept;
}

/** The transport of this runtime. */
export const runtimeTransport: Transport = nodeTransport;

/** Whether this runtime's transport sends through a Node `http.Agent` (the `agent` option): yes. */
export const takesAgent = true;
