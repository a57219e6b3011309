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
    // A name that Object.prototype has is read only as the object's own: what is inherited from
    // there was planted by a polluting merge. Every name is set on the copy (undefined when not
    // read), so that the copy does not inherit the planted value either.
    for (const key of keys) {
      fields[key] = Object.hasOwn(value, key) || !(key in Object.prototype) ? (value as Record<K, unknown>)[key] : undefined;
    }
  } catch {
    return undefined;
  }
  return fields;
}
