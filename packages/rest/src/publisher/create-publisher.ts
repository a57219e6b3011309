import { PusherConfigError, PusherQueueFullError } from "@x/types";
import { isPusherConfigError, isPusherPartialDeliveryError, isPusherValidationError } from "@x/types";
import type { BatchEvent, BatchTriggerResult, ChannelAttributes } from "@x/types";
import { DEFAULT_MAX_BATCH_SIZE, readFields, refuseUnknownOptions, requireOption } from "@x/types/internal";
import { wholeNumberOption } from "../options/resolve-options.js";
import type { RequestOptions, RestClient } from "../rest-client.js";

/**
 * Options of {@link createPublisher}.
 *
 * @example
 * ```ts
 * const publisher = createPublisher(client, { maxDelayMs: 5, maxConcurrency: 1, maxWaitMs: 2_000 });
 * ```
 */
export interface PublisherOptions {
  /** The most events one `batch_events` request carries; keep it ≤ the client's. @default 10 */
  maxBatchSize?: number;
  /** How long an event may wait for others to fill its batch, in milliseconds. @default 10 */
  maxDelayMs?: number;
  /** The most batch requests in flight at once; 1 keeps events in order. @default 4 */
  maxConcurrency?: number;
  /** The most events queued to be sent; beyond it, `publish` waits for room. @default 1_000 */
  maxQueued?: number;
  /** The most `publish` calls waiting for room; beyond it they are refused at once. `0` never waits. @default 1_000 */
  maxWaiting?: number;
  /** How long a `publish` may wait for room, in milliseconds, before it is refused. @default 10_000 */
  maxWaitMs?: number;
}

/**
 * A publisher's counters since it was made, and its load now.
 *
 * @example
 * ```ts
 * const { delivered, failed, refused, averageBatchSize } = publisher.stats();
 * ```
 */
export interface PublisherStats {
  /** Events queued now. */
  queued: number;
  /** `publish` calls waiting for room now. */
  waiting: number;
  /** Batch requests in flight now. */
  inFlightRequests: number;
  /** Events the server accepted. */
  delivered: number;
  /** Events whose `publish` rejected with their request's error (or their own validation's). */
  failed: number;
  /** Events refused unsent (`PusherQueueFullError`, or `publish` after `close`). */
  refused: number;
  /** Batch requests sent (an event sent alone after its batch failed validation counts as one). */
  batches: number;
  /** Events per batch request, on average (0 before the first). */
  averageBatchSize: number;
  /** The most events one batch request carried. */
  largestBatch: number;
}

/**
 * Coalesces events published close together into `batch_events` requests; made by {@link createPublisher}.
 *
 * @example
 * ```ts
 * await Promise.all(orders.map((order) => publisher.publish({ channel: `order-${order.id}`, name: "updated", data: order })));
 * await publisher.close();
 * ```
 */
export interface Publisher<Event extends BatchEvent = BatchEvent> {
  /**
   * Queues one event; resolves with the attributes the server returned for it (`{}` unless it
   * asked for `info`), or rejects with its request's error. When `maxQueued` events are queued it
   * waits for room (at most `maxWaitMs`, behind at most `maxWaiting` others), or is refused with a
   * `PusherQueueFullError`, unsent.
   */
  publish(event: Event): Promise<ChannelAttributes>;
  /** Sends what is queued without waiting for full batches; resolves once everything has settled. */
  flush(): Promise<void>;
  /** Flushes, then refuses every later `publish` with a `PusherConfigError`. */
  close(): Promise<void>;
  /** Events accepted and not yet sent: never more than `maxQueued`. */
  readonly queued: number;
  /** `publish` calls waiting for room: never more than `maxWaiting`. */
  readonly waiting: number;
  /** Batch requests sent and not yet answered: never more than `maxConcurrency`. */
  readonly inFlightRequests: number;
  /** The counters since the publisher was made, and its load now. */
  stats(): PublisherStats;
}

interface PendingEvent {
  event: BatchEvent;
  resolve: (attributes: ChannelAttributes) => void;
  reject: (error: unknown) => void;
}

// `since`: when it began to wait for room, from `Date.now()`.
type WaitingEvent = PendingEvent & { since: number };

const OPTION_KEYS = ["maxBatchSize", "maxDelayMs", "maxConcurrency", "maxQueued", "maxWaiting", "maxWaitMs"] as const;

/**
 * Creates a {@link Publisher} on `client.triggerBatch`, whose memory is bounded whatever the
 * caller does: `maxQueued` events queued, `maxWaiting` waiting for room, `maxConcurrency` batches
 * in flight; any other `publish` is refused at once, as a Kafka producer's full buffer refuses.
 * An invalid event does not sink its batch: the batch's events are then sent one by one, each
 * with its own verdict. Events of batches in flight together may arrive out of order. Events are
 * typed (and checked) by the client's `eventSchemas`.
 *
 * @example
 * ```ts
 * import { createPublisher, createRestClient } from "@x/rest";
 *
 * const publisher = createPublisher(createRestClient(options), { maxDelayMs: 5 });
 * await publisher.publish({ channel: "chat", name: "message", data: { text: "hi" } });
 * await publisher.close();
 * ```
 */
export function createPublisher<Event extends BatchEvent = BatchEvent>(
  client: { triggerBatch(events: readonly Event[], options?: RequestOptions): Promise<BatchTriggerResult> },
  options: PublisherOptions = {},
): Publisher<Event> {
  const { triggerBatch } = readFields(client, ["triggerBatch"]) ?? {};
  requireOption(typeof triggerBatch === "function", "client", "a client made by createRestClient");
  const fields = readFields(options, OPTION_KEYS);
  requireOption(fields !== undefined, "options", "an object");
  refuseUnknownOptions(options, OPTION_KEYS);
  const maxBatchSize = wholeNumberOption(fields.maxBatchSize, "maxBatchSize", DEFAULT_MAX_BATCH_SIZE, 1);
  const maxDelayMs = wholeNumberOption(fields.maxDelayMs, "maxDelayMs", 10, 0);
  const maxConcurrency = wholeNumberOption(fields.maxConcurrency, "maxConcurrency", 4, 1);
  const maxQueued = wholeNumberOption(fields.maxQueued, "maxQueued", 1_000, maxBatchSize);
  const maxWaiting = wholeNumberOption(fields.maxWaiting, "maxWaiting", 1_000, 0);
  const maxWaitMs = wholeNumberOption(fields.maxWaitMs, "maxWaitMs", 10_000, 0);

  // Both oldest first: batches are taken from the front of the queue.
  const queue: PendingEvent[] = [];
  const waiting: WaitingEvent[] = [];
  const idleWaiters: (() => void)[] = [];
  let inFlight = 0;
  let batchTimer: ReturnType<typeof setTimeout> | undefined;
  let waitTimer: ReturnType<typeof setTimeout> | undefined;
  // The oldest queued event has waited maxDelayMs: partial batches may go.
  let due = false;
  let closed = false;
  const counts = { delivered: 0, failed: 0, refused: 0, batches: 0, batchedEvents: 0, largestBatch: 0 };

  function dispatch(): void {
    const mayGo = (): boolean => queue.length >= maxBatchSize || due || closed || idleWaiters.length > 0;
    while (inFlight < maxConcurrency && queue.length > 0 && mayGo()) {
      inFlight++;
      void send(queue.splice(0, maxBatchSize));
      admitWaiting();
    }
    if (queue.length === 0) {
      due = false;
      clearTimeout(batchTimer);
      batchTimer = undefined;
      if (inFlight === 0 && waiting.length === 0) for (const resolve of idleWaiters.splice(0)) resolve();
    } else if (batchTimer === undefined && !due) {
      batchTimer = setTimeout(() => {
        batchTimer = undefined;
        due = true;
        dispatch();
      }, maxDelayMs);
    }
  }

  function admitWaiting(): void {
    // One by one: a spread of a long list would overflow the stack.
    for (const one of waiting.splice(0, Math.max(maxQueued - queue.length, 0))) queue.push(one);
    if (waiting.length === 0) {
      clearTimeout(waitTimer);
      waitTimer = undefined;
    }
  }

  // One timer, for the oldest waiting event: the others arrived later and expire later.
  function armWaitTimer(): void {
    if (waitTimer !== undefined || waiting.length === 0) return;
    const oldest = waiting[0] as WaitingEvent;
    waitTimer = setTimeout(expireWaiting, Math.max(oldest.since + maxWaitMs - Date.now(), 0));
  }

  function expireWaiting(): void {
    waitTimer = undefined;
    const now = Date.now();
    let expired = 0;
    while (expired < waiting.length && (waiting[expired] as WaitingEvent).since + maxWaitMs <= now) expired++;
    for (const one of waiting.splice(0, expired)) {
      one.reject(queueFull(`waited ${now - one.since} ms for room (maxWaitMs ${maxWaitMs})`, now - one.since));
    }
    armWaitTimer();
    dispatch();
  }

  function queueFull(reason: string, waitedMs: number): PusherQueueFullError {
    counts.refused++;
    return new PusherQueueFullError(`event not sent: ${reason}`, waitedMs);
  }

  // A client made by createRestClient answers one entry per event; a stand-in may answer fewer.
  async function deliver(batch: PendingEvent[]): Promise<void> {
    counts.batches++;
    counts.batchedEvents += batch.length;
    counts.largestBatch = Math.max(counts.largestBatch, batch.length);
    const { batch: results } = await (triggerBatch as RestClient["triggerBatch"]).call(
      client,
      batch.map((one) => one.event),
    );
    counts.delivered += batch.length;
    batch.forEach((one, index) => one.resolve(results[index] ?? {}));
  }

  const fail = (one: PendingEvent, error: unknown): void => {
    counts.failed++;
    one.reject(error);
  };

  async function send(batch: PendingEvent[]): Promise<void> {
    try {
      await deliver(batch);
    } catch (error) {
      if (batch.length > 1 && (isPusherValidationError(error) || isPusherConfigError(error))) {
        // Validation refused the whole batch before sending it: give each event its own verdict.
        for (const one of batch) await deliver([one]).catch((failure: unknown) => fail(one, failure));
      } else if (isPusherPartialDeliveryError(error)) {
        const delivered = new Set(error.delivered);
        counts.delivered += delivered.size;
        batch.forEach((one, index) => (delivered.has(index) ? one.resolve({}) : fail(one, error.cause)));
      } else {
        for (const one of batch) fail(one, error);
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
        counts.refused++;
        return Promise.reject(new PusherConfigError("publisher", "publish() after close()"));
      }
      if (queue.length < maxQueued && waiting.length === 0) {
        return new Promise((resolve, reject) => {
          queue.push({ event, resolve, reject });
          dispatch();
        });
      }
      if (waiting.length >= maxWaiting) {
        return Promise.reject(queueFull(`queue (${maxQueued}) and waiting room (${maxWaiting}) full`, 0));
      }
      return new Promise((resolve, reject) => {
        waiting.push({ event, resolve, reject, since: Date.now() });
        armWaitTimer();
      });
    },
    flush,
    close() {
      closed = true;
      return flush();
    },
    get queued() {
      return queue.length;
    },
    get waiting() {
      return waiting.length;
    },
    get inFlightRequests() {
      return inFlight;
    },
    stats() {
      const { batchedEvents, ...rest } = counts;
      return {
        queued: queue.length,
        waiting: waiting.length,
        inFlightRequests: inFlight,
        ...rest,
        averageBatchSize: rest.batches === 0 ? 0 : batchedEvents / rest.batches,
      };
    },
  };
}
