// Hostile values for the tests of every package that takes input from applications or the network
// (@x/types' validators, @x/auth, @x/webhooks; the last two import this file by its relative
// path): anything JavaScript can hold (BigInt, boxed values, null-prototype objects, typed and
// sparse arrays...), and the objects that break naive code: getters and Proxy traps that throw,
// revoked Proxies, cycles, `toJSON` that throws, nesting too deep for JSON.stringify, non-callable
// `toString`, a detached ArrayBuffer. fast-check inspects what it generates, and some of these
// cannot even be inspected, so generated values hold seeds that `materialize` turns into fresh
// hostile objects inside the property.
import fc from "fast-check";

/** What every hostile object throws: a message a test can look for, never a secret. */
export const HOSTILE_MESSAGE = "hostile value says boom";

/** Throws an Error whose message is {@link HOSTILE_MESSAGE}. */
export function boom(): never {
  throw new Error(HOSTILE_MESSAGE);
}

// Every field the SDK's functions read from an argument: an object whose getters all throw breaks
// whichever of them is read first.
const READ_FIELDS = ["presenceData", "userData", "socketId", "channelName", "user_id", "id", "body", "signature", "key", "secret"];

/** Fresh hostile objects, one factory per kind, named for the tests that list them. */
export const HOSTILE_FACTORIES: Record<string, () => unknown> = {
  "an object whose every getter throws": () =>
    Object.defineProperties({}, Object.fromEntries(READ_FIELDS.map((field) => [field, { enumerable: true, get: boom }]))),
  "a Proxy whose every trap throws": () =>
    new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom }),
  "a Proxy whose get trap alone throws": () => new Proxy({ user_id: "1", id: "1" }, { get: boom }),
  "a Proxy that throws on everything but then": () =>
    new Proxy({}, { get: (_, key) => (key === "then" ? undefined : boom()), ownKeys: boom, getOwnPropertyDescriptor: boom }),
  "an array Proxy whose every trap throws": () => new Proxy([], { get: boom, has: boom, ownKeys: boom }),
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
  "a BigInt": () => 1n,
  "an object with a BigInt in user_info": () => ({ user_id: "1", id: "1", user_info: { n: 1n } }),
  "an object with non-callable toString and valueOf": () => ({ toString: 0, valueOf: 0 }),
  "nesting 20,000 levels deep": () => {
    let nested: unknown = {};
    for (let depth = 0; depth < 20_000; depth++) nested = { user_info: nested };
    return { user_id: "1", id: "1", user_info: nested };
  },
  "a detached ArrayBuffer": () => {
    const buffer = new ArrayBuffer(8);
    structuredClone(buffer, { transfer: [buffer] });
    return buffer;
  },
  "a function": () => () => true,
  "a function that throws": () => boom,
  "a function that returns a BigInt": () => () => 1n,
  "a symbol": () => Symbol("hostile"),
};

function throwsOnStringify(make: () => unknown): boolean {
  try {
    JSON.stringify(make());
    return false;
  } catch {
    return true;
  }
}

/**
 * The factories of the hostile values JSON.stringify throws on, as `[kind, factory]` pairs:
 * nothing that holds one can be serialized, so nothing that holds one can be signed.
 */
export const UNSERIALIZABLE_FACTORIES: [string, () => unknown][] = Object.entries(HOSTILE_FACTORIES).filter(([, make]) =>
  throwsOnStringify(make),
);

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

/** Where a hostile object goes in a generated value. */
export class HostileSeed {
  constructor(
    readonly kind: string,
    readonly make: () => unknown,
  ) {}
}

/** A seed of one of the hostile objects. */
export const hostileObject = fc.constantFrom(...Object.entries(HOSTILE_FACTORIES)).map(([kind, make]) => new HostileSeed(kind, make));

/** Seeds of the hostile objects JSON.stringify throws on. */
export const unserializableObject = fc.constantFrom(...UNSERIALIZABLE_FACTORIES).map(([kind, make]) => new HostileSeed(kind, make));

/** Anything, hostile objects included. */
export const anyOrHostile = fc.oneof(anyValue, hostileObject);

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

/**
 * `value` with one of its fields replaced by anything (or hostile), removed, or joined by an
 * extra field: an input one mistake away from a valid one.
 */
export function mutated<T extends Record<string, unknown>>(value: T): fc.Arbitrary<unknown> {
  const keys = Object.keys(value);
  return fc.oneof(
    fc.constant(value),
    fc.tuple(fc.constantFrom(...keys), anyOrHostile).map(([key, replacement]) => ({ ...value, [key]: replacement })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(value).filter(([name]) => name !== key))),
    fc.tuple(fc.string(), anyValue).map(([key, extra]) => ({ ...value, [key]: extra })),
  );
}

/** Every string an error could carry: its message, its stack and its own fields. */
export function errorText(error: unknown): string {
  if (typeof error !== "object" || error === null) return String(error);
  const { message, stack } = error as Error;
  return `${String(message)}\n${String(stack)}\n${JSON.stringify(error)}`;
}

/** Whether resolving a promise with `value` fails: reading its `then` throws. */
export function thenThrows(value: unknown): boolean {
  try {
    void (value as { then?: unknown } | null | undefined)?.then;
    return false;
  } catch {
    return true;
  }
}
