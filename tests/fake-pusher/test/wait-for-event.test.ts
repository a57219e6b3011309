// waitForEvent: matching, and a failure that says what was received instead, as a plain Error that
// any test framework reports.
import { describe, expect, it } from "vitest";
import { useFakes } from "./support/fakes.js";
import { sdks } from "./support/sdks.js";

const start = useFakes();

describe("waitForEvent", () => {
  it("resolves with an event already recorded, and with one to come", async () => {
    const fake = await start();
    const [official, ours] = sdks(fake);
    await official!.trigger("orders", "created", { id: 1 });
    expect(await fake.waitForEvent({ channel: "orders", name: "created" })).toMatchObject({ data: '{"id":1}', requestId: 1 });
    const next = fake.waitForEvent({ name: "updated" });
    await ours!.trigger("orders", "updated", { id: 1, status: "paid" });
    expect(await next).toMatchObject({ channel: "orders", name: "updated", requestId: 2 });
  });

  it("matches data as a deep-partial object, an exact string, a predicate, and socketId", async () => {
    const fake = await start();
    const [sdk] = sdks(fake);
    await sdk!.trigger("orders", "created", { id: 7, items: [{ sku: "a", qty: 2 }], customer: { name: "Ada", tier: "gold" } });
    await sdk!.trigger("orders", "created", "plain", { socketId: "1.2" });
    expect((await fake.waitForEvent({ data: { customer: { name: "Ada" }, items: [{ sku: "a" }] } })).requestId).toBe(1);
    expect((await fake.waitForEvent({ data: "plain" })).requestId).toBe(2);
    expect((await fake.waitForEvent({ data: (data: unknown) => (data as { id?: number }).id === 7 })).requestId).toBe(1);
    expect((await fake.waitForEvent({ socketId: "1.2" })).data).toBe("plain");
    expect((await fake.waitForEvent((event) => event.data.length === 5)).requestId).toBe(2);
    await expect(fake.waitForEvent({ data: { items: [] } }, { timeoutMs: 20 })).rejects.toThrow("data.items: expected 0 items, received 1");
  });

  it("rejects after timeoutMs with a plain Error listing each event received and how it differs", async () => {
    const fake = await start();
    const [sdk] = sdks(fake);
    await sdk!.trigger("orders", "updated", { id: 7 });
    await sdk!.trigger("users", "created", { id: 7 });
    const error = await fake
      .waitForEvent({ channel: "orders", name: "created", data: { id: 8 } }, { timeoutMs: 30 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(Object.getPrototypeOf(error)).toBe(Error.prototype);
    expect((error as Error).message).toBe(
      [
        "waitForEvent: no event matched { channel: 'orders', name: 'created', data: { id: 8 } } within 30 ms.",
        "Received 2 events:",
        `  1. channel 'orders', name 'updated', data '{"id":7}'`,
        "       - name: expected 'created', received 'updated'",
        "       - data.id: expected 8, received 7",
        `  2. channel 'users', name 'created', data '{"id":7}'`,
        "       - channel: expected 'orders', received 'users'",
        "       - data.id: expected 8, received 7",
      ].join("\n"),
    );
  });

  it("says so when nothing was received, lists at most 20 events, and names a failed predicate", async () => {
    const fake = await start();
    await expect(fake.waitForEvent({ name: "x" }, { timeoutMs: 10 })).rejects.toThrow(/within 10 ms\.\nReceived no events\.$/);
    await sdks(fake)[0]!.trigger(
      Array.from({ length: 22 }, (_, i) => `c${i}`),
      "e",
      "d",
    );
    const message = await fake.waitForEvent(() => false, { timeoutMs: 10 }).catch((error: Error) => error.message);
    expect(message).toMatch(/^waitForEvent: no event matched a predicate within 10 ms\.\nReceived 22 events:/);
    expect(message).toMatch(/ {2}20\. channel 'c19'.*\n {7}- the predicate returned false\n {2}… and 2 more$/);
  });

  it("rejects when the fake closes, and refuses a matcher that is neither an object nor a function", async () => {
    const fake = await start();
    const pending = fake.waitForEvent({ name: "never" }, { timeoutMs: 60_000 });
    await fake.close();
    await expect(pending).rejects.toThrow("waitForEvent: the fake Pusher was closed");
    await expect(fake.waitForEvent("created" as never)).rejects.toThrow(TypeError);
  });
});
