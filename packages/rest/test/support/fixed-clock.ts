import { afterEach, vi } from "vitest";

/**
 * Fixes `Date.now()` at a Unix time in seconds for the rest of the test. Only `Date` is faked:
 * timers stay real, so ky's timeouts and retries behave as in production.
 */
export function fixClock(unixSeconds: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(unixSeconds * 1000);
}

afterEach(() => {
  vi.useRealTimers();
});
