import { createPublisher, createRestClient } from "@x/rest";
import Pusher from "pusher";
import { EVENT, APP } from "./fixtures.js";
import { runConcurrently } from "./run-concurrently.js";
import { SCALE, TRIGGER_CONCURRENCY } from "./run-scale.js";
import { roundOrder, type Rounds } from "./rounds.js";

// As many callers publishing at once as the publisher queues by default (maxQueued): the
// queue stays full, and a caller whose event is sent publishes the next.
export const PUBLISHER_CALLERS = 1_000;

export const PUBLISHER_CONTENDERS = {
  ours: "@x/rest createPublisher (defaults)",
  official: "pusher 5.3.4 trigger, one event per request",
} as const;

/** Events per second of each contender in every round, and the requests the sink saw for ours. */
export interface PublisherResult {
  eventsPerSecond: Rounds;
  oursRequests: number;
}

/**
 * Publisher throughput: the same `SCALE.publisherEvents` events through our batching publisher
 * (default options: batches of 10, 4 in flight) and through the official SDK's `trigger`, one
 * event per request with 64 in flight as in the trigger benchmark, in the rounds of rounds.ts (the
 * order reversed every other round); each round gives each contender's events per second. The warm-up is
 * longer than the trigger benchmark's: the batch path (validation, serialisation and resolution
 * of many events per request) takes more calls to be optimised by the JIT.
 */
export async function benchPublisher(port: number, requestCount: () => Promise<number>): Promise<PublisherResult> {
  const client = createRestClient({ ...APP, host: "127.0.0.1", port: port, useTLS: false });
  const official = new Pusher({ ...APP, host: "127.0.0.1", port: String(port), useTLS: false });
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
  const perRound = SCALE.publisherEvents / rounds;
  const eventsPerSecond: Rounds = { [PUBLISHER_CONTENDERS.ours]: [], [PUBLISHER_CONTENDERS.official]: [] };
  let oursRequests = 0;
  const oursRound = async (): Promise<void> => {
    const before = await requestCount();
    eventsPerSecond[PUBLISHER_CONTENDERS.ours]?.push((perRound / (await publishAll(perRound))) * 1000);
    oursRequests += (await requestCount()) - before;
  };
  const officialRound = async (): Promise<void> => {
    eventsPerSecond[PUBLISHER_CONTENDERS.official]?.push((perRound / (await triggerAll(perRound))) * 1000);
  };
  for (let round = 0; round < rounds; round++) for (const contender of roundOrder([oursRound, officialRound], round)) await contender();
  return { eventsPerSecond, oursRequests };
}
