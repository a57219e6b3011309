import type { TestClient } from "tools-test-support";

/** The data of every end-to-end event: its index in its run and when its call was made (`performance.now()`). */
export interface StampedEvent {
  i: number;
  t: number;
}

/** What the clients received of one run. */
export interface RunDelivery {
  /** Deliveries counted: at most events × clients. */
  received: number;
  /** Events a client received more than once. */
  duplicates: number;
  /** Latency of each delivery, in ms: arrival at a client minus the stamp of its call. */
  latencies: Float64Array;
  /** When the last delivery arrived (`performance.now()`), or NaN if none did. */
  lastArrival: number;
}

// How long the clients may go without receiving anything before a run is declared incomplete.
const STALL_MS = 10_000;

/**
 * Listens on every client for the events of one run (`eventName` on `channelName`, `count` of
 * them, indices 0…count-1), checks each client sees each index exactly once, and resolves when
 * every client has every event, or when nothing has arrived for 10 s (the report then shows what
 * is missing). The clients live in this process, so their clock is the sender's.
 */
export function receiveRun(
  clients: readonly TestClient[],
  channelName: string,
  eventName: string,
  count: number,
): { done: Promise<RunDelivery> } {
  const seen = clients.map(() => new Uint8Array(count));
  const latencies = new Float64Array(count * clients.length);
  let received = 0;
  let duplicates = 0;
  let lastArrival = Number.NaN;
  const handlers = clients.map((client, index) => {
    const handler = (data: StampedEvent): void => {
      const now = performance.now();
      const flags = seen[index] as Uint8Array;
      if (flags[data.i] === 1) {
        duplicates++;
        return;
      }
      flags[data.i] = 1;
      latencies[received++] = now - data.t;
      lastArrival = now;
    };
    client.pusher.channel(channelName).bind(eventName, handler);
    return handler;
  });
  const done = new Promise<RunDelivery>((resolve) => {
    let lastCount = -1;
    let lastProgress = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      if (received !== lastCount) {
        lastCount = received;
        lastProgress = now;
      }
      if (received === latencies.length || now - lastProgress > STALL_MS) {
        clearInterval(timer);
        clients.forEach((client, index) => client.pusher.channel(channelName).unbind(eventName, handlers[index]));
        resolve({ received, duplicates, latencies: latencies.subarray(0, received), lastArrival });
      }
    }, 5);
  });
  return { done };
}
