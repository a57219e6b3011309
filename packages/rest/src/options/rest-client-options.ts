import type { AppCredentials, ConnectionOptions, EncryptionOptions } from "@x/types";
import type { RequestHooks } from "../observe/request-hooks.js";

/**
 * When and how often a failed request is sent again. Only failures that retrying can cure are
 * retried: network errors, timeouts, and HTTP 408, 429, 500, 502, 503 and 504. A `Retry-After`
 * header on a 429 or 503 sets the wait (up to `maxRetryAfter`); otherwise the wait doubles from
 * 300 ms (up to `backoffLimit`).
 *
 * @example
 * ```ts
 * const retry: RetryOptions = { limit: 4, backoffLimit: 2_000 };
 * ```
 */
export interface RetryOptions {
  /** How many times a failed request is sent again. @default 2 */
  limit?: number;
  /**
   * The methods that are retried. Triggers are POSTs and are not idempotent: a retried trigger
   * whose first attempt did reach the server is delivered twice. Add `"POST"` only if duplicates
   * are acceptable. @default ["GET"]
   */
  methods?: readonly ("GET" | "POST")[];
  /** The longest wait between two attempts, in milliseconds. @default 5_000 */
  backoffLimit?: number;
  /** The longest `Retry-After` honoured, in milliseconds; longer ones are cut to it. @default 30_000 */
  maxRetryAfter?: number;
}

/**
 * The options of {@link createRestClient}. Only `appId`, `key` and `secret` are required.
 *
 * @example
 * ```ts
 * const options: RestClientOptions = {
 *   appId: "123",
 *   key: "278d425bdf160c739803",
 *   secret: process.env.PUSHER_SECRET!,
 *   cluster: "eu",
 * };
 * ```
 */
export interface RestClientOptions extends AppCredentials, ConnectionOptions, EncryptionOptions {
  /**
   * How long one attempt may take, in milliseconds, before it fails with a timeout: the answer's
   * body included, so a server that drips it times out too. @default 10_000
   */
  timeout?: number;
  /**
   * The largest response body read, in bytes (at most 256 MiB). A larger answer is not read
   * further: its connection is closed and the call rejects with a `PusherResponseError` whose
   * code is `response_too_large`. The default holds the channel list of an app with more than
   * 600,000 channels. @default 33_554_432 (32 MiB)
   */
  maxResponseBytes?: number;
  /**
   * The `fetch` that sends the requests, e.g. a faster transport or a test double. It is called
   * with a `Request`. When given, it is used on every runtime. @default on Node.js, `node:http`
   * and `node:https` on keep-alive agents; elsewhere `globalThis.fetch`
   */
  fetch?: typeof fetch;
  /** Retries of failed requests; `false` turns them off. @default { limit: 2, methods: ["GET"] } */
  retry?: RetryOptions | false;
  /**
   * Node.js only: the `http.Agent` (for `useTLS: false`) or `https.Agent` that carries every
   * request, e.g. one with a private CA (`new https.Agent({ ca })`), client certificates, other
   * keep-alive settings, or a proxy agent. Without it, the client uses keep-alive agents of its
   * own, which honour Node's proxy settings (`NODE_USE_ENV_PROXY=1` with `HTTPS_PROXY`,
   * `HTTP_PROXY`, `NO_PROXY`). Not allowed with `fetch` (configure that `fetch` instead), nor on
   * runtimes that send through their `fetch` (Bun, Deno, workerd). @default the client's own agents
   */
  agent?: object;
  /** What the client tells the application about its requests: see {@link RequestHooks}. */
  hooks?: RequestHooks;
  /**
   * The largest event `data` in UTF-8 bytes, measured after JSON encoding and encryption.
   * Dedicated clusters and self-hosted servers allow more (soketi: 100 KB); `false` turns the
   * check off. @default 10_240
   */
  maxPayloadBytes?: number | false;
  /** The most events one `batch_events` request carries; larger batches are split. @default 10 */
  maxBatchSize?: number;
  /** The most channels one trigger request names; longer lists are split. @default 100 */
  maxChannelsPerTrigger?: number;
}
