import { errorResponse, isReencodedBody, jsonResponse, positiveIntegerOption, readFields, readPostBody } from "@x/types/internal";
import { requireOption } from "@x/types/internal";
import type { WebhookEvent } from "./webhook-events.js";
import type { VerifyWebhookOptions, WebhookCredentials, WebhookValidationError } from "./webhook-types.js";
import { VERIFY_OPTION_KEYS, resolveVerifier, verifyDelivery } from "./verify-webhook.js";

/** What the callbacks of {@link createWebhookHandler} learn about a webhook besides its events. */
export interface WebhookContext {
  /** The webhook's `time_ms`, Unix milliseconds. */
  timeMs: number;
  /** The request, its body already read: for its headers. */
  request: Request;
}

/**
 * The options of {@link createWebhookHandler}: the credentials, `onEvent` or `onEvents` (or both),
 * and the checks of {@link VerifyWebhookOptions}.
 * @example const options: WebhookHandlerOptions = { credentials, onEvents: (events, { timeMs }) => log(timeMs, events) };
 */
export interface WebhookHandlerOptions extends VerifyWebhookOptions {
  /** The key/secret pair(s) whose signatures are accepted. */
  credentials: WebhookCredentials;
  /** Called for each event of a valid webhook, in order, each awaited before the next. */
  onEvent?: (event: WebhookEvent, context: WebhookContext) => void | Promise<void>;
  /** Called once with all the events of a valid webhook, before any `onEvent`. */
  onEvents?: (events: readonly WebhookEvent[], context: WebhookContext) => void | Promise<void>;
  /**
   * How long the body may take to arrive, in milliseconds: a slower one is answered 408, so that a
   * client sending a byte at a time cannot hold the handler. @default 10000
   */
  bodyTimeoutMs?: number;
  /** Told what a callback threw, for logging, before the handler answers 500; awaited; what it throws is ignored. */
  onError?: (error: unknown, request: Request) => void | Promise<void>;
}

const UNAUTHENTICATED: readonly string[] = ["missing_signature", "invalid_signature", "unknown_key", "outside_time_window"];

// 401 wins over 400: an unauthenticated sender learns nothing of the body's problems. (An
// oversized body never gets here: readPostBody answered it 413.)
function refusal(problems: readonly WebhookValidationError[]): Response {
  const unauthenticated = problems.filter((problem) => UNAUTHENTICATED.includes(problem.code));
  const status = unauthenticated.length > 0 ? 401 : 400;
  const shown = status === 401 ? unauthenticated : problems;
  return errorResponse(status, shown.map((problem) => problem.message).join("; "));
}

/**
 * A Web-standard webhook endpoint (Bun, Deno, workerd; Node.js through `toNodeHandler`): it reads a JSON
 * `POST` within `maxBodyBytes` and `bodyTimeoutMs`, verifies it as {@link verifyWebhook} does, awaits
 * `onEvents` then `onEvent`, and answers 200; else 401 (signature, key, time), 400 (body, event, decryption,
 * or a body a parser re-encoded: keep the raw body), 405, 408, 413, 415, or 500 when a callback throws, so
 * that Pusher retries (make callbacks idempotent). Never rejects; bad options throw a `PusherConfigError`.
 * @example
 * ```ts
 * const handler = createWebhookHandler({
 *   credentials: { key: env.PUSHER_KEY, secret: env.PUSHER_SECRET },
 *   onEvent: async (event) => { if (event.name === "channel_vacated") await rooms.close(event.channel); },
 * });
 * export default { fetch: handler }; // Bun, Deno, Cloudflare Workers
 * ```
 */
export function createWebhookHandler(options: WebhookHandlerOptions): (request: Request) => Promise<Response> {
  // Read once: what is checked here is what the handler keeps, whatever getters the object has.
  const fields = readFields(options, ["credentials", "onEvent", "onEvents", "onError", "bodyTimeoutMs", ...VERIFY_OPTION_KEYS]);
  requireOption(fields !== undefined, "options", "an object with credentials and onEvent or onEvents");
  const verifier = resolveVerifier(fields.credentials, fields);
  const { onEvent, onEvents, onError } = fields as Partial<WebhookHandlerOptions>;
  for (const [option, callback] of Object.entries({ onEvent, onEvents, onError })) {
    requireOption(callback === undefined || typeof callback === "function", option, "a function when given");
  }
  requireOption(onEvent !== undefined || onEvents !== undefined, "onEvent", "given, or onEvents");
  const bodyTimeoutMs = positiveIntegerOption(fields.bodyTimeoutMs ?? 10_000, "bodyTimeoutMs");

  return async (request) => {
    try {
      // Pusher signs the bytes it sent (docs/protocol.md §7), never a parser's re-encoding of them.
      if (isReencodedBody(request)) return errorResponse(400, "Bad Request: keep the raw body (req.rawBody)");
      const body = await readPostBody(request, ["application/json"], verifier.maxBodyBytes, bodyTimeoutMs);
      if (body instanceof Response) return body;
      const signature = request.headers.get("x-pusher-signature");
      const verdict = verifyDelivery(verifier, { body, signature, key: request.headers.get("x-pusher-key") });
      if (!verdict.isValid) return refusal(verdict.validationErrors);
      const context: WebhookContext = { timeMs: verdict.timeMs, request };
      await onEvents?.(verdict.events, context);
      for (const event of verdict.events) await onEvent?.(event, context);
      return jsonResponse(200, { ok: true });
    } catch (error) {
      // The detail stays here (it may hold the application's secrets): Pusher needs only a non-2xx to retry.
      try {
        await onError?.(error, request);
      } catch {
        // A failing logger must neither change the answer nor escape as an unhandled rejection.
      }
      return errorResponse(500, "the webhook could not be processed");
    }
  };
}
