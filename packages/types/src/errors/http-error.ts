import { redactSignedUrl } from "../redact-signed-url.js";
import { PusherError, isPusherError } from "./pusher-error.js";

/** The details of a failed HTTP exchange, as given to {@link PusherHttpError}. */
export interface PusherHttpErrorDetails {
  /** The HTTP status; a 2xx status when the server reported the error in its body. */
  status: number;
  /** The server's own explanation (its `error` field, or the response text), trimmed. */
  serverMessage: string;
  /** The request's method, e.g. `"POST"`. */
  method: string;
  /** The request's URL; it is redacted by the constructor, whatever is passed. */
  url: string;
  /** The error code the server put in its body, when it gave one (`{"error": "...", "code": 401}`). */
  serverCode?: number | undefined;
}

// 408 and 429 ask the caller to come back later; 5xx are the server's own failures.
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status < 600);
}

/**
 * The Pusher API (or a compatible server) refused a request. Carries the status, the server's
 * message, the method and the URL with `auth_key`, `auth_signature` and `body_md5` redacted,
 * and whether retrying later makes sense (`retryable`: 408, 429 and 5xx).
 *
 * @example
 * ```ts
 * try {
 *   await client.trigger("my-channel", "my-event", data);
 * } catch (error) {
 *   if (isPusherHttpError(error) && error.status === 413) console.error("payload too large");
 * }
 * ```
 */
export class PusherHttpError extends PusherError {
  override readonly name = "PusherHttpError";
  declare readonly status: number;
  declare readonly serverMessage: string;
  declare readonly method: string;
  /** The request URL with every credential-derived value redacted. */
  declare readonly url: string;
  declare readonly retryable: boolean;
  /**
   * The error code in the server's body, when it gave one: some compatible servers answer
   * HTTP 200 with `{"error": "...", "code": 401}`, and then `status` is 200 and this is 401.
   */
  declare readonly serverCode: number | undefined;

  constructor(details: PusherHttpErrorDetails) {
    const url = redactSignedUrl(details.url);
    const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").split("?")[0];
    const serverMessage = details.serverMessage.trim().slice(0, 500);
    super(
      "http_error",
      `${details.method} ${path} failed with HTTP ${details.status}` +
        (serverMessage === "" ? "" : `: ${serverMessage}`),
    );
    this.status = details.status;
    this.serverMessage = serverMessage;
    this.method = details.method;
    this.url = url;
    this.serverCode = details.serverCode;
    // A failure reported in a 2xx body is as retryable as the HTTP status its code names.
    this.retryable = isRetryableStatus(details.status) || (details.status < 300 && isRetryableStatus(details.serverCode ?? 0));
  }
}

/**
 * Tells whether `value` is a {@link PusherHttpError} from any copy of `@x/types`.
 *
 * @example
 * ```ts
 * if (isPusherHttpError(error) && error.retryable) scheduleRetry();
 * ```
 */
export function isPusherHttpError(value: unknown): value is PusherHttpError {
  return isPusherError(value) && value.name === "PusherHttpError";
}
