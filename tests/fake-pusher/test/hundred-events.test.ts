// The speed a user's test file sees: start the fake, trigger 100 events, assert on them, close.
// The duration is printed into test-results/notes.txt (a figure, not a timed assertion).
import { Pusher } from "@x/server";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startFakePusher, type FakePusher } from "@x/testing";

const began = performance.now();
let fake: FakePusher;

beforeAll(async () => {
  fake = await startFakePusher();
});

afterAll(async () => {
  await fake.close();
  const ms = performance.now() - began;
  console.log(`@x/testing: start the fake, trigger 100 events through @x/server, assert on them, close: ${ms.toFixed(0)} ms`);
});

it("records 100 events triggered one after another, in order", async () => {
  const pusher = Pusher.fromUrl(fake.url);
  for (let n = 0; n < 100; n += 1) await pusher.trigger("orders", "created", { n });
  expect(fake.events.map((event) => JSON.parse(event.data) as { n: number })).toEqual(Array.from({ length: 100 }, (_, n) => ({ n })));
  expect(await fake.waitForEvent({ channel: "orders", data: { n: 99 } })).toMatchObject({ requestId: 100 });
});
