import type { AuthHandlerOptions } from "./auth-handler-options.js";

/**
 * Tells the application's `onError`, if any, about an error, and waits for it: a logger that
 * flushes asynchronously is done before the answer goes out. Whatever `onError` does (throws,
 * rejects, returns a hostile thenable) is swallowed here: a failing logger must neither change
 * the answer nor become an unhandled rejection that stops the process.
 */
export async function reportError(onError: AuthHandlerOptions["onError"], error: unknown, request: Request): Promise<void> {
  try {
    await onError?.(error, request);
  } catch {
    // Nothing more can be done with a logger that fails.
  }
}
