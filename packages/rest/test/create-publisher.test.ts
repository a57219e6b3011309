import { isPusherConfigError, isPusherHttpError, isPusherQueueFullError, isPusherValidationError } from "@x/types";
import { describe, expect, it, vi } from "vitest";
import { createPublisher, createRestClient, type PublisherOptions, type RestClientOptions } from "../src/index.js";
import { deferred, fakeFetch, json, text, type Responder } from "./support/fake-fetch.js";

interface BatchBody {
  batch: { channel: string; name: string; data: string; info?: string }[];
}

function publisherOn(respond: Responder, options: PublisherOptions = {}, clientOptions: Partial<RestClientOptions> = {}) {
  const fake = fakeFetch(respond);
  const client = createRestClient({ appId: "1", key: "k", secret: "s", fetch: fake.fetch, ...clientOptions });
  return { publisher: createPublisher(client, options), requests: fake.requests };
}

const event = (n: number) => ({ channel: `c${n}`, name: "e", data: { n } });
const channelsOf = (body: string) => (JSON.parse(body) as BatchBody).batch.map((sent) => sent.channel);

// A server that holds every answer until the test releases it.
function heldServer() {
  const held: ((response: Response) => void)[] = [];
  const respond: Responder = () => {
    const answer = deferred<Response>();
    held.push(answer.resolve);
    return answer.promise;
  };
  const releaseNext = () => held.shift()!(json({}));
  return { respond, held, releaseNext };
}

describe("createPublisher(client, options)", () => {
  it("publish() sends full batches at once and holds a partial one until maxDelayMs or flush()", async () => {
    const { publisher, requests } = publisherOn(() => json({}), { maxBatchSize: 10, maxDelayMs: 60_000 });

    const results = Array.from({ length: 25 }, (_, n) => publisher.publish(event(n)));
    await Promise.all(results.slice(0, 20));

    expect(requests.map((request) => channelsOf(request.body).length)).toEqual([10, 10]);
    expect(publisher.queued).toBe(5);

    await publisher.flush();

    expect(requests.map((request) => channelsOf(request.body))).toEqual([
      Array.from({ length: 10 }, (_, n) => `c${n}`),
      Array.from({ length: 10 }, (_, n) => `c${n + 10}`),
      Array.from({ length: 5 }, (_, n) => `c${n + 20}`),
    ]);
    await expect(Promise.all(results)).resolves.toHaveLength(25);
  });

  it("events published together go out in one batch_events request once maxDelayMs has passed", async () => {
    const { publisher, requests } = publisherOn(() => json({}), { maxDelayMs: 0 });

    await Promise.all([publisher.publish(event(1)), publisher.publish(event(2)), publisher.publish(event(3))]);

    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toContain("/apps/1/batch_events?");
    expect(channelsOf(requests[0]!.body)).toEqual(["c1", "c2", "c3"]);
  });

  it("each publish() resolves with its own event's attributes from the batch answer", async () => {
    const { publisher } = publisherOn(
      (request) =>
        json({
          batch: (JSON.parse(request.body) as BatchBody).batch.map((sent) =>
            sent.info === undefined ? {} : { subscription_count: (JSON.parse(sent.data) as { n: number }).n },
          ),
        }),
      { maxBatchSize: 4, maxDelayMs: 0 },
    );

    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) => publisher.publish(n % 3 === 0 ? event(n) : { ...event(n), info: ["subscription_count"] })),
    );

    expect(results).toEqual(Array.from({ length: 10 }, (_, n) => (n % 3 === 0 ? {} : { subscription_count: n })));
  });

  it("a failed request rejects the events of its batch with its error, and only those", async () => {
    const { publisher } = publisherOn((_, index) => (index === 1 ? text("busy", 503) : json({})), {
      maxBatchSize: 2,
      maxConcurrency: 1,
      maxDelayMs: 0,
    });

    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, (_, n) => publisher.publish(event(n))));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected", "fulfilled", "fulfilled"]);
    const rejected = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
    expect(rejected.every((outcome) => isPusherHttpError(outcome.reason))).toBe(true);
  });

  it("an invalid event rejects alone with its validation error; the others of its batch are delivered", async () => {
    const { publisher, requests } = publisherOn(() => json({}), { maxDelayMs: 0 });

    const outcomes = await Promise.allSettled([
      publisher.publish(event(1)),
      publisher.publish({ channel: "bad channel", name: "e", data: 1 }),
      publisher.publish(event(3)),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(isPusherValidationError((outcomes[1] as PromiseRejectedResult).reason)).toBe(true);
    expect(requests.flatMap((request) => channelsOf(request.body))).toEqual(["c1", "c3"]);
  });

  it("when the client splits a batch that then fails part-way, delivered events resolve and the rest reject", async () => {
    const { publisher } = publisherOn(
      (_, index) => (index === 1 ? text("busy", 503) : json({})),
      { maxBatchSize: 4, maxDelayMs: 0 },
      { maxBatchSize: 2 },
    );

    const outcomes = await Promise.allSettled(Array.from({ length: 4 }, (_, n) => publisher.publish(event(n))));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected"]);
    expect(isPusherHttpError((outcomes[2] as PromiseRejectedResult).reason)).toBe(true);
  });

  it("never has more than maxConcurrency requests in flight", async () => {
    const server = heldServer();
    const { publisher, requests } = publisherOn(server.respond, { maxBatchSize: 2, maxConcurrency: 2, maxDelayMs: 0 });

    const results = Array.from({ length: 10 }, (_, n) => publisher.publish(event(n)));
    await vi.waitFor(() => expect(requests).toHaveLength(2));

    expect(publisher.inFlightRequests).toBe(2);
    for (let released = 0; released < 5; released++) {
      await vi.waitFor(() => expect(server.held.length).toBeGreaterThan(0));
      expect(publisher.inFlightRequests).toBeLessThanOrEqual(2);
      server.releaseNext();
    }
    await Promise.all(results);
    expect(requests).toHaveLength(5);
  });

  it("publish() waits for room once maxQueued events are queued, instead of growing the queue", async () => {
    const server = heldServer();
    const { publisher, requests } = publisherOn(server.respond, {
      maxBatchSize: 2,
      maxQueued: 4,
      maxConcurrency: 1,
      maxDelayMs: 0,
    });

    const results = Array.from({ length: 10 }, (_, n) => publisher.publish(event(n)));
    await vi.waitFor(() => expect(requests).toHaveLength(1));

    expect({ inFlight: publisher.inFlightRequests, queued: publisher.queued, waiting: publisher.waiting }).toEqual({
      inFlight: 1,
      queued: 4,
      waiting: 4,
    });
    for (let sent = 1; sent <= 5; sent++) {
      await vi.waitFor(() => expect(requests).toHaveLength(sent));
      expect(publisher.queued).toBeLessThanOrEqual(4);
      server.releaseNext();
    }
    await Promise.all(results);
    expect(requests.flatMap((request) => channelsOf(request.body))).toEqual(Array.from({ length: 10 }, (_, n) => `c${n}`));
    expect({ queued: publisher.queued, waiting: publisher.waiting }).toEqual({ queued: 0, waiting: 0 });
  });

  it("when the queue and the waiting room are full, publish() rejects at once with a PusherQueueFullError, unsent", async () => {
    const server = heldServer();
    const { publisher, requests } = publisherOn(server.respond, {
      maxBatchSize: 2,
      maxQueued: 4,
      maxWaiting: 3,
      maxConcurrency: 1,
      maxDelayMs: 0,
    });

    const results = Array.from({ length: 12 }, (_, n) => publisher.publish(event(n)).catch((error: unknown) => error));
    await vi.waitFor(() => expect(requests).toHaveLength(1));

    // 2 in flight, 4 queued, 3 waiting: the last 3 found no room.
    expect({ queued: publisher.queued, waiting: publisher.waiting }).toEqual({ queued: 4, waiting: 3 });
    const refused = await Promise.all(results.slice(9));
    for (const error of refused) {
      expect(isPusherQueueFullError(error)).toBe(true);
      expect(error).toMatchObject({ code: "queue_full", waitedMs: 0 });
      expect(String(error)).toContain("queue (4) and waiting room (3) full");
    }
    for (let sent = 1; sent <= 5; sent++) {
      await vi.waitFor(() => expect(requests).toHaveLength(sent));
      server.releaseNext();
    }
    await expect(Promise.all(results.slice(0, 9))).resolves.toEqual(Array.from({ length: 9 }, () => ({})));
    // What was refused was never sent.
    expect(requests.flatMap((request) => channelsOf(request.body))).toEqual(Array.from({ length: 9 }, (_, n) => `c${n}`));
  });

  it("maxWaiting: 0 never waits: a publish that finds the queue full is refused at once", async () => {
    const server = heldServer();
    const { publisher } = publisherOn(server.respond, { maxBatchSize: 1, maxQueued: 1, maxWaiting: 0, maxConcurrency: 1, maxDelayMs: 0 });

    const first = publisher.publish(event(1));
    const second = publisher.publish(event(2));
    const third = publisher.publish(event(3)).catch((error: unknown) => error);

    expect(isPusherQueueFullError(await third)).toBe(true);
    expect(publisher.waiting).toBe(0);
    await vi.waitFor(() => expect(server.held).toHaveLength(1));
    server.releaseNext();
    await vi.waitFor(() => expect(server.held).toHaveLength(1));
    server.releaseNext();
    await expect(Promise.all([first, second])).resolves.toEqual([{}, {}]);
  });

  it("a publish that waited maxWaitMs for room rejects with a PusherQueueFullError saying how long; later ones keep waiting", async () => {
    const server = heldServer();
    const { publisher, requests } = publisherOn(server.respond, {
      maxBatchSize: 1,
      maxQueued: 1,
      maxConcurrency: 1,
      maxDelayMs: 0,
      maxWaitMs: 40,
    });

    const early = [publisher.publish(event(0)), publisher.publish(event(1))];
    const expiring = publisher.publish(event(2)).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 25));
    const later = publisher.publish(event(3)).catch((error: unknown) => error);

    const error = await expiring;
    expect(isPusherQueueFullError(error)).toBe(true);
    expect((error as { waitedMs: number }).waitedMs).toBeGreaterThanOrEqual(40);
    expect(String(error)).toContain("(maxWaitMs 40)");
    // The later publish arrived 25 ms after: still waiting when the first expired.
    expect(publisher.waiting).toBe(1);
    expect(isPusherQueueFullError(await later)).toBe(true);
    expect(publisher.waiting).toBe(0);

    server.releaseNext();
    await vi.waitFor(() => expect(server.held).toHaveLength(1));
    server.releaseNext();
    await expect(Promise.all(early)).resolves.toEqual([{}, {}]);
    expect(requests.flatMap((request) => channelsOf(request.body))).toEqual(["c0", "c1"]);
  });

  it("an event admitted to the queue before maxWaitMs is no longer subject to it", async () => {
    const server = heldServer();
    const { publisher } = publisherOn(server.respond, { maxBatchSize: 1, maxQueued: 1, maxConcurrency: 1, maxDelayMs: 0, maxWaitMs: 500 });

    const results = [publisher.publish(event(0)), publisher.publish(event(1)), publisher.publish(event(2))];
    await vi.waitFor(() => expect(server.held).toHaveLength(1));
    expect(publisher.waiting).toBe(1);
    server.releaseNext();
    // c0 answered: c1 is sent and c2 moves from the waiting room into the queue.
    await vi.waitFor(() => expect(publisher.waiting).toBe(0));
    await new Promise((resolve) => setTimeout(resolve, 700));
    server.releaseNext();
    await vi.waitFor(() => expect(server.held).toHaveLength(1));
    server.releaseNext();

    await expect(Promise.all(results)).resolves.toEqual([{}, {}, {}]);
  });

  it("100,000 publishes not awaited against a server that never answers keep queue and waiting room at their bounds", async () => {
    const server = heldServer();
    // maxWaitMs out of reach: on a loaded machine, publishing 100,000 events may take seconds.
    const { publisher } = publisherOn(server.respond, { maxQueued: 1_000, maxWaiting: 1_000, maxDelayMs: 0, maxWaitMs: 600_000 });
    let refused = 0;

    for (let n = 0; n < 100_000; n++) {
      publisher.publish(event(n)).catch((error: unknown) => {
        if (isPusherQueueFullError(error)) refused++;
      });
    }
    await vi.waitFor(() => expect(server.held).toHaveLength(4));

    expect({ queued: publisher.queued, waiting: publisher.waiting, inFlight: publisher.inFlightRequests }).toEqual({
      queued: 1_000,
      waiting: 1_000,
      inFlight: 4,
    });
    await vi.waitFor(() => expect(refused).toBe(100_000 - 40 - 1_000 - 1_000));
  });

  it("stats() counts what was delivered, failed and refused, and the batch sizes, and reports the load now", async () => {
    const { publisher } = publisherOn((request) => (channelsOf(request.body).includes("c13") ? text("down", 500) : json({})), {
      maxBatchSize: 5,
      maxDelayMs: 0,
      maxConcurrency: 1,
    });
    expect(publisher.stats()).toEqual({
      queued: 0,
      waiting: 0,
      inFlightRequests: 0,
      delivered: 0,
      failed: 0,
      refused: 0,
      batches: 0,
      averageBatchSize: 0,
      largestBatch: 0,
    });

    // 12 good events, 3 in the batch that fails (c10 to c14), and one invalid event alone.
    const results = Array.from({ length: 15 }, (_, n) => publisher.publish(event(n)).catch(() => undefined));
    results.push(publisher.publish({ channel: "bad channel!", name: "e", data: 1 }).catch(() => undefined));
    await Promise.all(results);
    await publisher.close();
    await publisher.publish(event(99)).catch(() => undefined);

    expect(publisher.stats()).toEqual({
      queued: 0,
      waiting: 0,
      inFlightRequests: 0,
      delivered: 10,
      failed: 6,
      refused: 1,
      batches: 4,
      averageBatchSize: 4,
      largestBatch: 5,
    });
  });

  it("the options maxWaiting and maxWaitMs are checked: whole numbers from 0", () => {
    const client = createRestClient({ appId: "1", key: "k", secret: "s", fetch: fakeFetch().fetch });
    for (const options of [{ maxWaiting: -1 }, { maxWaiting: 1.5 }, { maxWaitMs: -1 }, { maxWaitMs: "10" as unknown as number }]) {
      expect(() => createPublisher(client, options)).toThrow(expect.objectContaining({ name: "PusherConfigError" }));
    }
    expect(() => createPublisher(client, null as unknown as PublisherOptions)).toThrow(
      expect.objectContaining({ name: "PusherConfigError", option: "options" }),
    );
  });

  it("close() sends what is queued, resolves once every event has settled, then refuses new events", async () => {
    const { publisher, requests } = publisherOn(() => json({}), { maxDelayMs: 60_000 });
    let settled = 0;
    const results = Array.from({ length: 5 }, (_, n) => publisher.publish(event(n)).finally(() => settled++));

    await publisher.close();

    expect(settled).toBe(5);
    expect(requests).toHaveLength(1);
    await expect(Promise.all(results)).resolves.toHaveLength(5);
    const refused = await publisher.publish(event(9)).catch((error: unknown) => error);
    expect(isPusherConfigError(refused)).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it("close() also sends the events that were waiting for room", async () => {
    const { publisher, requests } = publisherOn(() => json({}), { maxBatchSize: 2, maxQueued: 2, maxConcurrency: 1, maxDelayMs: 60_000 });

    const results = Array.from({ length: 7 }, (_, n) => publisher.publish(event(n)));
    await publisher.close();

    await expect(Promise.all(results)).resolves.toHaveLength(7);
    expect(requests.flatMap((request) => channelsOf(request.body))).toHaveLength(7);
  });

  it("flush() resolves even when events fail; each failure arrives on its own publish()", async () => {
    const { publisher } = publisherOn(() => text("down", 500), { maxDelayMs: 60_000 });

    const result = publisher.publish(event(1)).catch((error: unknown) => error);
    await publisher.flush();

    expect(isPusherHttpError(await result)).toBe(true);
  });

  it("flush() on an idle publisher resolves at once", async () => {
    const { publisher, requests } = publisherOn(() => json({}));

    await publisher.flush();

    expect(requests).toHaveLength(0);
  });

  it("publish() resolves with {} when a client's answer has no entry for the event", async () => {
    const publisher = createPublisher({ triggerBatch: () => Promise.resolve({ batch: [] }) }, { maxDelayMs: 0 });

    await expect(Promise.all([publisher.publish(event(1)), publisher.publish(event(2))])).resolves.toEqual([{}, {}]);
  });

  it("an event refused alone by validation rejects with that error, sent on its own", async () => {
    const { publisher, requests } = publisherOn(() => json({}), { maxDelayMs: 0 });

    const error = await publisher.publish({ channel: "a", name: "", data: 1 }).catch((failure: unknown) => failure);

    expect(isPusherValidationError(error)).toBe(true);
    expect(requests).toHaveLength(0);
  });

  it.each<[string, PublisherOptions]>([
    ["maxBatchSize", { maxBatchSize: 0 }],
    ["maxDelayMs", { maxDelayMs: -1 }],
    ["maxConcurrency", { maxConcurrency: 1.5 }],
    ["maxQueued", { maxQueued: 5, maxBatchSize: 10 }],
  ])("throws a PusherConfigError naming %s for %j", (option, options) => {
    const client = createRestClient({ appId: "1", key: "k", secret: "s" });

    expect(() => createPublisher(client, options)).toThrow(expect.objectContaining({ name: "PusherConfigError", option }));
  });

  it("throws a PusherConfigError naming client when it is not a client", () => {
    for (const client of [{}, null, { triggerBatch: "send" }]) {
      expect(() => createPublisher(client as never)).toThrow(expect.objectContaining({ name: "PusherConfigError", option: "client" }));
    }
  });
});
