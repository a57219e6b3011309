import { isPusherHttpError, isPusherNetworkError, type PusherError } from "@x/types";
import { notify, type ObservedRequest, type RequestHooks } from "./request-hooks.js";

/**
 * One call seen through a client's {@link RequestHooks}: it tells `onRequest` when made, then
 * `onRetry`, `onResponse` or `onError` as the call goes, with durations and retry counts.
 *
 * @example
 * ```ts
 * const observer = new CallObserver(hooks, { method: "POST", url, path });
 * try {
 *   observer.succeeded((await send()).status);
 * } catch (error) {
 *   observer.failed(error);
 * }
 * ```
 */
export class CallObserver {
  readonly #hooks: RequestHooks;
  readonly #started = performance.now();
  #retries = 0;

  constructor(
    hooks: RequestHooks,
    readonly request: ObservedRequest,
  ) {
    this.#hooks = hooks;
    notify(hooks.onRequest, request);
  }

  /** An attempt failed with `error` and is made again. */
  retried(error: PusherError): void {
    this.#retries++;
    notify(this.#hooks.onRetry, this.request, { attempt: this.#retries, reason: retryReason(error) });
  }

  succeeded(status: number): void {
    notify(this.#hooks.onResponse, this.request, { status, durationMs: performance.now() - this.#started, retries: this.#retries });
  }

  failed(error: PusherError): void {
    notify(this.#hooks.onError, this.request, { error, durationMs: performance.now() - this.#started, retries: this.#retries });
  }
}

// A few words a dashboard can group by: the status, or the system's code, or the error's code.
function retryReason(error: PusherError): string {
  if (isPusherHttpError(error)) return `HTTP ${error.status}`;
  return (isPusherNetworkError(error) && error.systemCode) || error.code;
}
