import { createPublisher, createRestClient } from "@x/rest";
import Pusher from "pusher";
import { EVENT, APP } from "./fixtures.js";
import { runConcurrently } from "./run-concurrently.js";
import type { Sink } from "./start-sink.js";
import { TRIGGER_CONCURRENCY } from "./bench-trigger.js";

export const PUBLISHER_EVENTS = 20_000;
// As many callers publishing at once as the publisher queues by default (maxQueued): the
// queue stays full, and a caller whose event is sent publishes the next.
export const PUBLISHER_CALLERS = 1_000;
// Longer than the trigger benchmark's: the batch path (validation, serialisation and resolution of
// many events per request) takes more calls to be optimised by the JIT.
export const PUBLISHER_WARM_UP_EVENTS = 5_000;
const ROUNDS = 4;

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
 * Publisher throughput: the same `PUBLISHER_EVENTS` events through our batching publisher
 * (default options: batches of 10, 4 in flight) and through the official SDK's `trigger`, one
 * event per request with 64 in flight as in the trigger benchmark. Rounds alternate between
 * the two; a contender's figure is its events over the time of its own rounds.
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

  await publishAll(PUBLISHER_WARM_UP_EVENTS);
  await triggerAll(PUBLISHER_WARM_UP_EVENTS);
  let oursMs = 0;
  let officialMs = 0;
  let oursRequests = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const before = await sink.requestCount();
    oursMs += await publishAll(PUBLISHER_EVENTS / ROUNDS);
    oursRequests += (await sink.requestCount()) - before;
    officialMs += await triggerAll(PUBLISHER_EVENTS / ROUNDS);
  }
  return {
    eventsPerSecond: {
      [PUBLISHER_CONTENDERS.ours]: (PUBLISHER_EVENTS / oursMs) * 1000,
      [PUBLISHER_CONTENDERS.official]: (PUBLISHER_EVENTS / officialMs) * 1000,
    },
    oursRequests,
  };
}
