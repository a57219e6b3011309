import type { AppCredentials, ConnectionOptions, EncryptionOptions, EventSchemas } from "@x/types";
import type { RequestHooks } from "../observe/request-hooks.js";

/**
 * When a failed request is sent again. Only network errors, timeouts and HTTP 408, 429, 500,
 * 502, 503 and 504 are retried; a `Retry-After` on a 429 or 503 sets the wait, otherwise it
 * doubles from 300 ms.
 *
 * @example
 * ```ts
 * const client = createRestClient({ ...credentials, retry: { limit: 4, backoffLimit: 2_000 } });
 * ```
 */
export interface RetryOptions {
  /** How many times a failed request is sent again. @default 2 */
  limit?: number;
  /** The methods retried; a trigger (a POST) retried after it arrived is delivered twice. @default ["GET"] */
  methods?: readonly ("GET" | "POST")[];
  /** The longest wait between two attempts, in milliseconds. @default 5_000 */
  backoffLimit?: number;
  /** The longest `Retry-After` honoured, in milliseconds. @default 30_000 */
  maxRetryAfter?: number;
}

/**
 * The options of {@link createRestClient}; only `appId`, `key` and `secret` are required.
 *
 * @example
 * ```ts
 * const options: RestClientOptions = { appId: "123", key: "278d425bdf160c739803", secret: "…", cluster: "eu" };
 * ```
 */
export interface RestClientOptions<Schemas extends EventSchemas | undefined = undefined>
  extends AppCredentials, ConnectionOptions, EncryptionOptions {
  /** How long one attempt may take, reading the answer's body included, in milliseconds. @default 10_000 */
  timeout?: number;
  /** The largest answer body read, at most 256 MiB; past it the call fails (`response_too_large`). @default 33_554_432 */
  maxResponseBytes?: number;
  /** The `fetch` that sends every request, on every runtime. @default node:http(s) on Node.js, else `globalThis.fetch` */
  fetch?: typeof fetch;
  /** Retries of failed requests; `false` turns them off. @default { limit: 2, methods: ["GET"] } */
  retry?: RetryOptions | false;
  /**
   * Node.js only: the `http.Agent` or `https.Agent` that carries every request (a private CA, client
   * certificates, a proxy agent). Not with `fetch`. @default keep-alive agents that honour `NODE_USE_ENV_PROXY`
   */
  agent?: object;
  /** What the client tells the application about its requests: see {@link RequestHooks}. */
  hooks?: RequestHooks;
  /** The largest event `data` in UTF-8 bytes, after JSON encoding and encryption; `false` turns the check off. @default 10_240 */
  maxPayloadBytes?: number | false;
  /** The most events one `batch_events` request carries; larger batches are split. @default 10 */
  maxBatchSize?: number;
  /** The most channels one trigger request names; longer lists are split. @default 100 */
  maxChannelsPerTrigger?: number;
  /**
   * The events this client sends, each with the Standard Schema (zod, valibot, …) of its data: they type `trigger`,
   * `triggerBatch`, `sendToUser` and a publisher, and check each event's data before encryption and the size limit
   * (`unknown_event`, `invalid_event_data`); the schema's output is sent.
   */
  eventSchemas?: Schemas;
  /**
   * A path before `/apps/<appId>`, for a server behind a reverse proxy (`https://example.com/pusher/apps/…`). It is not
   * signed: the proxy strips it and forwards the path the server verifies. @default ""
   */
  basePath?: string;
}
