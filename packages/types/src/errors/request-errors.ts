import { PusherError, guardOf, type PusherErrorCode, type ResponseErrorCode } from "./pusher-error.js";
import { causeText, isLoopbackHost, redactSignedUrl, systemCodeOf } from "./request-details.js";

/**
 * Whether a request that got no complete answer may have reached the server: `"not_sent"` when it provably never arrived
 * whole, so that sending it again cannot deliver it twice; `"unknown"` when the server may have acted on it.
 * @example if (isPusherNetworkError(error) && error.delivery === "not_sent") await pusher.trigger(channel, event, data);
 */
export type PusherDelivery = "not_sent" | "unknown";

// Every error of a request has its method and its URL, redacted whatever was passed.
abstract class PusherRequestError extends PusherError {
  declare readonly method: string;
  declare readonly url: string;

  // The message: the method, the URL (its path alone when the server answered), then the outcome.
  constructor(code: PusherErrorCode, target: { method: string; url: string }, outcome: string, options?: object, answered = false) {
    const url = redactSignedUrl(target.url);
    const shown = answered ? url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").split("?")[0] : url;
    super(code, `${target.method} ${shown} ${outcome}`, options);
    this.method = target.method;
    this.url = url;
  }
}

/**
 * The Pusher API, or a compatible server, refused a request; its URL is recorded with `auth_key`, `auth_signature` and
 * `body_md5` redacted. `retryable`: a 408, 429 or 5xx status, or such a `serverCode` in a 2xx answer.
 * @example if (isPusherHttpError(error) && error.status === 413) console.error("payload too large");
 */
export class PusherHttpError extends PusherRequestError {
  override readonly name = "PusherHttpError";
  declare readonly status: number;
  /** The server's explanation (its `error` field, or the response text). */
  declare readonly serverMessage: string;
  /** The `code` of a `{"error": "...", "code": 401}` body, which some servers answer with HTTP 200. */
  declare readonly serverCode: number | undefined;
  declare readonly retryable: boolean;

  constructor(details: { status: number; serverMessage: string; method: string; url: string; serverCode?: number | undefined }) {
    const { status, serverCode } = details;
    const serverMessage = details.serverMessage.trim().slice(0, 500);
    const said = serverMessage === "" ? "" : `: ${serverMessage}`;
    // A compatible server's error in a 2xx: its own code first, the status after.
    const outcome =
      status < 300 && serverCode !== undefined
        ? `failed: ${serverCode} ${serverMessage} (answered with HTTP ${status})`
        : `failed with HTTP ${status}${said}${status === 400 ? tlsMismatchHint(details.url, serverMessage) : ""}`;
    super("http_error", details, outcome, {}, true);
    this.status = status;
    this.serverMessage = serverMessage;
    this.serverCode = serverCode;
    this.retryable = isRetryableStatus(status) || (status < 300 && isRetryableStatus(serverCode ?? 0));
  }
}

// What Node, Bun and Deno say when TLS meets a plain-HTTP server; what a TLS server does to plain HTTP (resets, or a 400).
const PLAIN_HTTP_SERVER = /EPROTO|wrong.version.number|packet.length.too.long|InvalidContentType/i;
const TLS_SERVER = /ECONNRESET|UND_ERR_SOCKET|hang up|closed before|HTTPS (port|server)|\b(TLS|SSL)\b/i;

// The option that fixes a TLS/plain-HTTP mismatch, when `evidence` (what failed, or what a 400 said) shows one.
function tlsMismatchHint(url: string, evidence: string): string {
  const [, scheme, server, host = ""] = /^(https?):\/\/(([^/?#]*?)(?::\d+)?)(?:[/?#]|$)/i.exec(url) ?? [];
  if (scheme === "https" && PLAIN_HTTP_SERVER.test(evidence)) return `: the server at ${server} speaks plain HTTP: set useTLS: false`;
  // soketi never answers a TLS handshake: a local server that times out over TLS most likely speaks plain HTTP.
  if (scheme === "https" && evidence === "timeout" && isLoopbackHost(host)) {
    return `: the server at ${server} may speak plain HTTP: set useTLS: false`;
  }
  if (scheme === "http" && TLS_SERVER.test(evidence)) return `: the server at ${server} may expect TLS: set useTLS: true`;
  return "";
}

/** Whether `value` is a {@link PusherHttpError}. @example if (isPusherHttpError(error) && error.retryable) scheduleRetry(); */
export const isPusherHttpError = /* @__PURE__ */ guardOf<PusherHttpError>("PusherHttpError");

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status < 600);
}

/**
 * A server answered, but not as the Pusher API does, so whether the request took effect is unknown: `invalid_response` (a
 * 2xx whose body is no JSON object, e.g. a captive portal), `response_too_large` (past `maxResponseBytes`), `redirect_refused`.
 * @example if (isPusherResponseError(error) && error.code === "redirect_refused") console.error("check the host option");
 */
export class PusherResponseError extends PusherRequestError {
  override readonly name = "PusherResponseError";
  declare readonly code: ResponseErrorCode;
  declare readonly status: number;

  /** `problem` says what was wrong with the answer, in a few words holding no secret. */
  constructor(details: { code: ResponseErrorCode; status: number; method: string; url: string; problem: string }) {
    super(details.code, details, `got HTTP ${details.status}: ${details.problem}`, {}, true);
    this.status = details.status;
  }
}

/** Whether `value` is a {@link PusherResponseError}. @example if (isPusherResponseError(error)) alert(error.message); */
export const isPusherResponseError = /* @__PURE__ */ guardOf<PusherResponseError>("PusherResponseError");

/**
 * The request got no complete answer (a DNS failure, a refused or reset connection...); `cause` is the underlying error. With
 * `responseStatus`, the connection broke while that answer's body was read: the server most likely acted on the request.
 * @example if (isPusherNetworkError(error) && error.systemCode === "ENOTFOUND") console.error("check the host option");
 */
export class PusherNetworkError extends PusherRequestError {
  override readonly name = "PusherNetworkError";
  declare readonly delivery: PusherDelivery;
  /** The system's code for the failure, e.g. `"ECONNREFUSED"`, when it has one. */
  declare readonly systemCode: string | undefined;
  declare readonly responseStatus: number | undefined;

  constructor(
    target: { method: string; url: string },
    options: { cause?: unknown; delivery?: PusherDelivery | undefined; responseStatus?: number | undefined },
  ) {
    const { responseStatus } = options;
    const systemCode = systemCodeOf(options.cause);
    const midway = `lost its HTTP ${responseStatus} answer midway: the server may have acted on it`;
    const outcome = responseStatus === undefined ? "failed before any response" : midway;
    const hint = responseStatus === undefined ? tlsMismatchHint(target.url, causeText(options.cause)) : "";
    super("network_error", target, `${outcome}${systemCode === undefined ? "" : ` (${systemCode})`}${hint}`, options);
    this.delivery = options.delivery ?? "unknown";
    this.systemCode = systemCode;
    this.responseStatus = responseStatus;
  }
}

/** Whether `value` is a {@link PusherNetworkError}. @example if (isPusherNetworkError(error)) retryLater(error.delivery); */
export const isPusherNetworkError = /* @__PURE__ */ guardOf<PusherNetworkError>("PusherNetworkError");

/** The request outlasted the `timeout` and was cancelled. @example if (isPusherTimeoutError(error)) log(error.timeoutMs); */
export class PusherTimeoutError extends PusherRequestError {
  override readonly name = "PusherTimeoutError";
  declare readonly delivery: PusherDelivery;
  declare readonly timeoutMs: number;

  constructor(
    target: { method: string; url: string },
    timeoutMs: number,
    options?: { cause?: unknown; delivery?: PusherDelivery | undefined; attempts?: number | undefined },
  ) {
    const attempts = options?.attempts ?? 1;
    const hint = tlsMismatchHint(target.url, "timeout");
    super("timeout", target, `timed out after ${timeoutMs} ms${attempts > 1 ? ` (the last of ${attempts} attempts)` : ""}${hint}`, options);
    this.delivery = options?.delivery ?? "unknown";
    this.timeoutMs = timeoutMs;
  }
}

/** Whether `value` is a {@link PusherTimeoutError}. @example if (isPusherTimeoutError(error)) console.warn("Pusher is slow"); */
export const isPusherTimeoutError = /* @__PURE__ */ guardOf<PusherTimeoutError>("PusherTimeoutError");

/** The caller's `AbortSignal` cancelled the request. @example if (isPusherAbortError(error)) console.log(error.delivery); */
export class PusherAbortError extends PusherRequestError {
  override readonly name = "PusherAbortError";
  declare readonly delivery: PusherDelivery;

  constructor(target: { method: string; url: string }, options?: { cause?: unknown; delivery?: PusherDelivery | undefined }) {
    super("aborted", target, "was aborted", options);
    this.delivery = options?.delivery ?? "unknown";
  }
}

/** Whether `value` is a {@link PusherAbortError}. @example if (isPusherAbortError(error)) return; // given up on purpose */
export const isPusherAbortError = /* @__PURE__ */ guardOf<PusherAbortError>("PusherAbortError");

/**
 * A call split into several requests (too many channels for one trigger, events for one batch) failed part-way: `delivered`
 * and `undelivered` (channel names, or indexes into a batch) are all that was asked for; `cause` is the failure.
 * @example if (isPusherPartialDeliveryError(error)) await retry(error.undelivered);
 */
export class PusherPartialDeliveryError<TItem = unknown> extends PusherError {
  override readonly name = "PusherPartialDeliveryError";
  declare readonly delivered: readonly TItem[];
  declare readonly undelivered: readonly TItem[];

  constructor(delivered: readonly TItem[], undelivered: readonly TItem[], options: { cause: unknown }) {
    const { cause } = options;
    const reason = typeof cause === "object" && cause !== null && "message" in cause ? `: ${String(cause.message)}` : "";
    const total = delivered.length + undelivered.length;
    super("partial_delivery", `delivered ${delivered.length} of ${total}; the request for the rest failed${reason}`, options);
    this.delivered = delivered;
    this.undelivered = undelivered;
  }
}

/** Whether `value` is a {@link PusherPartialDeliveryError}. @example if (isPusherPartialDeliveryError(error)) retry(); */
export const isPusherPartialDeliveryError = /* @__PURE__ */ guardOf<PusherPartialDeliveryError>("PusherPartialDeliveryError");

/**
 * A publisher had no room for an event (its queue and waiting room were full, or the event waited past `maxWaitMs`): the
 * event was not sent. Slow down, or drop events knowingly.
 * @example if (isPusherQueueFullError(error)) console.warn(`dropped after waiting ${error.waitedMs} ms`);
 */
export class PusherQueueFullError extends PusherError {
  override readonly name = "PusherQueueFullError";
  declare readonly waitedMs: number;

  constructor(message: string, waitedMs: number) {
    super("queue_full", message);
    this.waitedMs = waitedMs;
  }
}

/** Whether `value` is a {@link PusherQueueFullError}. @example if (isPusherQueueFullError(error)) dropped++; */
export const isPusherQueueFullError = /* @__PURE__ */ guardOf<PusherQueueFullError>("PusherQueueFullError");
