import { errorResponse, isReencodedBody, jsonResponse, positiveIntegerOption, readFields, readPostBody, requireOption } from "@x/types/internal";
import type { WebhookEvent } from "./webhook-events.js";
import { resolveVerifyOptions, type VerifyWebhookOptions } from "./verify-webhook-options.js";
import { verifyResolvedWebhook } from "./verify-webhook.js";
import { resolveWebhookCredentials, type WebhookCredentials } from "./webhook-credentials.js";
import type { WebhookValidationError, WebhookValidationErrorCode } from "./webhook-validation-error.js";

/**
 * What the callbacks learn about the webhook besides its events.
 *
 * @example
 * ```ts
 * const onEvents = (events: readonly WebhookEvent[], { timeMs }: WebhookContext) =>
 *   console.log(events.length, "events from", new Date(timeMs));
 * ```
 */
export interface WebhookContext {
  /** The webhook's `time_ms`, Unix milliseconds. */
  timeMs: number;
  /** The request (its body already read), e.g. for its headers. */
  request: Request;
}

/**
 * The options of {@link createWebhookHandler}: the credentials, at least one of `onEvent` and
 * `onEvents`, and the checks of {@link VerifyWebhookOptions}.
 *
 * @example
 * ```ts
 * const options: WebhookHandlerOptions = {
 *   credentials: { key: "app-key", secret: "app-secret" },
 *   maxAgeMs: 10 * 60_000,
 *   onEvent: async (event) => { await store.record(event); },
 * };
 * ```
 */
export interface WebhookHandlerOptions extends VerifyWebhookOptions {
  /** The key/secret pair(s) whose signatures are accepted. */
  credentials: WebhookCredentials;
  /** Called for each event of a valid webhook, in order, each awaited before the next. */
  onEvent?: (event: WebhookEvent, context: WebhookContext) => void | Promise<void>;
  /** Called once with all the events of a valid webhook, before any `onEvent`. */
  onEvents?: (events: readonly WebhookEvent[], context: WebhookContext) => void | Promise<void>;
  /**
   * How long the request's body may take to arrive, in milliseconds, from when the handler starts
   * reading it; a slower one is answered 408 (with `Connection: close`), so that a client sending
   * a byte at a time cannot hold the handler.
   * @default 10000
   */
  bodyTimeoutMs?: number;
  /**
   * Told what a callback threw or rejected with, before the handler answers 500; for logging. It
   * may be asynchronous: the handler awaits it. Whatever it throws or rejects with is ignored.
   */
  onError?: (error: unknown, request: Request) => void | Promise<void>;
}

// The precedence is the numeric order: 413 is decided before anything else is checked, and an
// unauthenticated sender learns nothing of the body's problems (401 wins over 400).
const STATUS_BY_CODE: Record<WebhookValidationErrorCode, 400 | 401 | 413> = {
  body_too_large: 413,
  missing_signature: 401,
  invalid_signature: 401,
  unknown_key: 401,
  outside_time_window: 401,
  invalid_body: 400,
  invalid_event: 400,
  decryption_failed: 400,
};

function refusal(problems: readonly WebhookValidationError[]): Response {
  const status = Math.max(...problems.map((found) => STATUS_BY_CODE[found.code]));
  const shown = problems.filter((found) => STATUS_BY_CODE[found.code] === status);
  return errorResponse(status, shown.map((found) => found.message).join("; "));
}

/**
 * Creates a Web-standard webhook endpoint `(request: Request) => Promise<Response>` (docs/protocol.md
 * §7) for any runtime with `fetch` types: Bun, Deno, workerd, or Node.js frameworks through
 * `toNodeHandler`. It accepts only `POST` with a JSON content type, reads the raw body up
 * to `maxBodyBytes`, verifies it like {@link verifyWebhook}, then awaits `onEvents` and
 * `onEvent`, and answers:
 *
 * - 200 once the callbacks have resolved;
 * - 401 for a missing or wrong signature, an unknown key or a webhook outside `maxAgeMs`;
 * - 400 for a malformed body or event, or encrypted data that does not decrypt, and for a body
 *   that `toNodeHandler` re-encoded from what a body parser left (`isReencodedBody`): keep the
 *   raw body, or mount the route before the parser;
 * - 405 (with `Allow: POST`) for another method; 408 for a body that takes longer than
 *   `bodyTimeoutMs` (10 s by default) to arrive; 413 for a body over `maxBodyBytes`;
 *   415 for a content type other than `application/json` (parameters allowed);
 * - 500, with no detail, when a callback throws or rejects, so that Pusher retries the
 *   delivery (`onError` is told, and awaited).
 *
 * Bad input never causes a 500, and nothing a callback does (`onError` included, synchronous or
 * not, throwing or rejecting) makes the returned promise reject or changes the status. The
 * handler awaits the callbacks: one that never settles leaves the request unanswered, to the
 * platform's own timeout (and Pusher's, which then retries).
 *
 * Pusher retries any non-2xx answer for up to 5 minutes, so the same webhook can arrive more
 * than once: callbacks must be idempotent. The options are checked here, once: bad ones throw
 * a `PusherConfigError` naming the option (`options` when they are not an object).
 *
 * @example
 * ```ts
 * const handler = createWebhookHandler({
 *   credentials: { key: env.PUSHER_KEY, secret: env.PUSHER_SECRET },
 *   onEvent: async (event) => {
 *     if (event.name === "channel_vacated") await rooms.close(event.channel);
 *   },
 * });
 * export default { fetch: handler }; // Bun, Deno, Cloudflare Workers
 * ```
 */
export function createWebhookHandler(options: WebhookHandlerOptions): (request: Request) => Promise<Response> {
  // Read once: what is checked here is what the handler keeps, whatever getters the object has.
  // (resolveVerifyOptions reads the options of verifyWebhook the same way.)
  const fields = readFields(options, ["credentials", "onEvent", "onEvents", "onError", "bodyTimeoutMs"]);
  requireOption(fields !== undefined, "options", "an object with credentials and onEvent or onEvents");
  const { credentials, onEvent, onEvents, onError } = fields as Partial<WebhookHandlerOptions>;
  const resolvedCredentials = resolveWebhookCredentials(credentials as WebhookCredentials);
  const resolvedOptions = resolveVerifyOptions(options);
  for (const [option, callback] of [["onEvent", onEvent], ["onEvents", onEvents], ["onError", onError]] as const) {
    requireOption(callback === undefined || typeof callback === "function", option, "a function when given");
  }
  requireOption(onEvent !== undefined || onEvents !== undefined, "onEvent", "given, or onEvents");
  const bodyTimeoutMs = positiveIntegerOption(fields.bodyTimeoutMs ?? 10_000, "bodyTimeoutMs");

  return async (request) => {
    try {
      // Pusher signs the bytes it sends (docs/protocol.md §7): a re-encoding of what a body
      // parser made of them may differ from them, and is never verified in their place.
      if (isReencodedBody(request)) return errorResponse(400, "Bad Request: keep the raw body (req.rawBody)");
      // Pusher sends JSON only (docs/protocol.md §7).
      const body = await readPostBody(request, ["application/json"], resolvedOptions.maxBodyBytes, bodyTimeoutMs);
      if (body instanceof Response) return body;
      const verdict = verifyResolvedWebhook(resolvedCredentials, resolvedOptions, {
        body,
        signature: request.headers.get("x-pusher-signature"),
        key: request.headers.get("x-pusher-key"),
      });
      if (!verdict.isValid) return refusal(verdict.validationErrors);

      const context: WebhookContext = { timeMs: verdict.timeMs, request };
      await onEvents?.(verdict.events, context);
      for (const event of verdict.events) await onEvent?.(event, context);
      return jsonResponse(200, { ok: true });
    } catch (error) {
      // A callback threw or rejected (or, never from bad input, the handler itself failed). The
      // detail stays here (it may hold application secrets): Pusher only needs a non-2xx answer
      // to retry (docs/protocol.md §7).
      try {
        await onError?.(error, request);
      } catch {
        // A failing logger must neither change the answer nor escape as an unhandled rejection.
      }
      return errorResponse(500, "the webhook could not be processed");
    }
  };
}
