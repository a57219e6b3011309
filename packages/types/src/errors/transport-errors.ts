import { redactSignedUrl } from "../redact-signed-url.js";
import { PusherError, isPusherError, type PusherErrorCode } from "./pusher-error.js";

/** Where a request was going when it failed before any answer came back. */
export interface PusherRequestTarget {
  method: string;
  /** Redacted by the constructor, whatever is passed. */
  url: string;
}

/**
 * Whether a request that got no complete answer may have reached the server. `"not_sent"`: it
 * provably never arrived whole (the connection was refused, or failed before the last byte of the
 * request had left), so sending it again cannot deliver it twice. `"unknown"`: the server may have
 * received it and acted on it (a trigger may have been delivered), and sending it again may
 * deliver it twice. The SDK never sends such a POST again by itself: the caller decides.
 *
 * @example
 * ```ts
 * if (isPusherNetworkError(error) && error.delivery === "not_sent") await pusher.trigger("orders", "created", order);
 * ```
 */
export type PusherDelivery = "not_sent" | "unknown";

/**
 * The options of the errors of a request that got no complete answer.
 *
 * @example
 * ```ts
 * const options: PusherRequestFailureOptions = { cause: socketError, delivery: "not_sent" };
 * ```
 */
export interface PusherRequestFailureOptions {
  cause?: unknown;
  /** @default "unknown" */
  delivery?: PusherDelivery | undefined;
}

// What the errors of a request that got no HTTP answer share: where it went (with the URL
// redacted), whether it may have arrived, and a message that says so before saying what happened.
abstract class PusherRequestFailure extends PusherError {
  declare readonly method: string;
  declare readonly url: string;
  /** Whether the server may have received the request: see {@link PusherDelivery}. */
  declare readonly delivery: PusherDelivery;

  constructor(code: PusherErrorCode, target: PusherRequestTarget, outcome: string, options?: PusherRequestFailureOptions) {
    const url = redactSignedUrl(target.url);
    super(code, `${target.method} ${url} ${outcome}`, options);
    this.method = target.method;
    this.url = url;
    this.delivery = options?.delivery ?? "unknown";
  }
}

// A system or library error code: `ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_SOCKET`,
// `DEPTH_ZERO_SELF_SIGNED_CERT`... Codes carry no data of the request, so they may be shown.
const SYSTEM_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/**
 * The first error code found on `cause` or on the causes it wraps (a runtime's `fetch` buries
 * the system error one or two levels down), or `undefined`.
 *
 * @example
 * ```ts
 * systemCodeOf(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } })); // "ECONNREFUSED"
 * ```
 */
export function systemCodeOf(cause: unknown): string | undefined {
  let current = cause;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { code } = current as { code?: unknown };
    if (typeof code === "string" && SYSTEM_CODE.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The request got no complete HTTP answer: DNS failure, refused connection, reset socket...
 * `systemCode` is the system's code for it when there is one (`ECONNREFUSED`, `ENOTFOUND`,
 * `ECONNRESET`, `ETIMEDOUT`, a TLS certificate error...), and the message ends with it; `cause`
 * holds the underlying error.
 *
 * `delivery` says whether the server may have received the request. When `responseStatus` is set,
 * the connection failed while the answer's body was being read, after the server had answered with
 * that status, so it most likely did act (a trigger answered 200 was delivered).
 *
 * @example
 * ```ts
 * if (isPusherNetworkError(error) && error.systemCode === "ENOTFOUND") console.error("check the host option");
 * if (isPusherNetworkError(error) && error.delivery === "not_sent") console.warn("never reached Pusher: safe to send again");
 * if (isPusherNetworkError(error) && error.responseStatus === 200) console.warn("delivered, but the answer was cut");
 * ```
 */
export class PusherNetworkError extends PusherRequestFailure {
  override readonly name = "PusherNetworkError";
  /** The system's error code, e.g. `"ECONNREFUSED"`, when the failure has one. */
  declare readonly systemCode: string | undefined;
  /** The status of the answer whose body was being read when the connection failed, if any. */
  declare readonly responseStatus: number | undefined;

  constructor(target: PusherRequestTarget, options: PusherRequestFailureOptions & { responseStatus?: number | undefined }) {
    const systemCode = systemCodeOf(options.cause);
    const { responseStatus } = options;
    const outcome =
      responseStatus === undefined
        ? "failed before any response"
        : `lost its HTTP ${responseStatus} answer midway: the server may have acted on it`;
    super("network_error", target, `${outcome}${systemCode === undefined ? "" : ` (${systemCode})`}`, options);
    this.systemCode = systemCode;
    this.responseStatus = responseStatus;
  }
}

/**
 * The request took longer than the configured `timeout` and was cancelled; `delivery` says
 * whether the server may have received it.
 *
 * @example
 * ```ts
 * if (isPusherTimeoutError(error)) console.error(`gave up after ${error.timeoutMs} ms; delivery ${error.delivery}`);
 * ```
 */
export class PusherTimeoutError extends PusherRequestFailure {
  override readonly name = "PusherTimeoutError";
  declare readonly timeoutMs: number;

  constructor(target: PusherRequestTarget, timeoutMs: number, options?: PusherRequestFailureOptions) {
    super("timeout", target, `timed out after ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The caller's `AbortSignal` cancelled the request; `delivery` says whether the server may have
 * received it.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const pending = client.channels({ signal: controller.signal });
 * controller.abort();
 * await pending.catch((error) => isPusherAbortError(error)); // true
 * ```
 */
export class PusherAbortError extends PusherRequestFailure {
  override readonly name = "PusherAbortError";

  constructor(target: PusherRequestTarget, options?: PusherRequestFailureOptions) {
    super("aborted", target, "was aborted", options);
  }
}

/**
 * Tells whether `value` is a {@link PusherNetworkError} from any copy of `@x/types`.
 *
 * @example
 * ```ts
 * if (isPusherNetworkError(error)) retryLater();
 * ```
 */
export function isPusherNetworkError(value: unknown): value is PusherNetworkError {
  return isPusherError(value) && value.name === "PusherNetworkError";
}

/**
 * Tells whether `value` is a {@link PusherTimeoutError} from any copy of `@x/types`.
 *
 * @example
 * ```ts
 * if (isPusherTimeoutError(error)) console.warn("Pusher is slow today");
 * ```
 */
export function isPusherTimeoutError(value: unknown): value is PusherTimeoutError {
  return isPusherError(value) && value.name === "PusherTimeoutError";
}

/**
 * Tells whether `value` is a {@link PusherAbortError} from any copy of `@x/types`.
 *
 * @example
 * ```ts
 * if (isPusherAbortError(error)) return; // the caller gave up on purpose
 * ```
 */
export function isPusherAbortError(value: unknown): value is PusherAbortError {
  return isPusherError(value) && value.name === "PusherAbortError";
}
