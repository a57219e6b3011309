import { signRequest } from "@x/signing";
import { PusherAbortError, type QueryParamValue } from "@x/types";
import { runtimeTransport } from "#transport";
import ky, { type Input, type RetryOptions as KyRetryOptions } from "ky";
import { mapTransportError } from "./map-transport-error.js";
import { parseResponseBody } from "./map-response.js";
import type { RawResponse } from "./raw-response.js";
import type { RequestTarget } from "./request-target.js";
import type { ResolvedOptions, ResolvedRetry } from "../options/resolve-options.js";
import { VERSION } from "../version.js";

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
 * Builds the function that signs, sends and maps every request of one client, on a ky instance
 * made once. Each request is signed once, its body is the exact string that was MD5'd
 * (PROTOCOL §2), and any failure comes out as an error of `@x/types`, never one of ky's.
 *
 * @example
 * ```ts
 * const send = createSendRequest(resolveOptions({ appId: "1", key: "k", secret: "s" }));
 * const body = await send({ method: "GET", path: "/channels" });
 * ```
 */
export function createSendRequest(options: ResolvedOptions): SendRequest {
  const api = ky.create({
    fetch: options.fetch,
    timeout: options.timeoutMs,
    // Through a fetch, ky's `.json()` hands over the raw text with its Response: parsing happens
    // in one place (map-response.ts), the read of the body stays under ky's timeout, and the
    // status of a 2xx error body (PROTOCOL §3) is kept. ky also reads error bodies with it.
    parseJson: (text, { response }): RawResponse => ({ status: response.status, text }),
  });
  const retryFor = { GET: kyRetry(options.retry, "GET"), POST: kyRetry(options.retry, "POST") };
  const { baseUrl, appPath, credentials, timeoutMs } = options;
  // A fetch the caller injected is used as given; otherwise the runtime's own transport, if it
  // has one (Node: transport-node.ts), else ky's default, the global fetch.
  const transport = options.fetch === undefined ? runtimeTransport : undefined;

  return async function sendRequest({ method, path, params, body, signal }: ApiRequest): Promise<unknown> {
    const fullPath = appPath + path;
    const query = signRequest(credentials, { method, path: fullPath, params, body });
    const target: RequestTarget = { method, url: `${baseUrl}${fullPath}?${query}`, secret: credentials.secret };
    if (signal?.aborted === true) throw new PusherAbortError(target, { cause: signal.reason });
    const headers = body === undefined ? GET_HEADERS : POST_HEADERS;
    const retry = retryFor[method];
    let response: RawResponse;
    try {
      if (transport === undefined) {
        response = await api(target.url, { method, headers, body, signal, retry }).json<RawResponse>();
      } else {
        // ky's Request carries neither headers nor body: the transport takes them as they are.
        // It has read the body before it resolves, within ky's timeout, so `text()` waits on
        // nothing and ky's `.json()` (a second timer racing a read) is not needed.
        const fetchWith = (request: Input): Promise<Response> => transport(request as Request, { headers, body });
        const reply = await api(target.url, { method, signal, retry, fetch: fetchWith });
        response = { status: reply.status, text: await reply.text() };
      }
    } catch (error) {
      throw mapTransportError(error, target, signal, timeoutMs);
    }
    return parseResponseBody(response, target);
  };
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
