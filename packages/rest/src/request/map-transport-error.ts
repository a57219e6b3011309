import { PusherAbortError, PusherNetworkError, PusherTimeoutError, isPusherError, type PusherError } from "@x/types";
import type { BufferedReply } from "../transport/buffered-reply.js";
import type { KyModule } from "./load-ky.js";
import { redactCause } from "./redact-secrets.js";
import { redirectRefused } from "./redirect-refused.js";
import type { RequestTarget } from "./request-target.js";
import { serverRefusal } from "./server-message.js";

/**
 * Turns whatever the transport threw into the matching error of `@x/types`. ky's own errors
 * carry the signed URL in their message and their `request`, so none of them is passed on, not
 * even as a `cause`: only the status, the server's message and the raw network failure are kept,
 * the latter redacted where it quotes the signed URL (redact-secrets.ts).
 * `ky` is undefined when ky itself could not be loaded.
 *
 * @example
 * ```ts
 * try {
 *   reply = await exchange(…);
 * } catch (error) {
 *   throw mapTransportError(ky, error, target, signal, timeoutMs);
 * }
 * ```
 */
export function mapTransportError(
  ky: KyModule | undefined,
  error: unknown,
  target: RequestTarget,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): PusherError {
  // The errors keep only the method and the URL of the target (redacted), never its secret.
  const delivery = target.sent ? "unknown" : "not_sent";
  // Checked first: an abort surfaces as whatever the fetch in use rejects with.
  if (signal?.aborted) return new PusherAbortError(target, { cause: signal.reason, delivery });
  // The transports' own verdicts on an answer (too large, redirected) are already typed.
  if (isPusherError(error)) return error;
  if (ky?.isHTTPError(error)) {
    // Every transport answers with a BufferedReply, its body already read.
    const reply = error.response as unknown as BufferedReply;
    const { status } = reply;
    // A 3xx, or the opaque redirect (status 0) of a fetch that runs in a browser.
    if (status < 400) return redirectRefused(target, status);
    return serverRefusal(reply, target);
  }
  if (ky?.isTimeoutError(error)) return new PusherTimeoutError(target, timeoutMs, { delivery });
  // ky wraps the runtime's network failure; that inner error (e.g. ECONNREFUSED) names no URL.
  // An injected fetch may fail in its own way: that error is the caller's, passed on as cause.
  // Either is redacted first if it quotes the signed URL (Deno's and Bun's fetch do).
  const cause = ky?.isNetworkError(error) ? error.cause : error;
  const { responseStatus } = (cause ?? {}) as { responseStatus?: number };
  return new PusherNetworkError(target, { cause: redactCause(cause, target.signature), responseStatus, delivery });
}
