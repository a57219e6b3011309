/**
 * Values that JSON.stringify cannot serialize, each made fresh by its factory. Nothing here
 * throws anything mentioning a secret: the message is "boom", so a test can check it is dropped.
 */
export const hostileData: [string, () => unknown][] = [
  ["a BigInt", () => 1n],
  [
    "a cycle",
    () => {
      const cycle: Record<string, unknown> = {};
      cycle.self = cycle;
      return cycle;
    },
  ],
  [
    "a toJSON that throws",
    () => ({
      toJSON() {
        throw new Error("boom");
      },
    }),
  ],
  [
    "a getter that throws",
    () =>
      Object.defineProperty({}, "field", {
        enumerable: true,
        get() {
          throw new Error("boom");
        },
      }),
  ],
  [
    "a Proxy whose get trap throws",
    () =>
      new Proxy(
        { field: 1 },
        {
          get() {
            throw new Error("boom");
          },
        },
      ),
  ],
  [
    "a revoked Proxy",
    () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    },
  ],
  [
    "nesting 100,000 levels deep",
    () => {
      let nested: unknown = {};
      for (let depth = 0; depth < 100_000; depth++) nested = { nested };
      return nested;
    },
  ],
];
