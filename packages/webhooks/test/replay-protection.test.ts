// Replay protection, on by default: a freshness window wider than Pusher's retry period, and each
// delivery processed once (a replay or a retry of a processed one is answered 200 without calling
// back; a failed one is not marked seen, so that Pusher's retry reaches the application again).
import { isPusherConfigError } from "@x/types";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createMemoryDeliveryStore, createWebhookHandler, type WebhookDeliveryStore, type WebhookHandlerOptions } from "../src/index.js";
import { signBody, webhookRequest } from "./support/webhook-fixtures.js";

const app = { key: "app-key", secret: "app-secret-5d0a7e" };
const NOW = 1_700_000_000_000;
const YEAR_MS = 365 * 24 * 3600 * 1000;

const bodyAt = (timeMs: number, channel = "presence-room") =>
  JSON.stringify({ time_ms: timeMs, events: [{ name: "channel_occupied", channel }] });
const delivery = (body: string) => webhookRequest(body, { "x-pusher-key": app.key, "x-pusher-signature": signBody(app.secret, body) });

/** A handler at NOW whose onEvent counts its calls (and runs `onEvent` first, when given). */
function countingHandler(options: Partial<WebhookHandlerOptions> = {}, onEvent: () => unknown = () => {}) {
  const calls = { count: 0, errors: [] as unknown[] };
  const handler = createWebhookHandler({
    credentials: app,
    now: () => NOW,
    onEvent: async () => {
      calls.count++;
      await onEvent();
    },
    onError: (error) => void calls.errors.push(error),
    ...options,
  });
  return { handler, calls };
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

const configErrorOf = (make: () => unknown): string | undefined => {
  try {
    make();
  } catch (error) {
    if (isPusherConfigError(error)) return error.option;
    throw error;
  }
  return undefined;
};

describe("createWebhookHandler: the freshness window, on by default", () => {
  it("answers 401 to a captured webhook replayed a year later, saying why, and calls nothing", async () => {
    const { handler, calls } = countingHandler();
    const response = await handler(delivery(bodyAt(NOW - YEAR_MS)));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: `the webhook is ${YEAR_MS} ms old; maxAgeMs allows 600000 ms` });
    expect(calls.count).toBe(0);
  });

  it("accepts Pusher's last retry with room for clock skew: 10 minutes either side of now", async () => {
    const { handler, calls } = countingHandler();
    expect((await handler(delivery(bodyAt(NOW - 600_000)))).status).toBe(200);
    expect((await handler(delivery(bodyAt(NOW + 600_000)))).status).toBe(200);
    expect((await handler(delivery(bodyAt(NOW - 600_001)))).status).toBe(401);
    expect((await handler(delivery(bodyAt(NOW + 600_001)))).status).toBe(401);
    expect(calls.count).toBe(2);
  });

  it("takes maxAgeMs, or false to accept any time_ms", async () => {
    const narrow = countingHandler({ maxAgeMs: 60_000 });
    expect((await narrow.handler(delivery(bodyAt(NOW - 60_001)))).status).toBe(401);
    const off = countingHandler({ maxAgeMs: false });
    expect((await off.handler(delivery(bodyAt(NOW - YEAR_MS)))).status).toBe(200);
    expect(off.calls.count).toBe(1);
  });
});

describe("createWebhookHandler: each delivery processed once", () => {
  it("answers the same delivery again 200 without calling the application again", async () => {
    const { handler, calls } = countingHandler();
    const body = bodyAt(NOW);
    const first = await handler(delivery(body));
    expect(await first.json()).toEqual({ ok: true });
    for (let replay = 0; replay < 3; replay++) {
      const again = await handler(delivery(body));
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ ok: true, duplicate: true });
    }
    expect(calls.count).toBe(1);
    // Another delivery, with another body, is processed.
    expect((await handler(delivery(bodyAt(NOW + 1)))).status).toBe(200);
    expect(calls.count).toBe(2);
  });

  it("does not mark a failed delivery seen: Pusher's retry calls the application again, then no more", async () => {
    let failures = 1;
    const { handler, calls } = countingHandler({}, () => {
      if (failures-- > 0) throw new Error("database down");
    });
    const body = bodyAt(NOW);
    expect((await handler(delivery(body))).status).toBe(500);
    expect(calls.errors).toHaveLength(1);
    expect((await handler(delivery(body))).status).toBe(200);
    expect(calls.count).toBe(2);
    expect(await (await handler(delivery(body))).json()).toEqual({ ok: true, duplicate: true });
    expect(calls.count).toBe(2);
  });

  it("runs two concurrent identical deliveries once: the second waits for the first and is answered as a duplicate", async () => {
    const gate = deferred();
    const { handler, calls } = countingHandler({}, () => gate.promise);
    const body = bodyAt(NOW);
    const first = handler(delivery(body));
    const second = handler(delivery(body));
    await new Promise((resolve) => setTimeout(resolve, 10));
    gate.resolve();
    const [a, b] = await Promise.all([first, second]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([await a.json(), await b.json()]).toEqual([{ ok: true }, { ok: true, duplicate: true }]);
    expect(calls.count).toBe(1);
  });

  it("answers 500 to a delivery that arrived while the same one was failing: the next retry runs it", async () => {
    const gate = deferred();
    let failing = true;
    const { handler, calls } = countingHandler({}, () => (failing ? gate.promise : undefined));
    const body = bodyAt(NOW);
    const first = handler(delivery(body));
    const second = handler(delivery(body));
    await new Promise((resolve) => setTimeout(resolve, 10));
    gate.reject(new Error("timed out"));
    expect([(await first).status, (await second).status]).toEqual([500, 500]);
    expect(calls.count).toBe(1);
    failing = false;
    expect((await handler(delivery(body))).status).toBe(200);
    expect(calls.count).toBe(2);
  });

  it("with deliveryStore: false, calls the application for every delivery, concurrent or not", async () => {
    const gate = deferred();
    const { handler, calls } = countingHandler({ deliveryStore: false }, () => gate.promise);
    const body = bodyAt(NOW);
    const both = Promise.all([handler(delivery(body)), handler(delivery(body))]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    gate.resolve();
    expect((await both).map((response) => response.status)).toEqual([200, 200]);
    expect((await handler(delivery(body))).status).toBe(200);
    expect(calls.count).toBe(3);
  });

  it("names a delivery by its verified signature and keeps it for twice the window, in the store it is given", async () => {
    const seen = new Map<string, number>();
    // A class, as a Redis-backed store would be: its methods are called with their `this`.
    class RecordingStore implements WebhookDeliveryStore {
      readonly entries = seen;
      has(id: string) {
        return Promise.resolve(this.entries.has(id));
      }
      add(id: string, ttlMs: number) {
        this.entries.set(id, ttlMs);
        return Promise.resolve();
      }
    }
    const body = bodyAt(NOW);
    const { handler, calls } = countingHandler({ deliveryStore: new RecordingStore() });
    await handler(delivery(body));
    await handler(delivery(body));
    expect(calls.count).toBe(1);
    expect([...seen]).toEqual([[signBody(app.secret, body), 1_200_000]]);

    const ttls: number[] = [];
    const store: WebhookDeliveryStore = { has: () => false, add: (_, ttlMs) => void ttls.push(ttlMs) };
    await countingHandler({ deliveryStore: store, maxAgeMs: 60_000 }).handler(delivery(body));
    await countingHandler({ deliveryStore: store, maxAgeMs: false }).handler(delivery(body));
    expect(ttls).toEqual([120_000, 1_200_000]);
  });

  it("answers 500 when the store fails, and tells onError: a delivery is not run unless the store could be asked", async () => {
    const body = bodyAt(NOW);
    const down = new Error("store unreachable");
    const failingHas = countingHandler({ deliveryStore: { has: () => Promise.reject(down), add: () => {} } });
    expect((await failingHas.handler(delivery(body))).status).toBe(500);
    expect(failingHas.calls).toEqual({ count: 0, errors: [down] });
    const failingAdd = countingHandler({ deliveryStore: { has: () => false, add: () => Promise.reject(down) } });
    expect((await failingAdd.handler(delivery(body))).status).toBe(500);
    expect(failingAdd.calls).toEqual({ count: 1, errors: [down] });
  });

  it("refuses a deliveryStore without has and add with a PusherConfigError naming it", () => {
    const onEvent = () => {};
    for (const deliveryStore of [null, true, {}, { has: () => false }, { add: () => {} }, "redis"]) {
      expect(configErrorOf(() => createWebhookHandler({ credentials: app, onEvent, deliveryStore: deliveryStore as never }))).toBe(
        "deliveryStore",
      );
    }
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("trap");
        },
      },
    );
    expect(configErrorOf(() => createWebhookHandler({ credentials: app, onEvent, deliveryStore: hostile as never }))).toBe("deliveryStore");
  });
});

describe("createMemoryDeliveryStore: bounded by count and by age", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("stays bounded under 100,000 distinct deliveries: only the latest maxEntries are remembered", () => {
    const store = createMemoryDeliveryStore(10_000);
    const ids = Array.from({ length: 100_000 }, (_, index) => signBody(app.secret, String(index)));
    for (const id of ids) store.add(id, 1_200_000);
    const remembered = ids.filter((id) => store.has(id));
    expect(remembered).toEqual(ids.slice(-10_000));
  });

  it("remembers 10,000 deliveries by default, the handler's too: the oldest is forgotten first", async () => {
    const store = createMemoryDeliveryStore();
    for (let index = 0; index <= 10_000; index++) store.add(`id-${index}`, 1_000);
    expect([store.has("id-0"), store.has("id-1"), store.has("id-10000")]).toEqual([false, true, true]);
    // Re-adding an id makes it the newest again.
    store.add("id-1", 1_000);
    store.add("id-10001", 1_000);
    expect([store.has("id-1"), store.has("id-2")]).toEqual([true, false]);

    const { handler, calls } = countingHandler();
    const bodies = Array.from({ length: 10_001 }, (_, index) => bodyAt(NOW, `room-${index}`));
    for (const body of bodies) await handler(delivery(body));
    expect(calls.count).toBe(10_001);
    await handler(delivery(bodies[0]!));
    await handler(delivery(bodies[10_000]!));
    expect(calls.count).toBe(10_002);
  }, 60_000);

  it("forgets a delivery once its ttl has passed", () => {
    const store = createMemoryDeliveryStore(5);
    store.add("a", 1_000);
    vi.setSystemTime(NOW + 999);
    expect(store.has("a")).toBe(true);
    vi.setSystemTime(NOW + 1_000);
    expect(store.has("a")).toBe(false);
    store.add("b", 1_000);
    expect([store.has("a"), store.has("b"), store.has("never added")]).toEqual([false, true, false]);
  });

  it("refuses a maxEntries that is not a positive integer with a PusherConfigError naming it", () => {
    for (const maxEntries of [0, 1.5, -1, Number.NaN, "10" as never])
      expect(configErrorOf(() => createMemoryDeliveryStore(maxEntries))).toBe("maxEntries");
  });
});
