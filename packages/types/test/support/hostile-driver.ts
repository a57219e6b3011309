// What a hostile-input driver script shares (test/hostile/drive-*.ts of @x/auth and @x/webhooks,
// which import this file by its relative path): the shape of a case and of its result, and the
// loop that runs the cases one after the other and prints the summary that
// run-hostile-driver.ts reads back. The script runs in a child process started with
// `node --unhandled-rejections=strict`: any rejection nobody handles ends it with a non-zero code.
import { HOSTILE_FACTORIES, boom } from "./hostile-values.js";

/** One request of a hostile run, and the status it must get. */
export interface HostileCase {
  group: string;
  name: string;
  expected: number;
  run: () => Promise<Response>;
}

/** What a case got: its status, or "threw" when the handler's promise rejected. */
export interface CaseResult {
  group: string;
  name: string;
  expected: number;
  status: number | "threw";
  elapsedMs: number;
}

/** The one JSON line a driver prints last. */
export interface HostileRunSummary<R extends CaseResult> {
  node: string;
  requests: number;
  elapsedMs: number;
  results: R[];
}

/**
 * Every kind of `onError` a handler may be given, by name: none, one that logs, and loggers that
 * fail in every way (throwing, rejecting now or later, returning a value whose `then` throws).
 * Whatever they do, the handler's answer must not change and nothing may go unhandled.
 */
export const ON_ERRORS: Record<string, ((error: unknown, request: Request) => void | Promise<void>) | undefined> = {
  "no onError": undefined,
  "an onError that logs": () => undefined,
  "an onError that throws": boom,
  "an onError that rejects": () => Promise.reject(new Error("logger down")),
  "an onError that rejects later": () => new Promise((_, reject) => setTimeout(() => reject(new Error("logger down later")), 5)),
  "an onError that returns a hostile thenable": () => HOSTILE_FACTORIES["a Proxy whose every trap throws"]!() as never,
  "an onError that throws a revoked Proxy": () => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a careless logger may throw
    throw HOSTILE_FACTORIES["a revoked Proxy"]!();
  },
};

/**
 * An endless request body of 1 KiB strings rather than bytes, as a hand-made stream (an adapter,
 * a test) may hold: the size limit must stop it as soon as it starts, or memory grows until the
 * process dies.
 */
export function endlessStringStream(): ReadableStream<Uint8Array> {
  const chunk = "x".repeat(1024);
  return new ReadableStream<string>({ pull: (controller) => controller.enqueue(chunk) }) as unknown as ReadableStream<Uint8Array>;
}

/**
 * Runs `cases` in order and prints their {@link HostileRunSummary} as one JSON line. `observe` is
 * called before each case and returns what to add to its result once it is answered, from the
 * response's body (empty when the handler threw).
 */
export async function runCases<D extends object>(cases: readonly HostileCase[], observe: () => (body: string) => D): Promise<void> {
  const results: (CaseResult & D)[] = [];
  const started = performance.now();
  for (const { group, name, expected, run } of cases) {
    const finish = observe();
    const caseStarted = performance.now();
    let status: number | "threw";
    let body = "";
    try {
      const response = await run();
      status = response.status;
      body = await response.text();
    } catch {
      status = "threw";
    }
    const elapsedMs = Math.round(performance.now() - caseStarted);
    results.push({ group, name, expected, status, elapsedMs, ...finish(body) });
  }
  const elapsedMs = Math.round(performance.now() - started);
  // Let late rejections (an onError that rejects after the answer, a stray timer) surface: with
  // --unhandled-rejections=strict they end the process before the summary is printed.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const summary: HostileRunSummary<CaseResult & D> = { node: process.version, requests: results.length, elapsedMs, results };
  console.log(JSON.stringify(summary));
}
