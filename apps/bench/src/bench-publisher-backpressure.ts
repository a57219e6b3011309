import { createPublisher, createRestClient, isPusherQueueFullError } from "@x/rest";
import { APP, EVENT } from "./fixtures.js";
import { heapInUse } from "./heap-in-use.js";
import { SCALE } from "./run-scale.js";
import { startHungServer } from "./start-sink.js";

/** The publisher's default bounds, which the backpressure benchmark keeps. */
export const PUBLISHER_DEFAULTS = { maxQueued: 1_000, maxWaiting: 1_000, maxConcurrency: 4, maxBatchSize: 10 } as const;

/** What 100,000 publishes not awaited did to a publisher whose server never answers. */
export interface BackpressureResult {
  publishes: number;
  maxWaitMs: number;
  /** Heap in use after a full GC: before the publishes, right after them, after `maxWaitMs`, once all settled. */
  heapBefore: number;
  heapOutstanding: number;
  heapAfterWait: number;
  heapSettled: number;
  /** Right after the calls: refused at once (`PusherQueueFullError`, waited 0 ms), and the publisher's load. */
  refusedAtOnce: number;
  queued: number;
  waiting: number;
  inFlightEvents: number;
  /** After `maxWaitMs`: publishes refused for having waited that long, and how many still wait. */
  timedOut: number;
  waitingAfterWait: number;
  /** Once the server went away: events that failed with another error (their requests' network errors). */
  failedOther: number;
  delivered: number;
}

/**
 * Issue 12: `publish` called 100,000 times in a loop, never awaited (each with a `.catch` that
 * counts `PusherQueueFullError`s), against a server that accepts connections and never answers.
 * The publisher keeps its default bounds except `maxWaitMs` (shortened so that the run is short).
 * Reads the heap before, right after the calls, and after `maxWaitMs` (each after a full GC);
 * then stops the server, so that the requests in flight fail, closes the publisher and checks
 * that every one of the publishes settled exactly once.
 */
export async function benchPublisherBackpressure(): Promise<BackpressureResult> {
  const server = await startHungServer();
  try {
    const publishes = SCALE.backpressurePublishes;
    const maxWaitMs = SCALE.backpressureMaxWaitMs;
    const client = createRestClient({ ...APP, host: "127.0.0.1", port: server.port, useTLS: false });
    const publisher = createPublisher(client, { maxWaitMs });
    const event = { channel: EVENT.channel, name: EVENT.name, data: EVENT.data };
    const counts = { refusedAtOnce: 0, timedOut: 0, failedOther: 0 };
    const onFailure = (error: unknown): void => {
      if (!isPusherQueueFullError(error)) counts.failedOther++;
      else if (error.waitedMs === 0) counts.refusedAtOnce++;
      else counts.timedOut++;
    };

    const heapBefore = heapInUse();
    for (let call = 0; call < publishes; call++) publisher.publish(event).catch(onFailure);
    // The refusals are rejected promises: their `.catch` runs once this loop yields.
    await new Promise((resolve) => setImmediate(resolve));
    const outstanding = {
      refusedAtOnce: counts.refusedAtOnce,
      queued: publisher.queued,
      waiting: publisher.waiting,
      inFlightEvents: publisher.inFlightRequests * PUBLISHER_DEFAULTS.maxBatchSize,
    };
    const heapOutstanding = heapInUse();

    await new Promise((resolve) => setTimeout(resolve, maxWaitMs + 250));
    const afterWait = { timedOut: counts.timedOut, waitingAfterWait: publisher.waiting };
    const heapAfterWait = heapInUse();

    await server.stop();
    await publisher.close();
    await new Promise((resolve) => setImmediate(resolve));
    const { delivered } = publisher.stats();
    const settled = counts.refusedAtOnce + counts.timedOut + counts.failedOther + delivered;
    if (settled !== publishes) throw new Error(`${settled} of ${publishes} publishes settled`);
    const heapSettled = heapInUse();
    return {
      publishes,
      maxWaitMs,
      heapBefore,
      heapOutstanding,
      heapAfterWait,
      heapSettled,
      ...outstanding,
      ...afterWait,
      failedOther: counts.failedOther,
      delivered,
    };
  } finally {
    await server.stop();
  }
}
