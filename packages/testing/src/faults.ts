import type { Fault } from "./types.js";

interface Planned {
  fault: Fault;
  remaining: number;
  path: string | RegExp | undefined;
}

/** The faults `failNext` planned, taken in order by the requests they match. */
export interface Faults {
  plan(fault: Fault, options?: { times?: number; path?: string | RegExp }): void;
  take(path: string): Fault | undefined;
  clear(): void;
}

function checkFault(fault: unknown): asserts fault is Fault {
  if (typeof fault !== "object" || fault === null)
    throw new TypeError('failNext: pass { status }, { kind: "timeout" } or { kind: "reset" }');
  const { kind, status, retryAfter } = fault as Record<string, unknown>;
  if (kind !== undefined) {
    if (kind !== "timeout" && kind !== "reset") throw new TypeError(`failNext: unknown kind ${JSON.stringify(kind)}`);
  } else if (typeof status !== "number" || !Number.isInteger(status) || status < 100 || status > 599) {
    throw new TypeError(`failNext: status must be an HTTP status (100 to 599), got ${JSON.stringify(status)}`);
  } else if (retryAfter !== undefined && !(typeof retryAfter === "number" && Number.isInteger(retryAfter) && retryAfter >= 0)) {
    throw new TypeError(`failNext: retryAfter must be a whole number of seconds, got ${JSON.stringify(retryAfter)}`);
  }
}

export function createFaults(): Faults {
  const planned: Planned[] = [];
  return {
    plan(fault, { times = 1, path } = {}) {
      checkFault(fault);
      if (!Number.isInteger(times) || times < 1) throw new TypeError(`failNext: times must be a whole number from 1, got ${String(times)}`);
      planned.push({ fault, remaining: times, path });
    },
    take(path) {
      const index = planned.findIndex((entry) =>
        entry.path === undefined ? true : typeof entry.path === "string" ? path.includes(entry.path) : entry.path.test(path),
      );
      const entry = planned[index];
      if (entry === undefined) return undefined;
      entry.remaining -= 1;
      if (entry.remaining === 0) planned.splice(index, 1);
      return entry.fault;
    },
    clear: () => void planned.splice(0),
  };
}
