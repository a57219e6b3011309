import { createPublisher, createRestClient } from "@x/rest";
import { APP, EVENT } from "./fixtures.js";
import { heapInUse } from "./heap-in-use.js";
import { runConcurrently } from "./run-concurrently.js";
import { PUBLISHER_CALLERS } from "./bench-publisher.js";
import { SCALE } from "./run-scale.js";
import type { Sink } from "./start-sink.js";

/** Heap in use (after a full garbage collection) at each milestone, in bytes. */
export interface MemoryResult {
  heapBefore: number;
  /** After `SCALE.memoryFirstEvents` events (10,000). */
  heapAfterFirst: number;
  /** After `SCALE.memoryTotalEvents` events (100,000). */
  heapAfterTotal: number;
}

/**
 * Publishes 100,000 events through one publisher (1,000 callers at once, as in the publisher
 * benchmark) to the sink, which answers them all, and reads the heap after a full GC at 10,000
 * and at 100,000: a publisher that keeps nothing of what it has sent stays flat.
 */
export async function benchMemory(sink: Sink): Promise<MemoryResult> {
  const client = createRestClient({ ...APP, host: "127.0.0.1", port: sink.port, useTLS: false });
  const publisher = createPublisher(client);
  const event = { channel: EVENT.channel, name: EVENT.name, data: EVENT.data };

  const heapBefore = heapInUse();
  await runConcurrently(SCALE.memoryFirstEvents, PUBLISHER_CALLERS, () => publisher.publish(event));
  await publisher.flush();
  const heapAfterFirst = heapInUse();
  await runConcurrently(SCALE.memoryTotalEvents - SCALE.memoryFirstEvents, PUBLISHER_CALLERS, () => publisher.publish(event));
  await publisher.close();
  const heapAfterTotal = heapInUse();
  return { heapBefore, heapAfterFirst, heapAfterTotal };
}
