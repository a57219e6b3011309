import { isPusherHttpError, isPusherNetworkError, type PusherError } from "@x/types";
import { notify, type ObservedRequest, type RequestHooks } from "./request-hooks.js";

/**
 * One call seen through a client's {@link RequestHooks}, made by {@link observeCall}: it tells
 * `onRetry`, `onResponse` or `onError` as the call goes, with durations and retry counts.
 *
 * @example
 * ```ts
 * const observer: CallObserver = observeCall(hooks, { method: "POST", url, path });
 * ```
 */
export interface CallObserver {
  /** An attempt failed with `error` and is made again. */
  retried(error: PusherError): void;
  succeeded(status: number): void;
  failed(error: PusherError): void;
}

/**
 * Tells `onRequest` that a call is made, and returns the {@link CallObserver} that reports the
 * rest of it.
 *
 * @example
 * ```ts
 * const observer = observeCall(hooks, { method: "POST", url, path });
 * try {
 *   observer.succeeded((await send()).status);
 * } catch (error) {
 *   observer.failed(error);
 * }
 * ```
 */
export function observeCall(hooks: RequestHooks, request: ObservedRequest): CallObserver {
  const started = performance.now();
  let retries = 0;
  notify(hooks.onRequest, request);
  const timing = (): { durationMs: number; retries: number } => ({ durationMs: performance.now() - started, retries });
  return {
    retried: (error) => notify(hooks.onRetry, request, { attempt: ++retries, reason: retryReason(error) }),
    succeeded: (status) => notify(hooks.onResponse, request, { status, ...timing() }),
    failed: (error) => notify(hooks.onError, request, { error, ...timing() }),
  };
}

// A few words a dashboard can group by: the status, or the system's code, or the error's code.
function retryReason(error: PusherError): string {
  if (isPusherHttpError(error)) return `HTTP ${error.status}`;
  return (isPusherNetworkError(error) && error.systemCode) || error.code;
}
