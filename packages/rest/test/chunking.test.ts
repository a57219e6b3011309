import { isPusherHttpError, isPusherPartialDeliveryError, type PusherPartialDeliveryError } from "@x/types";
import { describe, expect, it } from "vitest";
import { createRestClient, type RestClientOptions } from "../src/index.js";
import { fakeFetch, json, text, type Responder } from "./support/fake-fetch.js";

interface TriggerBody {
  channels: string[];
  name: string;
  data: string;
}
interface BatchBody {
  batch: { channel: string; name: string; data: string; info?: string }[];
}

function clientAnswering(respond: Responder, options: Partial<RestClientOptions> = {}) {
  const fake = fakeFetch(respond);
  return { client: createRestClient({ appId: "1", key: "k", secret: "s", fetch: fake.fetch, ...options }), requests: fake.requests };
}

const channelNames = (count: number) => Array.from({ length: count }, (_, index) => `channel-${index}`);
const events = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    channel: `c${index}`,
    name: "e",
    data: { index },
    info: ["subscription_count" as const],
  }));

describe("trigger() to more channels than maxChannelsPerTrigger", () => {
  it("splits 250 channels into requests of 100, 100 and 50, sent in order", async () => {
    const { client, requests } = clientAnswering(() => json({}));

    await client.trigger(channelNames(250), "e", "x");

    const sent = requests.map((request) => (JSON.parse(request.body) as TriggerBody).channels);
    expect(sent.map((channels) => channels.length)).toEqual([100, 100, 50]);
    expect(sent.flat()).toEqual(channelNames(250));
  });

  it("splits at the configured maxChannelsPerTrigger, and sends a list that fits in one request", async () => {
    const { client, requests } = clientAnswering(() => json({}), { maxChannelsPerTrigger: 2 });

    await client.trigger(["a", "b", "c"], "e", "x");
    await client.trigger(["a", "b"], "e", "x");

    expect(requests.map((request) => (JSON.parse(request.body) as TriggerBody).channels)).toEqual([["a", "b"], ["c"], ["a", "b"]]);
  });

  it("sends a list that fits in one request as it is: no slice of it is taken", async () => {
    const { client, requests } = clientAnswering(() => json({}));
    const channels = Object.assign(["a", "b"], {
      slice: () => {
        throw new Error("the list was copied");
      },
    });

    await client.trigger(channels, "e", "x");

    expect(requests.map((request) => (JSON.parse(request.body) as TriggerBody).channels)).toEqual([["a", "b"]]);
  });

  it("merges the channel attributes of every request into one result", async () => {
    const { client } = clientAnswering(
      (request) => {
        const { channels } = JSON.parse(request.body) as TriggerBody;
        return json({ channels: Object.fromEntries(channels.map((name) => [name, { subscription_count: name.length }])) });
      },
      { maxChannelsPerTrigger: 2 },
    );

    const result = await client.trigger(["a", "bb", "ccc"], "e", "x", { info: ["subscription_count"] });

    expect(result).toEqual({
      channels: { a: { subscription_count: 1 }, bb: { subscription_count: 2 }, ccc: { subscription_count: 3 } },
    });
  });

  it("a failed second request reports the first 100 channels delivered and the other 150 not, and sends nothing more", async () => {
    const { client, requests } = clientAnswering((_, index) => (index === 1 ? text("over quota", 403) : json({})));

    const error = await client.trigger(channelNames(250), "e", "x").catch((failure: unknown) => failure);

    expect(isPusherPartialDeliveryError(error)).toBe(true);
    const partial = error as PusherPartialDeliveryError<string>;
    expect(partial.delivered).toEqual(channelNames(100));
    expect(partial.undelivered).toEqual(channelNames(250).slice(100));
    expect(isPusherHttpError(partial.cause)).toBe(true);
    expect(partial.cause).toMatchObject({ status: 403 });
    expect(partial.message).toBe(
      "delivered 100 of 250; the request for the rest failed: POST /apps/1/events failed with HTTP 403: over quota",
    );
    expect(requests).toHaveLength(2);
  });

  it("a failed first request of a split call reports nothing delivered", async () => {
    const { client } = clientAnswering(() => text("down", 500));

    const error = (await client.trigger(channelNames(101), "e", "x").catch((failure: unknown) => failure)) as PusherPartialDeliveryError;

    expect(error.delivered).toEqual([]);
    expect(error.undelivered).toHaveLength(101);
  });

  it("a call that fits in one request fails with that request's own error", async () => {
    const { client } = clientAnswering(() => text("down", 500));

    const error = await client.trigger(channelNames(100), "e", "x").catch((failure: unknown) => failure);

    expect(isPusherHttpError(error)).toBe(true);
  });
});

describe("triggerBatch() with more events than maxBatchSize", () => {
  it("splits 25 events into requests of 10, 10 and 5, in order", async () => {
    const { client, requests } = clientAnswering(() => json({}));

    await client.triggerBatch(events(25));

    const sent = requests.map((request) => (JSON.parse(request.body) as BatchBody).batch.map((event) => event.channel));
    expect(sent.map((batch) => batch.length)).toEqual([10, 10, 5]);
    expect(sent.flat()).toEqual(events(25).map((event) => event.channel));
  });

  it("returns one result per event, in the order of the events, across requests", async () => {
    const { client } = clientAnswering(
      (request) =>
        json({
          batch: (JSON.parse(request.body) as BatchBody).batch.map((event) => ({ subscription_count: Number(event.channel.slice(1)) })),
        }),
      { maxBatchSize: 4 },
    );

    const { batch } = await client.triggerBatch(events(9));

    expect(batch).toEqual(events(9).map((_, index) => ({ subscription_count: index })));
  });

  it("a failed third request reports events 0–19 delivered and 20–24 not", async () => {
    const { client, requests } = clientAnswering((_, index) => (index === 2 ? text("busy", 503) : json({})));

    const error = (await client.triggerBatch(events(25)).catch((failure: unknown) => failure)) as PusherPartialDeliveryError<number>;

    expect(isPusherPartialDeliveryError(error)).toBe(true);
    expect(error.delivered).toEqual(Array.from({ length: 20 }, (_, index) => index));
    expect(error.undelivered).toEqual([20, 21, 22, 23, 24]);
    expect(error.cause).toMatchObject({ status: 503 });
    expect(requests).toHaveLength(3);
  });
});
