import {
  DEFAULT_MAX_BATCH_SIZE,
  PusherConfigError,
  isPusherConfigError,
  isPusherPartialDeliveryError,
  isPusherValidationError,
  type BatchEvent,
  type ChannelAttributes,
} from "@x/types";
import type { RestClient } from "../rest-client.js";
import { wholeNumberOption } from "../options/whole-number-option.js";

/**
 * Options of {@link createPublisher}.
 *
 * @example
 * ```ts
 * const options: PublisherOptions = { maxBatchSize: 10, maxDelayMs: 5, maxConcurrency: 2, maxQueued: 500 };
 * ```
 */
export interface PublisherOptions {
  /** The most events one `batch_events` request carries; keep it ≤ the client's. @default 10 */
  maxBatchSize?: number;
  /** How long an event may wait for others to fill its batch, in milliseconds. @default 10 */
  maxDelayMs?: number;
  /** The most batch requests in flight at once. Use 1 to keep events in order. @default 4 */
  maxConcurrency?: number;
  /** The most events waiting to be sent; beyond it, `publish` waits for room. @default 1_000 */
  maxQueued?: number;
}

/**
 * Coalesces events published close together into `batch_events` requests; made by
 * {@link createPublisher}.
 *
 * @example
 * ```ts
 * const publisher = createPublisher(client);
 * await Promise.all(orders.map((order) => publisher.publish({ channel: `order-${order.id}`, name: "updated", data: order })));
 * await publisher.close();
 * ```
 */
export interface Publisher {
  /**
   * Queues one event. Resolves with the attributes the server returned for it (`{}` unless it
   * asked for `info` and the server reports it), or rejects with the error of its request.
   * When `maxQueued` events are already waiting, the event waits for room first.
   */
  publish(event: BatchEvent): Promise<ChannelAttributes>;
  /** Sends what is queued without waiting for full batches; resolves once everything has settled. */
  flush(): Promise<void>;
  /** Flushes, and refuses every later `publish` with a `PusherConfigError`. */
  close(): Promise<void>;
  /** Events accepted and not yet sent: never more than `maxQueued`. */
  readonly queued: number;
  /** `publish` calls waiting for room in the queue (backpressure). */
  readonly waiting: number;
  /** Batch requests sent and not yet answered: never more than `maxConcurrency`. */
  readonly inFlightRequests: number;
}

interface PendingEvent {
  event: BatchEvent;
  resolve: (attributes: ChannelAttributes) => void;
  reject: (error: unknown) => void;
}

/**
 * Creates a {@link Publisher} on `client.triggerBatch`. Memory stays bounded: at most
 * `maxQueued` events are queued and `maxConcurrency × maxBatchSize` are in flight; a `publish`
 * beyond that waits (backpressure) instead of growing the queue. Batches run concurrently, so
 * events of different batches may arrive out of order unless `maxConcurrency` is 1.
 *
 * An event that fails validation does not sink its batch: nothing of a batch is sent when one of
 * its events is invalid, so the publisher then sends each of its events on its own and each
 * gets its own verdict. If a batch was split by the client and failed part-way, its delivered
 * events resolve with `{}` and the others reject with the failure.
 *
 * @example
 * ```ts
 * import { createPublisher, createRestClient } from "@x/rest";
 *
 * const publisher = createPublisher(createRestClient(options), { maxDelayMs: 5 });
 * const attributes = await publisher.publish({ channel: "chat", name: "message", data: { text: "hi" } });
 * await publisher.close();
 * ```
 */
export function createPublisher(
  client: Pick<RestClient, "triggerBatch">,
  options: PublisherOptions = {},
): Publisher {
  if (typeof client?.triggerBatch !== "function") {
    throw new PusherConfigError("client", "client must be a client made by createRestClient");
  }
  const maxBatchSize = wholeNumberOption(options.maxBatchSize, "maxBatchSize", DEFAULT_MAX_BATCH_SIZE, 1);
  const maxDelayMs = wholeNumberOption(options.maxDelayMs, "maxDelayMs", 10, 0);
  const maxConcurrency = wholeNumberOption(options.maxConcurrency, "maxConcurrency", 4, 1);
  const maxQueued = wholeNumberOption(options.maxQueued, "maxQueued", 1_000, maxBatchSize);

  // Events in arrival order: the first `maxQueued` are queued, the others wait for room in the
  // queue (backpressure). One array holds both, as batches are always taken from its front.
  const pending: PendingEvent[] = [];
  const idleWaiters: (() => void)[] = [];
  let inFlight = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The oldest queued event has waited maxDelayMs: partial batches may go.
  let due = false;
  let closed = false;

  function dispatch(): void {
    while (
      inFlight < maxConcurrency &&
      pending.length > 0 &&
      (pending.length >= maxBatchSize || due || closed || idleWaiters.length > 0)
    ) {
      inFlight++;
      void send(pending.splice(0, maxBatchSize));
    }
    if (pending.length === 0) {
      due = false;
      clearTimeout(timer);
      timer = undefined;
      if (inFlight === 0) for (const resolve of idleWaiters.splice(0)) resolve();
    } else if (timer === undefined && !due) {
      timer = setTimeout(() => {
        timer = undefined;
        due = true;
        dispatch();
      }, maxDelayMs);
    }
  }

  // A client made by createRestClient answers one entry per event; a stand-in may answer fewer.
  async function deliver(batch: PendingEvent[]): Promise<void> {
    const { batch: results } = await client.triggerBatch(batch.map((one) => one.event));
    batch.forEach((one, index) => one.resolve(results[index] ?? {}));
  }

  async function send(batch: PendingEvent[]): Promise<void> {
    try {
      await deliver(batch);
    } catch (error) {
      if (batch.length > 1 && (isPusherValidationError(error) || isPusherConfigError(error))) {
        // Validation refused the whole batch before sending it: give each event its own verdict.
        for (const one of batch) await deliver([one]).catch(one.reject);
      } else if (isPusherPartialDeliveryError(error)) {
        const delivered = new Set(error.delivered);
        batch.forEach((one, index) => (delivered.has(index) ? one.resolve({}) : one.reject(error.cause)));
      } else {
        for (const one of batch) one.reject(error);
      }
    } finally {
      inFlight--;
      dispatch();
    }
  }

  function flush(): Promise<void> {
    return new Promise((resolve) => {
      idleWaiters.push(resolve);
      dispatch();
    });
  }

  return {
    publish(event) {
      if (closed) {
        return Promise.reject(new PusherConfigError("publisher", "publish() was called after close()"));
      }
      return new Promise((resolve, reject) => {
        pending.push({ event, resolve, reject });
        dispatch();
      });
    },
    flush,
    close() {
      closed = true;
      return flush();
    },
    get queued() {
      return Math.min(pending.length, maxQueued);
    },
    get waiting() {
      return Math.max(pending.length - maxQueued, 0);
    },
    get inFlightRequests() {
      return inFlight;
    },
  };
}
