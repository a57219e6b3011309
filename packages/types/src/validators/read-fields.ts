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
  if (typeof value !== "object" || value === null) return undefined;
  const fields: Partial<Record<K, unknown>> = {};
  try {
    // Every name is set on the copy (undefined when not read), so that the copy does not
    // inherit a value planted on Object.prototype either.
    for (const key of keys) fields[key] = readField(value, key);
  } catch {
    return undefined;
  }
  return fields;
}

/**
 * Reads one property of an argument object as {@link readFields} reads each: a name that
 * Object.prototype has is read only as the object's own (what is inherited from there was planted
 * by a polluting merge); any other is read as usual, a class's accessors included. Whatever a
 * getter or a Proxy trap throws is thrown. For the checks that run on every call, where an
 * object literal of `readField`s is built several times faster than readFields' copy.
 *
 * @example
 * ```ts
 * const fields = { key: readField(credentials, "key"), secret: readField(credentials, "secret") };
 * ```
 */
export function readField(value: object, key: string): unknown {
  return Object.hasOwn(value, key) || !(key in Object.prototype) ? (value as Record<string, unknown>)[key] : undefined;
}
