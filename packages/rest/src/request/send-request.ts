import { signRequest } from "@x/signing";
import { PusherValidationError, type QueryParamValue } from "@x/types";
import { runtimeTransport } from "#transport";
import type { KyInstance, Options as KyOptions, RetryOptions as KyRetryOptions } from "ky";
import type { ResolvedOptions, ResolvedRetry } from "../options/resolve-options.js";
import type { BufferedReply } from "../transport/buffered-reply.js";
import type { WireOrigin, WireParts } from "../transport/transport.js";
import { VERSION } from "../version.js";
import { observeCall, type CallObserver } from "../observe/call-observer.js";
import { bufferedFetch } from "./buffered-fetch.js";
import { loadKy, type KyModule } from "./load-ky.js";
import { parseResponseBody } from "./map-response.js";
import { mapTransportError } from "./map-transport-error.js";
import type { RequestTarget } from "./request-target.js";
import type { ApiResponse } from "../rest-client.js";

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
  /** The exact body to send (serialised once, docs/protocol.md §2.7); GETs have none. */
  body?: string | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Sends an {@link ApiRequest} and resolves with the API's answer: its status, its body as it
 * came, and that body parsed.
 *
 * @example
 * ```ts
 * const send: SendRequest = createSendRequest(resolved);
 * const { body } = await send({ method: "GET", path: "/channels" });
 * ```
 */
export type SendRequest = (request: ApiRequest) => Promise<ApiResponse>;

// What ky's retry hook needs of a call: whom to tell, and the call's target for the error.
interface RetryContext {
  observer: CallObserver;
  target: RequestTarget;
}

const LIBRARY_HEADER = `@x/rest ${VERSION}`;
const GET_HEADERS = { accept: "application/json", "x-pusher-library": LIBRARY_HEADER };
const POST_HEADERS = { ...GET_HEADERS, "content-type": "application/json" };
// The statuses retrying can cure (PusherHttpError.retryable); 429 and 503 may say when, in Retry-After.
const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504];
const RETRY_AFTER_STATUS_CODES = [429, 503];

/**
 * Builds the function that signs, sends and maps every request of one client. ky is loaded on
 * the first request, and one ky instance then serves them all. Each request is signed once, its
 * body is the exact string that was MD5'd (docs/protocol.md §2), the answer's body is read whole under
 * `maxResponseBytes` within ky's timeout, and any failure comes out as an error of `@x/types`,
 * never one of ky's.
 *
 * @example
 * ```ts
 * const send = createSendRequest(resolveOptions({ appId: "1", key: "k", secret: "s" }));
 * const { body } = await send({ method: "GET", path: "/channels" });
 * ```
 */
export function createSendRequest(options: ResolvedOptions): SendRequest {
  const { baseUrl, appPath, credentials, timeoutMs, maxResponseBytes, hooks } = options;
  const retryFor = { GET: kyRetry(options.retry, "GET"), POST: kyRetry(options.retry, "POST") };
  // A fetch the caller injected is used as given; otherwise the runtime's own transport, if it
  // has one (Node: transport-node.ts), else the global fetch, looked up when a request is sent.
  const transport = options.fetch === undefined ? runtimeTransport : undefined;
  const origin = transport === undefined ? undefined : { ...wireOrigin(baseUrl), agent: options.agent };
  let ky: KyModule | undefined;
  let api: KyInstance | undefined;
  // Looked up on the first request: on Node, reading `globalThis.fetch` loads undici.
  let send: typeof fetch | undefined;

  // One call's options for ky, built anew for each request: ky merges its defaults and a
  // call's options key by key on every call, so both are kept to the keys that matter.
  function kyCall(
    target: RequestTarget,
    path: string,
    body: string | undefined,
    signal: AbortSignal | undefined,
    context: RetryContext | undefined,
  ): KyOptions {
    const { method } = target;
    const call: KyOptions = { method };
    if (signal !== undefined) call.signal = signal;
    if (context !== undefined) call.context = context as unknown as Record<string, unknown>;
    // Always given, 0 included: without a retry setting ky keeps its default limit of 2 and
    // clones every request (body included) in case it must retry, even a POST it never retries.
    call.retry = retryFor[method];
    const headers = body === undefined ? GET_HEADERS : POST_HEADERS;
    if (origin && transport) {
      // ky's Request carries neither headers nor body: the transport takes them as they are.
      const wire: WireParts = { origin, path, headers, body, maxResponseBytes, target };
      call.fetch = ((request: Request) => transport(request, wire)) as unknown as typeof fetch;
    } else {
      send ??= options.fetch ?? globalThis.fetch.bind(globalThis);
      const fetchVia = send;
      call.headers = headers;
      call.body = body;
      // A BufferedReply passes for a Response with ky (buffered-reply.ts).
      call.fetch = ((request: Request) => bufferedFetch(fetchVia, request, maxResponseBytes, target)) as unknown as typeof fetch;
    }
    return call;
  }

  return async function sendRequest({ method, path, params, body, signal }: ApiRequest): Promise<ApiResponse> {
    validatePath(path);
    const fullPath = appPath + path;
    const query = signRequest(credentials, { method, path: fullPath, params, body });
    const pathAndQuery = `${fullPath}?${query}`;
    // signRequest puts auth_signature last in the query (docs/protocol.md §2.3).
    const target: RequestTarget = { method, url: baseUrl + pathAndQuery, signature: query.slice(query.lastIndexOf("=") + 1) };
    // Only a client with hooks pays for observing its calls.
    const observer = hooks === undefined ? undefined : observeCall(hooks, { method, url: baseUrl + fullPath, path: fullPath });
    try {
      // Mapped below, like an abort under way, to a PusherAbortError.
      signal?.throwIfAborted();
      ky ??= await loadKy();
      api ??= ky.default.create(kyDefaults());
      const context = observer === undefined ? undefined : { observer, target };
      const reply = (await api(target.url, kyCall(target, pathAndQuery, body, signal, context))) as unknown as BufferedReply;
      const answer = { status: reply.status, body: parseResponseBody(reply, target), text: reply.bodyText };
      observer?.succeeded(reply.status);
      return answer;
    } catch (error) {
      const failure = mapTransportError(ky, error, target, signal, timeoutMs);
      observer?.failed(failure);
      throw failure;
    }
  };

  // The instance's defaults. A fetch must be told not to follow redirects; node:http never does,
  // and every key less is one less that ky merges on each call. With hooks, each retry is
  // reported through the call's context.
  function kyDefaults(): KyOptions {
    const defaults: KyOptions = transport === undefined ? { timeout: timeoutMs, redirect: "manual" } : { timeout: timeoutMs };
    if (hooks !== undefined) {
      defaults.hooks = {
        beforeRetry: [
          ({ options: callOptions, error }) => {
            const { observer, target } = callOptions.context as unknown as RetryContext;
            observer.retried(mapTransportError(ky, error, target, undefined, timeoutMs));
          },
        ],
      };
    }
    return defaults;
  }
}

// The one check of every path under /apps/<appId>, whatever its segments are made of (a channel
// name, a user id, a caller's path; the app id is checked with the options): it is signed as it
// is, so it must go on the wire as it is. A path that URL parsing would change (a query or
// fragment, which go in `params`; spaces, non-ASCII or control characters, which it encodes or
// drops; `.` and `..` segments or backslashes, which it resolves, possibly out of /apps/<appId>)
// is refused. node:http sends the path unparsed, fetch parses it. (A path without its leading
// "/" comes back with one, so it is refused too.)
function validatePath(path: unknown): asserts path is string {
  if (typeof path !== "string" || new URL(path, "http://h").pathname !== path) {
    throw new PusherValidationError("invalid_params", "path", 'path must be a plain ASCII path from "/", with no query, fragment or dot segment');
  }
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
