import { positiveIntegerOption, readFields, requireOption } from "@x/types/internal";

/**
 * Where {@link createWebhookHandler} remembers the deliveries it processed: a replay or a retry of one is answered
 * 200 without calling back. The instances of a service share one (Redis, a database: see the README).
 * @example const deliveryStore: WebhookDeliveryStore = { has: (id) => seen.has(id), add: (id) => void seen.add(id) };
 */
export interface WebhookDeliveryStore {
  /** Tells whether the delivery `id` was processed. */
  has(id: string): boolean | Promise<boolean>;
  /** Remembers that the delivery `id` was processed, for `ttlMs` milliseconds. */
  add(id: string, ttlMs: number): void | Promise<void>;
}

/**
 * A {@link WebhookDeliveryStore} in this process's memory, bounded by count (the oldest id goes first) and by age:
 * the handler's default. Several instances of a service need a shared store instead.
 * @example const handler = createWebhookHandler({ credentials, deliveryStore: createMemoryDeliveryStore(100_000), onEvent });
 */
export function createMemoryDeliveryStore(maxEntries = 10_000) {
  positiveIntegerOption(maxEntries, "maxEntries");
  // A Map iterates in insertion order: the oldest ids come first, and go first.
  const expiries = new Map<string, number>();
  return {
    has: (id: string) => (expiries.get(id) ?? -Infinity) > Date.now(),
    add: (id: string, ttlMs: number) => {
      const now = Date.now();
      expiries.delete(id);
      expiries.set(id, now + ttlMs);
      for (const [oldest, expiry] of expiries) {
        if (expiries.size <= maxEntries && expiry > now) break;
        expiries.delete(oldest);
      }
    },
  };
}

/** The handler's `deliveryStore` option, checked: the default memory store, `undefined` when turned off. */
export function resolveDeliveryStore(store: unknown): WebhookDeliveryStore | undefined {
  if (store === false) return undefined;
  if (store === undefined) return createMemoryDeliveryStore();
  const { has, add } = readFields(store, ["has", "add"]) ?? {};
  requireOption(typeof has === "function" && typeof add === "function", "deliveryStore", "{ has(id), add(id, ttlMs) }, or false");
  // Called as methods, so that a class's `this` still works.
  return { has: (id) => has.call(store, id) as boolean, add: (id, ttlMs) => add.call(store, id, ttlMs) as void };
}
