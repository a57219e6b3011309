import { signRequest } from "@x/signing";
import { PusherAbortError, PusherNetworkError, PusherTimeoutError, PusherValidationError, isPusherError } from "@x/types";
import type { PusherError, QueryParamValue } from "@x/types";
import { utf8ByteLength } from "@x/types/internal";
import type { KyInstance, Options as KyOptions, RetryOptions as KyRetryOptions } from "ky";
import { runtimeTransport } from "#transport";
import { observeCall, type CallObserver } from "../observe/request-hooks.js";
import type { ResolvedOptions, ResolvedRetry } from "../options/resolve-options.js";
import type { ApiResponse } from "../rest-client.js";
import { fetchTransport } from "../transport/transport.js";
import { VERSION } from "../version.js";
import { failedAnswer, parseAnswer, redactCause, type Exchange } from "./errors.js";
import type * as KyParts from "./ky-parts.js";

/** One call of the HTTP API before signing: a path under `/apps/<appId>`, the exact body to send (§2). */
export interface ApiRequest {
  method: "GET" | "POST";
  path: string;
  params?: Record<string, QueryParamValue | undefined> | undefined;
  body?: string | undefined;
  signal?: AbortSignal | undefined;
  /** `get`, `post` and `request`: any JSON value answered, or the text of a body that is no JSON. */
  generic?: boolean;
}

/** Signs and sends an {@link ApiRequest}; resolves with the API's answer. */
export type SendRequest = (request: ApiRequest) => Promise<ApiResponse>;

type KyModule = typeof KyParts;

const LIBRARY_HEADER = `@x/rest ${VERSION}`;
const GET_HEADERS = { accept: "application/json", "x-pusher-library": LIBRARY_HEADER };
const POST_HEADERS = { ...GET_HEADERS, "content-type": "application/json" };
// The statuses retrying can cure (as PusherHttpError.retryable); 429 and 503 may say when.
const RETRY_ON = { statusCodes: [408, 429, 500, 502, 503, 504], afterStatusCodes: [429, 503], retryOnTimeout: true };

let kyLoading: Promise<KyModule> | undefined;

/**
 * The function that signs, sends and maps every request of one client, through one ky instance.
 * ky is loaded by the first request: importing it loads Node's whole fetch stack, which an app that
 * only signs authorizations must not pay for. Any failure comes out as an error of `@x/types`.
 */
export function createSendRequest(options: ResolvedOptions): SendRequest {
  const { baseUrl, basePath, appPath, credentials, timeoutMs, maxResponseBytes, hooks, origin } = options;
  const retryFor = { GET: kyRetry(options.retry, "GET"), POST: kyRetry(options.retry, "POST") };
  // An injected fetch is given ky's Request as it is; else the runtime's transport sends the wire parts.
  const injectedFetch = options.fetch;
  const transport = injectedFetch === undefined ? runtimeTransport : undefined;
  let ky: KyModule | undefined;
  let api: KyInstance | undefined;

  // One call's options for ky, kept to the keys that matter: ky merges them on every call.
  function kyCall(exchange: Exchange, path: string, body?: string, signal?: AbortSignal, observer?: CallObserver): KyOptions {
    const { method } = exchange;
    // A retry setting, 0 included: without one ky clones every request in case it retries.
    const call: KyOptions = { method, retry: retryFor[method] };
    if (signal !== undefined) call.signal = signal;
    if (observer !== undefined) {
      call.hooks = { beforeRetry: [({ error }) => observer.retried(toPusherError(error, exchange, undefined))] };
    }
    // A POST names its length, as the official SDK's do (nock's `reqheaders` match on it).
    const headers = body === undefined ? GET_HEADERS : { ...POST_HEADERS, "content-length": String(utf8ByteLength(body)) };
    // ky always calls its fetch with the Request it built.
    if (transport === undefined) {
      call.headers = headers;
      call.body = body;
      call.fetch = (input) => fetchTransport(injectedFetch!, input as Request, maxResponseBytes, exchange);
    } else {
      // ky's Request carries neither headers nor body: the transport sends them as they are.
      const wire = { origin, path, headers, body, maxResponseBytes, exchange };
      call.fetch = (input) => transport(input as Request, wire);
    }
    return call;
  }

  // Turns what ky or a transport threw into an error of `@x/types`. ky's own errors carry the
  // signed URL, so none of them is passed on, not even as a cause.
  function toPusherError(error: unknown, exchange: Exchange, signal: AbortSignal | undefined): PusherError {
    const delivery = exchange.sent ? "unknown" : "not_sent";
    // First: an abort surfaces as whatever the fetch in use rejects with.
    if (signal?.aborted === true) return new PusherAbortError(exchange, { cause: signal.reason, delivery });
    if (isPusherError(error)) return error;
    if (ky?.isHTTPError(error) === true) return failedAnswer(error.response.status, exchange.answerText, exchange);
    if (ky?.isTimeoutError(error) === true) {
      // ky retries a timeout until the limit: one that ends the call ended the last attempt.
      const attempts = retryFor[exchange.method] === 0 ? 1 : options.retry.limit + 1;
      return new PusherTimeoutError(exchange, timeoutMs, { delivery, attempts });
    }
    // The runtime's failure (ECONNREFUSED…) inside ky's, or an injected fetch's own; redacted,
    // since Deno's and Bun's quote the signed URL.
    const cause: unknown = ky?.isNetworkError(error) === true ? error.cause : error;
    const { responseStatus } = (cause ?? {}) as { responseStatus?: number };
    return new PusherNetworkError(exchange, { cause: redactCause(cause, exchange.signature), responseStatus, delivery });
  }

  return async function sendRequest({ method, path, params, body, signal, generic }: ApiRequest): Promise<ApiResponse> {
    validatePath(path);
    const fullPath = appPath + path;
    const query = signRequest(credentials, { method, path: fullPath, params, body });
    // signRequest puts auth_signature last (docs/protocol.md §2).
    const signature = query.slice(query.lastIndexOf("=") + 1);
    const exchange: Exchange = { method, url: `${baseUrl}${fullPath}?${query}`, signature, sent: false, answerText: "" };
    const observer = hooks === undefined ? undefined : observeCall(hooks, { method, url: baseUrl + fullPath, path: fullPath });
    try {
      signal?.throwIfAborted();
      ky ??= await (kyLoading ??= import("./ky-parts.js"));
      // A fetch must be told not to follow redirects; node:http never does.
      api ??= ky.default.create(transport === undefined ? { timeout: timeoutMs, redirect: "manual" } : { timeout: timeoutMs });
      const response = await api(exchange.url, kyCall(exchange, `${basePath}${fullPath}?${query}`, body, signal, observer));
      const text = exchange.answerText;
      const parsed = parseAnswer(response, text, exchange, generic) as Record<string, unknown>;
      const answer = { status: response.status, body: parsed, text };
      observer?.succeeded(response.status);
      return answer;
    } catch (error) {
      const failure = toPusherError(error, exchange, signal);
      observer?.failed(failure);
      throw failure;
    }
  };
}

// Every path under /apps/<appId> (a channel name, a user id, a caller's path) must go on the wire as it was
// signed: one that URL parsing would change (a query, encoded characters, `.` and `..` segments) is refused.
function validatePath(path: unknown): asserts path is string {
  if (typeof path !== "string" || new URL(path, "http://h").pathname !== path) {
    const message = 'path must be a plain ASCII path from "/", with no query, fragment or dot segment';
    throw new PusherValidationError("invalid_params", "path", message);
  }
}

// ky's names, but methods in lower case; a limit of 0 spares ky the clone it keeps for retrying.
function kyRetry(retry: ResolvedRetry, method: "GET" | "POST"): KyRetryOptions | number {
  if (retry.limit === 0 || !retry.methods.includes(method)) return 0;
  const { limit, backoffLimit, maxRetryAfter } = retry;
  return { limit, backoffLimit, maxRetryAfter, methods: [method.toLowerCase()], ...RETRY_ON };
}
