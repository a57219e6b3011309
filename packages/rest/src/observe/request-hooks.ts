import { isPusherHttpError, isPusherNetworkError } from "@x/types";
import type { PusherError } from "@x/types";

/**
 * A call of the API as the hooks see it: where it goes, never its query (which holds the key and
 * the signature). Every hook of one call gets the same object, so it can key a `WeakMap`.
 *
 * @example
 * ```ts
 * const observed: ObservedRequest = { method: "POST", url: "https://api-eu.pusher.com/apps/1/events", path: "/apps/1/events" };
 * ```
 */
export interface ObservedRequest {
  readonly method: "GET" | "POST";
  /** Scheme, host, port and path, without the query. */
  readonly url: string;
  /** The path alone: `/apps/1/events`. */
  readonly path: string;
}

/**
 * A retry, as `onRetry` is told it.
 *
 * @example
 * ```ts
 * const retry: RetryReport = { attempt: 1, reason: "HTTP 503" };
 * ```
 */
export interface RetryReport {
  /** 1 for the first retry, 2 for the second… */
  attempt: number;
  /** Why the previous attempt failed: `"HTTP 503"`, `"timeout"`, a system code such as `"ECONNRESET"`, or the error's code. */
  reason: string;
}

/**
 * A call's success, as `onResponse` is told it.
 *
 * @example
 * ```ts
 * const response: ResponseReport = { status: 200, durationMs: 12.5, retries: 0 };
 * ```
 */
export interface ResponseReport {
  status: number;
  /** From the call to its answer, retries and their waits included. */
  durationMs: number;
  retries: number;
}

/**
 * A call's failure, as `onError` is told it.
 *
 * @example
 * ```ts
 * const failure: FailureReport = { error, durationMs: 10_003, retries: 2 };
 * ```
 */
export interface FailureReport {
  /** The typed error the call rejects with. */
  error: PusherError;
  durationMs: number;
  retries: number;
}

/**
 * What a client tells the application about its requests, for logs, metrics and traces. Every
 * hook is optional and synchronous, and one that throws is ignored. Hooks see methods, URLs
 * without their query, statuses, durations and typed errors: never a secret, a key or a signature.
 *
 * @example
 * ```ts
 * const client = createRestClient({
 *   ...credentials,
 *   hooks: { onError: (request, { error }) => logger.warn({ path: request.path, code: error.code }, error.message) },
 * });
 * ```
 */
export interface RequestHooks {
  /** A call starts (once per call, whatever its retries). */
  onRequest?: (request: ObservedRequest) => void;
  /** An attempt failed and is about to be made again. */
  onRetry?: (request: ObservedRequest, retry: RetryReport) => void;
  /** The call succeeded. */
  onResponse?: (request: ObservedRequest, response: ResponseReport) => void;
  /** The call failed. */
  onError?: (request: ObservedRequest, failure: FailureReport) => void;
}

/** One call seen through a client's hooks. */
export type CallObserver = ReturnType<typeof observeCall>;

/** Tells `onRequest` that a call starts, and returns what reports the rest of it. */
export function observeCall(hooks: RequestHooks, request: ObservedRequest) {
  const started = performance.now();
  let retries = 0;
  notify(hooks.onRequest, request);
  const timing = (): { durationMs: number; retries: number } => ({ durationMs: performance.now() - started, retries });
  return {
    retried: (error: PusherError) => notify(hooks.onRetry, request, { attempt: ++retries, reason: retryReason(error) }),
    succeeded: (status: number) => notify(hooks.onResponse, request, { status, ...timing() }),
    failed: (error: PusherError) => notify(hooks.onError, request, { error, ...timing() }),
  };
}

// An application's observer must not break the call it observes.
function notify<TArguments extends unknown[]>(hook: ((...args: TArguments) => void) | undefined, ...args: TArguments): void {
  try {
    hook?.(...args);
  } catch {
    // ignored
  }
}

// A few words a dashboard can group by.
function retryReason(error: PusherError): string {
  if (isPusherHttpError(error)) return `HTTP ${error.status}`;
  return (isPusherNetworkError(error) && error.systemCode) || error.code;
}
