/**
 * Reads the named properties of an argument object once, into a plain object; `undefined` when
 * the argument is not an object, or when reading it throws (a getter, a Proxy trap). Checking
 * the copy and then using it means that a getter cannot answer one thing to the check and
 * another to the use, and that a hostile object ends in the caller's typed error rather than in
 * whatever it threw.
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
    for (const key of keys) fields[key] = (value as Record<K, unknown>)[key];
  } catch {
    return undefined;
  }
  return fields;
}
