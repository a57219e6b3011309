import type { EventSchemas } from "@x/types";
import { errorResponse, isReencodedBody, jsonResponse, positiveIntegerOption, readFields, readPostBody } from "@x/types/internal";
import { refuseUnknownOptions, requireOption, resolveEventContract } from "@x/types/internal";
import { resolveDeliveryStore, type WebhookDeliveryStore } from "./delivery-store.js";
import { applyEventContract } from "./event-contract.js";
import type { ContractWebhookEvent, WebhookEvent } from "./webhook-events.js";
import type { VerifyWebhookOptions, WebhookCredentials, WebhookValidationError, WebhookVerdict } from "./webhook-types.js";
import { DEFAULT_MAX_AGE_MS, VERIFY_OPTION_KEYS, resolveVerifier, verifyDelivery } from "./verify-webhook.js";

/** What the callbacks of {@link createWebhookHandler} learn about a webhook besides its events. */
export interface WebhookContext {
  /** The webhook's `time_ms`, Unix milliseconds. */
  timeMs: number;
  /** The request, its body already read: for its headers. */
  request: Request;
}

/** The events the callbacks get: typed by the contract when the handler has `eventSchemas`. */
type HandledEvent<Schemas> = Schemas extends EventSchemas ? ContractWebhookEvent<Schemas> : WebhookEvent;

/**
 * The options of {@link createWebhookHandler}: the credentials, `onEvent` or `onEvents` (or both),
 * and the checks of {@link VerifyWebhookOptions}.
 * @example const options: WebhookHandlerOptions = { credentials, onEvents: (events, { timeMs }) => log(timeMs, events) };
 */
export interface WebhookHandlerOptions<Schemas extends EventSchemas | undefined = undefined> extends VerifyWebhookOptions {
  /** The key/secret pair(s) whose signatures are accepted. */
  credentials: WebhookCredentials;
  /** Called for each event of a valid webhook, in order, each awaited before the next. */
  onEvent?: (event: HandledEvent<Schemas>, context: WebhookContext) => void | Promise<void>;
  /** Called once with all the events of a valid webhook, before any `onEvent`. */
  onEvents?: (events: readonly HandledEvent<Schemas>[], context: WebhookContext) => void | Promise<void>;
  /**
   * How long the body may take to arrive, in milliseconds: a slower one is answered 408, so that a
   * client sending a byte at a time cannot hold the handler. @default 10000
   */
  bodyTimeoutMs?: number;
  /** Told what a callback threw (then the answer is 500), and each client event that breaks `eventSchemas`; awaited. */
  onError?: (error: unknown, request: Request) => void | Promise<void>;
  /** Remembers processed deliveries: one again is answered 200, not called back; `false` turns it off. @default a memory store */
  deliveryStore?: WebhookDeliveryStore | false;
  /** The Standard Schema of each client event's data, by event name: the callbacks get its output, typed. @default undefined */
  eventSchemas?: Schemas;
}

const UNAUTHENTICATED: readonly string[] = ["missing_signature", "invalid_signature", "unknown_key", "outside_time_window"];

// 401 wins over 400: an unauthenticated sender learns nothing of the body's problems (an oversized one got a 413).
function refusal(problems: readonly WebhookValidationError[]): Response {
  const unauthenticated = problems.filter((problem) => UNAUTHENTICATED.includes(problem.code));
  const status = unauthenticated.length > 0 ? 401 : 400;
  const shown = status === 401 ? unauthenticated : problems;
  return errorResponse(status, shown.map((problem) => problem.message).join("; "));
}

// The detail stays in onError (it may hold the application's secrets): Pusher needs only a non-2xx to retry.
const failed = () => errorResponse(500, "the webhook could not be processed");
const duplicate = () => jsonResponse(200, { ok: true, duplicate: true });

/**
 * A Web-standard webhook endpoint (Bun, Deno, workerd; Node.js through `toNodeHandler`): it reads a JSON
 * `POST` within `maxBodyBytes` and `bodyTimeoutMs`, verifies it as {@link verifyWebhook} does, awaits
 * `onEvents` then `onEvent`, and answers 200; else 401 (signature, key, time), 400 (body, event, decryption,
 * or a body a parser re-encoded: keep the raw body), 405, 408, 413, 415, or 500 when a callback throws, so
 * that Pusher retries. A delivery already processed is answered 200 without calling back (`deliveryStore`).
 * Never rejects; bad options throw a `PusherConfigError`.
 * @example
 * ```ts
 * const handler = createWebhookHandler({
 *   credentials: { key: env.PUSHER_KEY, secret: env.PUSHER_SECRET },
 *   onEvent: async (event) => { if (event.name === "channel_vacated") await rooms.close(event.channel); },
 * });
 * export default { fetch: handler }; // Bun, Deno, Cloudflare Workers
 * ```
 */
export function createWebhookHandler<Schemas extends EventSchemas | undefined = undefined>(
  options: WebhookHandlerOptions<Schemas>,
): (request: Request) => Promise<Response> {
  // Read once: what is checked here is what the handler keeps, whatever getters the object has.
  const keys = ["credentials", "onEvent", "onEvents", "onError", "bodyTimeoutMs", "deliveryStore", "eventSchemas"] as const;
  const fields = readFields(options, [...keys, ...VERIFY_OPTION_KEYS]);
  requireOption(fields !== undefined, "options", "an object with credentials and onEvent or onEvents");
  refuseUnknownOptions(options, [...keys, ...VERIFY_OPTION_KEYS]);
  const verifier = resolveVerifier(fields.credentials, fields);
  const { onEvent, onEvents, onError } = fields as Partial<WebhookHandlerOptions<EventSchemas>>;
  for (const [option, callback] of Object.entries({ onEvent, onEvents, onError })) {
    requireOption(callback === undefined || typeof callback === "function", option, "a function when given");
  }
  requireOption(onEvent !== undefined || onEvents !== undefined, "onEvent", "given, or onEvents");
  const bodyTimeoutMs = positiveIntegerOption(fields.bodyTimeoutMs ?? 10_000, "bodyTimeoutMs");
  const store = resolveDeliveryStore(fields.deliveryStore);
  const contract = resolveEventContract(fields.eventSchemas);
  // A delivery is fresh until its time_ms plus the window: at most twice the window after it arrives.
  const ttlMs = 2 * (verifier.maxAgeMs || DEFAULT_MAX_AGE_MS);
  const inFlight = new Map<string, Promise<Response>>();

  const report = async (error: unknown, request: Request) => {
    try {
      await onError?.(error, request);
    } catch {
      // A failing logger must neither change the answer nor escape as an unhandled rejection.
    }
  };

  // Never rejects: what fails is told to onError and answered 500, so that Pusher retries, and is not marked seen.
  const deliver = async (verdict: Extract<WebhookVerdict, { isValid: true }>, request: Request, id: string) => {
    try {
      if (await store?.has(id)) return duplicate();
      const events = await applyEventContract(verdict.events, contract, verifier.decryptor, (error) => report(error, request));
      const context: WebhookContext = { timeMs: verdict.timeMs, request };
      await onEvents?.(events, context);
      for (const event of events) await onEvent?.(event, context);
      await store?.add(id, ttlMs);
      return jsonResponse(200, { ok: true });
    } catch (error) {
      await report(error, request);
      return failed();
    }
  };

  return async (request) => {
    try {
      // Pusher signs the bytes it sent (docs/protocol.md §7), never a parser's re-encoding of them.
      if (isReencodedBody(request)) return errorResponse(400, "Bad Request: keep the raw body (req.rawBody)");
      const body = await readPostBody(request, ["application/json"], verifier.maxBodyBytes, bodyTimeoutMs);
      if (body instanceof Response) return body;
      const signature = request.headers.get("x-pusher-signature");
      const verdict = verifyDelivery(verifier, { body, signature, key: request.headers.get("x-pusher-key") });
      if (!verdict.isValid) return refusal(verdict.validationErrors);
      // Pusher sends no delivery id, and a retry repeats the body: its verified signature, an HMAC of the body, names it.
      const id = signature as string;
      const running = inFlight.get(id);
      if (running !== undefined) return (await running).ok ? duplicate() : failed();
      const run = deliver(verdict, request, id);
      if (store !== undefined) inFlight.set(id, run);
      const response = await run;
      inFlight.delete(id);
      return response;
    } catch (error) {
      await report(error, request);
      return failed();
    }
  };
}
