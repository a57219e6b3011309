/**
 * Reads the named properties of an argument object once, into a plain object; `undefined` when
 * the argument is not an object, or when reading it throws (a getter, a Proxy trap). Checking
 * the copy and then using it means that a getter cannot answer one thing to the check and
 * another to the use, and that a hostile object ends in the caller's typed error rather than in
 * whatever it threw. Nothing is taken from `Object.prototype`: a value planted there by a
 * polluting merge (an `onUserAuthentication`, a `presenceData`) cannot become an option or a
 * decision; a class's own accessors are read as usual.
 *
 * @example
 * ```ts
 * const fields = readFields(params, ["socketId", "channelName"]);
 * if (fields === undefined) throw new PusherValidationError("invalid_params", "params", "params must be an object");
 * validateSocketId(fields.socketId);
 * ```
 */
export function readFields<K extends string>(value: unknown, keys: readonly K[]): Partial<Record<K, unknown>> | undefined {
  return readObject(value, (object) => {
    const fields: Partial<Record<K, unknown>> = {};
    // Every name is set on the copy (undefined when not read), so that the copy does not
    // inherit a value planted on Object.prototype either.
    for (const key of keys) fields[key] = readField(object, key);
    return fields;
  });
}

/**
 * Reads an argument with `read` when it is an object; `undefined` when it is not one, or when
 * reading it throws (a getter, a Proxy trap), so that a hostile object ends in the caller's typed
 * error rather than in whatever it threw. With a `read` that builds an object literal of
 * {@link readField}s, the checks that run on every call read their few fields several times
 * faster than {@link readFields}' generic copy.
 *
 * @example
 * ```ts
 * const readKeys = (value: object) => ({ key: readField(value, "key"), secret: readField(value, "secret") });
 * const fields = readObject(credentials, readKeys); // undefined, or { key, secret }
 * ```
 */
export function readObject<T>(value: unknown, read: (value: object) => T): T | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  try {
    return read(value);
  } catch {
    return undefined;
  }
}

/**
 * Reads one property of an argument object as {@link readFields} reads each: a name that
 * Object.prototype has is read only as the object's own (what is inherited from there was planted
 * by a polluting merge); any other is read as usual, a class's accessors included. Whatever a
 * getter or a Proxy trap throws is thrown: read through {@link readObject}, which catches it.
 *
 * @example
 * ```ts
 * const fields = readObject(credentials, (value) => ({ key: readField(value, "key"), secret: readField(value, "secret") }));
 * ```
 */
export function readField(value: object, key: string): unknown {
  return Object.hasOwn(value, key) || !(key in Object.prototype) ? (value as Record<string, unknown>)[key] : undefined;
}
