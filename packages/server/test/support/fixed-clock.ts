import { afterEach, vi } from "vitest";

/**
 * Fixes `Date.now()` at a Unix time in seconds for the rest of the test, so that request
 * signatures (which include `auth_timestamp`, docs/protocol.md §2) can be compared. Only `Date` is
 * faked: timers stay real, so the HTTP client's timeouts behave as in production.
 */
export function fixClock(unixSeconds: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(unixSeconds * 1000);
}

afterEach(() => {
  vi.useRealTimers();
});
