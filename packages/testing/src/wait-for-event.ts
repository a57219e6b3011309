import { inspect } from "node:util";
import type { EventMatch, RecordedEvent } from "./types.js";

type Matcher = EventMatch | ((event: RecordedEvent) => boolean);

interface Waiter {
  matcher: Matcher;
  resolve(event: RecordedEvent): void;
  reject(error: Error): void;
}

const LISTED = 20;
const show = (value: unknown) => inspect(value, { depth: 6, breakLength: Infinity });

function parse(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

/** Where `actual` differs from the deep-partial `expected`, one line per difference. */
function differences(expected: unknown, actual: unknown, path: string): string[] {
  if (typeof expected === "object" && expected !== null) {
    if (typeof actual !== "object" || actual === null || Array.isArray(expected) !== Array.isArray(actual)) {
      return [`${path}: expected ${show(expected)}, received ${show(actual)}`];
    }
    if (Array.isArray(expected) && Array.isArray(actual) && expected.length !== actual.length) {
      return [`${path}: expected ${expected.length} items, received ${actual.length}: ${show(actual)}`];
    }
    const got = actual as Record<string, unknown>;
    return Object.entries(expected).flatMap(([key, value]) => differences(value, got[key], `${path}.${key}`));
  }
  return Object.is(expected, actual) ? [] : [`${path}: expected ${show(expected)}, received ${show(actual)}`];
}

/** Why `event` does not match: empty when it does. */
export function mismatches(matcher: Matcher, event: RecordedEvent): string[] {
  if (typeof matcher === "function") return matcher(event) ? [] : ["the predicate returned false"];
  const found: string[] = [];
  for (const field of ["channel", "name", "socketId"] as const) {
    if (matcher[field] !== undefined && matcher[field] !== event[field]) {
      found.push(`${field}: expected ${show(matcher[field])}, received ${show(event[field])}`);
    }
  }
  const { data } = matcher;
  if (typeof data === "function") {
    if (!(data as (value: unknown) => boolean)(parse(event.data))) found.push("data: the predicate returned false");
  } else if (typeof data === "string") {
    if (data !== event.data) found.push(`data: expected ${show(data)}, received ${show(event.data)}`);
  } else if (data !== undefined) {
    found.push(...differences(data, parse(event.data), "data"));
  }
  return found;
}

function describeMiss(matcher: Matcher, events: readonly RecordedEvent[], timeoutMs: number): string {
  const wanted = typeof matcher === "function" ? "a predicate" : show(matcher);
  const lines = [`waitForEvent: no event matched ${wanted} within ${timeoutMs} ms.`];
  lines.push(events.length === 0 ? "Received no events." : `Received ${events.length} event${events.length === 1 ? "" : "s"}:`);
  events.slice(0, LISTED).forEach((event, index) => {
    lines.push(`  ${index + 1}. channel ${show(event.channel)}, name ${show(event.name)}, data ${show(event.data)}`);
    for (const line of mismatches(matcher, event)) lines.push(`       - ${line}`);
  });
  if (events.length > LISTED) lines.push(`  … and ${events.length - LISTED} more`);
  return lines.join("\n");
}

/** `waitForEvent` over a live list of events, told of each new one by `notify`. */
export function createEventWaiters(events: readonly RecordedEvent[]) {
  const waiters = new Set<Waiter>();
  return {
    notify(event: RecordedEvent): void {
      for (const waiter of waiters) {
        if (mismatches(waiter.matcher, event).length === 0) waiter.resolve(event);
      }
    },
    wait(matcher: Matcher, { timeoutMs = 2_000 }: { timeoutMs?: number } = {}): Promise<RecordedEvent> {
      if ((typeof matcher !== "object" || matcher === null) && typeof matcher !== "function") {
        return Promise.reject(new TypeError("waitForEvent: pass { channel?, name?, data?, socketId? } or a predicate"));
      }
      const found = events.find((event) => mismatches(matcher, event).length === 0);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => waiter.reject(new Error(describeMiss(matcher, events, timeoutMs))), timeoutMs);
        const settle = () => {
          clearTimeout(timer);
          waiters.delete(waiter);
        };
        const waiter: Waiter = {
          matcher,
          resolve: (event) => (settle(), resolve(event)),
          reject: (error) => (settle(), reject(error)),
        };
        waiters.add(waiter);
      });
    },
    cancel(reason: string): void {
      for (const waiter of waiters) waiter.reject(new Error(reason));
    },
  };
}
