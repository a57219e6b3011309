import { signRequest } from "@x/signing";
import { PusherAbortError, type QueryParamValue } from "@x/types";
import { runtimeTransport } from "#transport";
import type { KyInstance, RetryOptions as KyRetryOptions } from "ky";
import type { ResolvedOptions, ResolvedRetry } from "../options/resolve-options.js";
import type { BufferedReply } from "../transport/buffered-reply.js";
import type { WireOrigin, WireParts } from "../transport/transport.js";
import { VERSION } from "../version.js";
import { bufferedFetch } from "./buffered-fetch.js";
import { loadKy, type KyModule } from "./load-ky.js";
import { parseResponseBody } from "./map-response.js";
import { mapTransportError } from "./map-transport-error.js";
import type { RequestTarget } from "./request-target.js";

/**
 * One call of the HTTP API, before signing.
 *
 * @example
 * ```ts
 * const request: ApiRequest = { method: "POST", path: "/events", body: '{"name":"e","channels":["a"],"data":"x"}' };
 * ```
 */
export interface ApiRequest {
  method: "GET" | "POST";
  /** The path under `/apps/<appId>`, starting with `/`. */
  path: string;
  /** Query parameters besides the signature's own. */
  params?: Record<string, QueryParamValue | undefined> | undefined;
  /** The exact body to send (serialised once, PROTOCOL §2.7); GETs have none. */
  body?: string | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Sends an {@link ApiRequest} and resolves with the parsed response body.
 *
 * @example
 * ```ts
 * const send: SendRequest = createSendRequest(resolved);
 * ```
 */
export type SendRequest = (request: ApiRequest) => Promise<unknown>;

const LIBRARY_HEADER = `@x/rest ${VERSION}`;
const GET_HEADERS = { accept: "application/json", "x-pusher-library": LIBRARY_HEADER };
const POST_HEADERS = { ...GET_HEADERS, "content-type": "application/json" };
// The statuses retrying can cure (PusherHttpError.retryable); 429 and 503 may say when, in Retry-After.
const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504];
const RETRY_AFTER_STATUS_CODES = [429, 503];

/**
 * Builds the function that signs, sends and maps every request of one client. ky is loaded on
 * the first request, and one ky instance then serves them all. Each request is signed once, its
 * body is the exact string that was MD5'd (PROTOCOL §2), the answer's body is read whole under
 * `maxResponseBytes` within ky's timeout, and any failure comes out as an error of `@x/types`,
 * never one of ky's.
 *
 * @example
 * ```ts
 * const send = createSendRequest(resolveOptions({ appId: "1", key: "k", secret: "s" }));
 * const body = await send({ method: "GET", path: "/channels" });
 * ```
 */
export function createSendRequest(options: ResolvedOptions): SendRequest {
  const { baseUrl, appPath, credentials, timeoutMs, maxResponseBytes } = options;
  const retryFor = { GET: kyRetry(options.retry, "GET"), POST: kyRetry(options.retry, "POST") };
  // A fetch the caller injected is used as given; otherwise the runtime's own transport, if it
  // has one (Node: transport-node.ts), else the global fetch, looked up when a request is sent.
  const transport = options.fetch === undefined ? runtimeTransport : undefined;
  const origin = transport === undefined ? undefined : wireOrigin(baseUrl);
  let ky: KyModule | undefined;
  let api: KyInstance | undefined;
  // Looked up on the first request: on Node, reading `globalThis.fetch` loads undici.
  let send: typeof fetch | undefined;

  async function exchange(method: "GET" | "POST", url: string, path: string, body: string | undefined, signal: AbortSignal | undefined): Promise<BufferedReply> {
    ky ??= await loadKy();
    api ??= ky.default.create({
      timeout: timeoutMs,
      // Never follow a redirect: the other location would receive the signed URL and the body.
      redirect: "manual",
    });
    const headers = body === undefined ? GET_HEADERS : POST_HEADERS;
    const retry = retryFor[method];
    if (origin !== undefined && transport !== undefined) {
      // ky's Request carries neither headers nor body: the transport takes them as they are.
      const wire: WireParts = { origin, path, headers, body, maxResponseBytes };
      const fetch = (request: Request): Promise<Response> => transport(request, wire) as unknown as Promise<Response>;
      return (await api(url, { method, signal, retry, fetch: fetch as typeof globalThis.fetch })) as unknown as BufferedReply;
    }
    send ??= options.fetch ?? globalThis.fetch.bind(globalThis);
    const fetchVia = send;
    // A BufferedReply passes for a Response with ky (buffered-reply.ts).
    const fetch = (request: Request): Promise<Response> => bufferedFetch(fetchVia, request, maxResponseBytes) as unknown as Promise<Response>;
    return (await api(url, { method, headers, body, signal, retry, fetch: fetch as typeof globalThis.fetch })) as unknown as BufferedReply;
  }

  return async function sendRequest({ method, path, params, body, signal }: ApiRequest): Promise<unknown> {
    const fullPath = appPath + path;
    const query = signRequest(credentials, { method, path: fullPath, params, body });
    const pathAndQuery = `${fullPath}?${query}`;
    const target: RequestTarget = { method, url: baseUrl + pathAndQuery, secret: credentials.secret };
    if (signal?.aborted === true) throw new PusherAbortError(target, { cause: signal.reason });
    let reply: BufferedReply;
    try {
      reply = await exchange(method, target.url, pathAndQuery, body, signal);
    } catch (error) {
      throw mapTransportError(ky, error, target, signal, timeoutMs);
    }
    return parseResponseBody(reply, target);
  };
}

// Parsed once per client: the transport needs the parts, and the base URL never changes.
function wireOrigin(baseUrl: string): WireOrigin {
  const url = new URL(baseUrl);
  // An IPv6 host comes in brackets in a URL, and without them to `node:http`.
  return { tls: url.protocol === "https:", hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"), port: url.port };
}

// A limit of 0 also spares ky the clone of each request it keeps for retrying.
function kyRetry(retry: ResolvedRetry, method: "GET" | "POST"): KyRetryOptions | number {
  if (retry.limit === 0 || !retry.methods.includes(method)) return 0;
  // `limit`, `backoffLimit` and `maxRetryAfter` are ky's own names; ky spells methods in lower case.
  return {
    ...retry,
    methods: [method.toLowerCase()],
    statusCodes: RETRY_STATUS_CODES,
    afterStatusCodes: RETRY_AFTER_STATUS_CODES,
    retryOnTimeout: true,
  };
}
