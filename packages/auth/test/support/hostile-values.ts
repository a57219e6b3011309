// fast-check generators of hostile values for the auth fuzz and property tests: anything
// JavaScript can hold (BigInt, boxed values, null-prototype objects, typed and sparse arrays...),
// and the objects that break naive code: getters and Proxy traps that throw, revoked Proxies,
// cycles, `toJSON` that throws, nesting too deep for JSON.stringify, non-callable `toString`.
import fc from "fast-check";

/** What every hostile object throws: a message a test can look for, never a secret. */
export const HOSTILE_MESSAGE = "hostile value says boom";

function boom(): never {
  throw new Error(HOSTILE_MESSAGE);
}

/** Fresh hostile objects, one factory per kind, named for the tests that list them. */
export const HOSTILE_FACTORIES: Record<string, () => unknown> = {
  "an object whose getter throws": () => Object.defineProperty({}, "presenceData", { enumerable: true, get: boom }),
  "a Proxy whose every trap throws": () =>
    new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom }),
  "a Proxy that throws on everything but then": () =>
    new Proxy({}, { get: (_, key) => (key === "then" ? undefined : boom()), ownKeys: boom, getOwnPropertyDescriptor: boom }),
  "a revoked Proxy": () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  },
  "a cycle": () => {
    const cycle: Record<string, unknown> = { user_id: "1", id: "1" };
    cycle.user_info = { cycle };
    return cycle;
  },
  "an object whose toJSON throws": () => ({ user_id: "1", id: "1", toJSON: boom }),
  "an object with a BigInt in user_info": () => ({ user_id: "1", id: "1", user_info: { n: 1n } }),
  "an object with non-callable toString and valueOf": () => ({ toString: 0, valueOf: 0 }),
  "nesting 20,000 levels deep": () => {
    let nested: unknown = {};
    for (let depth = 0; depth < 20_000; depth++) nested = { user_info: nested };
    return { user_id: "1", id: "1", user_info: nested };
  },
  "a function": () => () => true,
  "a symbol": () => Symbol("hostile"),
};

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

/**
 * Where a hostile object goes in a generated value. fast-check inspects what it generates (and a
 * revoked Proxy cannot even be asked whether it has a property), so generated values hold these
 * seeds, and {@link materialize} turns them into fresh hostile objects inside the property.
 */
export class HostileSeed {
  constructor(
    readonly kind: string,
    readonly make: () => unknown,
  ) {}
}

/** A seed of one of the hostile objects. */
export const hostileObject = fc.constantFrom(...Object.entries(HOSTILE_FACTORIES)).map(([kind, make]) => new HostileSeed(kind, make));

/** Seeds of the hostile objects JSON.stringify throws on: nothing that holds one can be signed. */
export const unserializableObject = fc
  .constantFrom(...Object.entries(HOSTILE_FACTORIES).filter(([kind]) => !["an object with non-callable toString and valueOf", "a function", "a symbol"].includes(kind)))
  .map(([kind, make]) => new HostileSeed(kind, make));

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

/** Anything, hostile objects included. */
export const anyOrHostile = fc.oneof(anyValue, hostileObject);

/**
 * `value` with one of its fields replaced by anything (or hostile), removed, or joined by an
 * extra field: an input one mistake away from a valid one.
 */
export function mutated<T extends Record<string, unknown>>(value: T): fc.Arbitrary<unknown> {
  const keys = Object.keys(value);
  return fc.oneof(
    fc.constant(value),
    fc.tuple(fc.constantFrom(...keys), anyOrHostile).map(([key, replacement]) => ({ ...value, [key]: replacement })),
    fc.constantFrom(...keys).map((key) => {
      const copy: Record<string, unknown> = { ...value };
      delete copy[key];
      return copy;
    }),
    fc.tuple(fc.string(), anyValue).map(([key, extra]) => ({ ...value, [key]: extra })),
  );
}

/** Every string an error could carry: its message, its stack and its own fields. */
export function errorText(error: unknown): string {
  if (typeof error !== "object" || error === null) return String(error);
  const { message, stack } = error as Error;
  return `${String(message)}\n${String(stack)}\n${JSON.stringify(error)}`;
}
