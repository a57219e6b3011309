// fast-check generators of hostile values for the webhook fuzz tests: anything JavaScript can
// hold, and the objects that break naive code (getters and Proxy traps that throw, revoked
// Proxies, non-callable toString, a detached ArrayBuffer). fast-check inspects what it generates,
// and some of these cannot even be inspected, so generated values hold seeds that `materialize`
// turns into fresh hostile objects inside the property.
import fc from "fast-check";

/** What every hostile object throws: a message a test can look for, never a secret. */
export const HOSTILE_MESSAGE = "hostile value says boom";

function boom(): never {
  throw new Error(HOSTILE_MESSAGE);
}

const HOSTILE_FACTORIES: Record<string, () => unknown> = {
  "an object whose getters throw": () =>
    Object.defineProperties({}, { body: { get: boom }, signature: { get: boom }, key: { get: boom }, secret: { get: boom } }),
  "a Proxy whose every trap throws": () =>
    new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom }),
  "an array Proxy whose every trap throws": () => new Proxy([], { get: boom, has: boom, ownKeys: boom }),
  "a revoked Proxy": () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  },
  "an object with non-callable toString and valueOf": () => ({ toString: 0, valueOf: 0 }),
  "a detached ArrayBuffer": () => {
    const buffer = new ArrayBuffer(8);
    structuredClone(buffer, { transfer: [buffer] });
    return buffer;
  },
  "a function that throws": () => boom,
  "a function that returns a BigInt": () => () => 1n,
  "a symbol": () => Symbol("hostile"),
};

/** Where a hostile object goes in a generated value. */
export class HostileSeed {
  constructor(
    readonly kind: string,
    readonly make: () => unknown,
  ) {}
}

/** Any value fast-check can make, with every optional kind turned on. */
export const anyValue = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
});

/** A seed of one of the hostile objects. */
export const hostileObject = fc.constantFrom(...Object.entries(HOSTILE_FACTORIES)).map(([kind, make]) => new HostileSeed(kind, make));

/** Anything, hostile objects included. */
export const anyOrHostile = fc.oneof(anyValue, hostileObject);

/** `value` with one field replaced by anything (or hostile), removed, or joined by an extra one. */
export function mutated<T extends Record<string, unknown>>(value: T): fc.Arbitrary<unknown> {
  const keys = Object.keys(value);
  return fc.oneof(
    fc.constant(value),
    fc.tuple(fc.constantFrom(...keys), anyOrHostile).map(([key, replacement]) => ({ ...value, [key]: replacement })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(value).filter(([name]) => name !== key))),
    fc.tuple(fc.string(), anyValue).map(([key, extra]) => ({ ...value, [key]: extra })),
  );
}

/** A copy of `value` with every seed in it, in plain objects and arrays, replaced by its hostile object. */
export function materialize(value: unknown): unknown {
  if (value instanceof HostileSeed) return value.make();
  if (Array.isArray(value)) return value.map(materialize);
  if (typeof value !== "object" || value === null) return value;
  // fast-check's records and objects come with Object.prototype or with none.
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy = Object.fromEntries(Object.entries(value).map(([key, field]) => [key, materialize(field)]));
  return prototype === null ? Object.setPrototypeOf(copy, null) : copy;
}

/** Every string an error could carry: its message, its stack and its own fields. */
export function errorText(error: unknown): string {
  if (typeof error !== "object" || error === null) return String(error);
  const { message, stack } = error as Error;
  return `${String(message)}\n${String(stack)}\n${JSON.stringify(error)}`;
}
