/**
 * Reads the named properties of an argument once, into a plain object to check and then use (a getter cannot answer the
 * check one thing and the use another); `undefined` when the argument is not an object or reading it throws. A name that
 * `Object.prototype` has is read only as the object's own: a value planted there by a polluting merge never becomes an
 * option. A class's accessors read as usual.
 */
export function readFields<K extends string>(value: unknown, keys: readonly K[]): Partial<Record<K, unknown>> | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const fields: Partial<Record<K, unknown>> = {};
  try {
    // Every key is set, undefined when absent, so that the copy inherits nothing planted either.
    for (const key of keys) fields[key] = readOne(value, key);
  } catch {
    return undefined;
  }
  return fields;
}

/** `read(value)` for an object; `undefined` for anything else, or when `read` throws. @deprecated Use {@link readFields}. */
export function readObject<T>(value: unknown, read: (value: object) => T): T | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  try {
    return read(value);
  } catch {
    return undefined;
  }
}

/** One property, read as {@link readFields} reads each; throws what a getter throws. @deprecated Use {@link readFields}. */
export function readField(value: object, key: string): unknown {
  return readOne(value, key);
}

function readOne(value: object, key: string): unknown {
  return Object.hasOwn(value, key) || !(key in Object.prototype) ? (value as Record<string, unknown>)[key] : undefined;
}

/** Whether `value` is an object as JSON means it: not `null`, not an array. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
