import { createPublisher, createRestClient } from "@x/rest";
import { APP, EVENT } from "./fixtures.js";
import { runConcurrently } from "./run-concurrently.js";
import { PUBLISHER_CALLERS } from "./bench-publisher.js";
import type { Sink } from "./start-sink.js";

/** Heap in use (after a full garbage collection) at each milestone, in bytes. */
export interface MemoryResult {
  heapBefore: number;
  heapAfter10k: number;
  heapAfter100k: number;
}

/**
 * Publishes 100,000 events through one publisher (1,000 callers at once, as in the publisher
 * benchmark) and reads the heap after a full GC at 10,000 and at 100,000: a publisher that
 * keeps nothing of what it has sent stays flat. Needs `--expose-gc`.
 */
export async function benchMemory(sink: Sink): Promise<MemoryResult> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("the memory benchmark needs node --expose-gc");
  const heap = (): number => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  const client = createRestClient({ ...APP, host: "127.0.0.1", port: sink.port, useTLS: false });
  const publisher = createPublisher(client);
  const event = { channel: EVENT.channel, name: EVENT.name, data: EVENT.data };

  const heapBefore = heap();
  await runConcurrently(10_000, PUBLISHER_CALLERS, () => publisher.publish(event));
  await publisher.flush();
  const heapAfter10k = heap();
  await runConcurrently(90_000, PUBLISHER_CALLERS, () => publisher.publish(event));
  await publisher.close();
  const heapAfter100k = heap();
  return { heapBefore, heapAfter10k, heapAfter100k };
}
