import { afterEach } from "vitest";
import { startFakePusher, type FakePusher, type FakePusherOptions } from "../../src/index.js";

/** A `startFakePusher` whose fakes are all closed after each test. */
export function useFakes(): (options?: FakePusherOptions) => Promise<FakePusher> {
  const started: FakePusher[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((fake) => fake.close()));
  });
  return async (options) => {
    const fake = await startFakePusher(options);
    started.push(fake);
    return fake;
  };
}
