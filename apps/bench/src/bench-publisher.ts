import { createPublisher, createRestClient } from "@x/rest";
import Pusher from "pusher";
import { EVENT, APP } from "./fixtures.js";
import { runConcurrently } from "./run-concurrently.js";
import type { Sink } from "./start-sink.js";
import { TRIGGER_CONCURRENCY } from "./bench-trigger.js";
import { SCALE } from "./run-scale.js";

// As many callers publishing at once as the publisher queues by default (maxQueued): the
// queue stays full, and a caller whose event is sent publishes the next.
export const PUBLISHER_CALLERS = 1_000;

export const PUBLISHER_CONTENDERS = {
  ours: "@x/rest createPublisher (defaults)",
  official: "pusher 5.3.4 trigger, one event per request",
} as const;

/** Events per second, by contender, and the requests the sink saw for ours. */
export interface PublisherResult {
  eventsPerSecond: Record<string, number>;
  oursRequests: number;
}

/**
 * Publisher throughput: the same `SCALE.publisherEvents` events through our batching publisher
 * (default options: batches of 10, 4 in flight) and through the official SDK's `trigger`, one
 * event per request with 64 in flight as in the trigger benchmark. Rounds alternate between
 * the two; a contender's figure is its events over the time of its own rounds. The warm-up is
 * longer than the trigger benchmark's: the batch path (validation, serialisation and resolution
 * of many events per request) takes more calls to be optimised by the JIT.
 */
export async function benchPublisher(sink: Sink): Promise<PublisherResult> {
  const client = createRestClient({ ...APP, host: "127.0.0.1", port: sink.port, useTLS: false });
  const official = new Pusher({ ...APP, host: "127.0.0.1", port: String(sink.port), useTLS: false });
  const event = { channel: EVENT.channel, name: EVENT.name, data: EVENT.data };

  const publishAll = async (count: number): Promise<number> => {
    const publisher = createPublisher(client);
    const elapsed = await runConcurrently(count, PUBLISHER_CALLERS, () => publisher.publish(event));
    await publisher.close();
    return elapsed;
  };
  const triggerAll = (count: number): Promise<number> =>
    runConcurrently(count, TRIGGER_CONCURRENCY, () => official.trigger(event.channel, event.name, event.data));

  const rounds = SCALE.publisherRounds;
  await publishAll(SCALE.publisherWarmUp);
  await triggerAll(SCALE.publisherWarmUp);
  let oursMs = 0;
  let officialMs = 0;
  let oursRequests = 0;
  for (let round = 0; round < rounds; round++) {
    const before = await sink.requestCount();
    oursMs += await publishAll(SCALE.publisherEvents / rounds);
    oursRequests += (await sink.requestCount()) - before;
    officialMs += await triggerAll(SCALE.publisherEvents / rounds);
  }
  return {
    eventsPerSecond: {
      [PUBLISHER_CONTENDERS.ours]: (SCALE.publisherEvents / oursMs) * 1000,
      [PUBLISHER_CONTENDERS.official]: (SCALE.publisherEvents / officialMs) * 1000,
    },
    oursRequests,
  };
}
