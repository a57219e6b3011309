import {
  PusherAbortError,
  PusherHttpError,
  PusherNetworkError,
  PusherTimeoutError,
  type PusherError,
} from "@x/types";
import { isHTTPError, isNetworkError, isTimeoutError } from "ky";
import type { RawResponse } from "./raw-response.js";
import { secretsOf, type RequestTarget } from "./request-target.js";
import { serverMessage } from "./server-message.js";

/**
 * Turns whatever the transport threw into the matching error of `@x/types`. ky's own errors
 * carry the signed URL in their message and their `request`, so none of them is passed on, not
 * even as a `cause`: only the status, the server's message and the raw network failure are kept.
 *
 * @example
 * ```ts
 * try {
 *   await api(url, init).json();
 * } catch (error) {
 *   throw mapTransportError(error, target, signal, timeoutMs);
 * }
 * ```
 */
export function mapTransportError(
  error: unknown,
  target: RequestTarget,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): PusherError {
  // The errors keep only the method and the URL of the target (redacted), never its secret.
  // Checked first: an abort surfaces as whatever the fetch in use rejects with.
  if (signal?.aborted === true) return new PusherAbortError(target, { cause: signal.reason });
  if (isHTTPError(error)) {
    return new PusherHttpError({
      status: error.response.status,
      serverMessage: serverMessage(errorBodyText(error.data), secretsOf(target)),
      method: target.method,
      url: target.url,
    });
  }
  if (isTimeoutError(error)) return new PusherTimeoutError(target, timeoutMs);
  // ky wraps the runtime's network failure; that inner error (e.g. ECONNREFUSED) names no URL.
  // An injected fetch may fail in its own way: that error is the caller's, passed on as cause.
  return new PusherNetworkError(target, { cause: isNetworkError(error) ? error.cause : error });
}

// ky reads an error body itself: JSON bodies go through our `parseJson` (a RawResponse), other
// bodies arrive as text, an empty or unreadable body as undefined.
function errorBodyText(data: unknown): string {
  if (typeof data === "string") return data;
  return (data as RawResponse | undefined)?.text ?? "";
}
