import type { PusherError } from "@x/types";

/**
 * A call of the API as the hooks see it: where it goes, never its query (which holds the key,
 * the signature and the body's MD5). The same object is given to every hook of one call, so a
 * hook may use it as a key (a `WeakMap`, a span).
 *
 * @example
 * ```ts
 * const observed: ObservedRequest = { method: "POST", url: "https://api-eu.pusher.com/apps/1/events", path: "/apps/1/events" };
 * ```
 */
export interface ObservedRequest {
  readonly method: "GET" | "POST";
  /** Scheme, host, port and path: `https://api-eu.pusher.com/apps/1/events`. */
  readonly url: string;
  /** The path alone: `/apps/1/events`. */
  readonly path: string;
}

/**
 * A retry of a call, as `onRetry` is told it.
 *
 * @example
 * ```ts
 * const retry: RetryReport = { attempt: 1, reason: "HTTP 503" };
 * ```
 */
export interface RetryReport {
  /** 1 for the first retry, 2 for the second... */
  attempt: number;
  /** Why the previous attempt failed: `"HTTP 503"`, `"timeout"`, a system code such as `"ECONNRESET"`, or else the error's code. */
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
  /** The typed error the call rejects with (redacted, like every error of the SDK). */
  error: PusherError;
  durationMs: number;
  retries: number;
}

/**
 * What a client tells the application about its requests, for logs, metrics and traces. Every
 * hook is optional and synchronous; one that throws is ignored (it can neither fail nor change
 * a request). They see methods, URLs without their query, statuses, durations and typed errors:
 * never a secret, a key or a signature. A client without hooks does not pay for them.
 *
 * @example
 * ```ts
 * const hooks: RequestHooks = {
 *   onResponse: (request, { status, durationMs }) => metrics.histogram("pusher.request", durationMs, { path: request.path, status }),
 *   onError: (request, { error }) => logger.warn({ path: request.path, code: error.code }, error.message),
 * };
 * const client = createRestClient({ ...credentials, hooks });
 * ```
 */
export interface RequestHooks {
  /** A call starts (once per call; its retries are reported by `onRetry`). */
  onRequest?: (request: ObservedRequest) => void;
  /** An attempt failed and is about to be made again. */
  onRetry?: (request: ObservedRequest, retry: RetryReport) => void;
  /** The call succeeded. */
  onResponse?: (request: ObservedRequest, response: ResponseReport) => void;
  /** The call failed. */
  onError?: (request: ObservedRequest, failure: FailureReport) => void;
}

/**
 * Calls one hook, ignoring what it throws: an application's observer must not break the call it
 * observes.
 *
 * @example
 * ```ts
 * notify(hooks.onRequest, observed);
 * ```
 */
export function notify<TArguments extends unknown[]>(hook: ((...args: TArguments) => void) | undefined, ...args: TArguments): void {
  if (hook === undefined) return;
  try {
    hook(...args);
  } catch {
    // Ignored: see above.
  }
}
