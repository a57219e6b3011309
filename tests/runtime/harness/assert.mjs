// The assertions of the portable cases. Not vitest's `expect`: the cases also run inside workerd,
// where no test framework exists, so they get this small set that every runtime can execute.

/** A failed assertion: the runner reports its message against the case that threw it. */
export class AssertionError extends Error {
  /** @override */
  name = "AssertionError";
}

/**
 * Renders a value for a failure message: strings quoted, byte arrays as lists.
 * @param {unknown} value
 * @returns {string}
 */
function show(value) {
  if (value instanceof Uint8Array) return `Uint8Array [${value.join(", ")}]`;
  if (typeof value === "string") return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Fails unless `actual === expected`.
 * @param {unknown} actual
 * @param {unknown} expected
 * @param {string} what the thing compared, for the failure message
 * @example
 * assertEqual(md5Hex("{}"), "99914b932bd37a50b983c5e7c90ae93b", "md5 of {}");
 */
export function assertEqual(actual, expected, what) {
  if (actual !== expected) throw new AssertionError(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

/**
 * True when two values have the same structure: plain objects and arrays compared member by
 * member, byte arrays byte by byte, everything else with `Object.is`.
 * @param {unknown} a
 * @param {unknown} b
 * @returns {boolean}
 */
function deepEqual(a, b) {
  if (Object.is(a, b)) return true;
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((byte, i) => byte === b[i]);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b) || a instanceof Uint8Array || b instanceof Uint8Array) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every(
      (key) =>
        Object.hasOwn(b, key) &&
        deepEqual(/** @type {Record<string, unknown>} */ (a)[key], /** @type {Record<string, unknown>} */ (b)[key]),
    )
  );
}

/**
 * Fails unless `actual` and `expected` have the same structure (see {@link deepEqual}).
 * @param {unknown} actual
 * @param {unknown} expected
 * @param {string} what
 * @example
 * assertDeepEqual(await response.json(), { auth: "key:…" }, "body");
 */
export function assertDeepEqual(actual, expected, what) {
  if (!deepEqual(actual, expected)) throw new AssertionError(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

/**
 * Fails unless `condition` is true.
 * @param {boolean} condition
 * @param {string} what the property that should hold
 * @example
 * assertTrue(signature.length === 64, "a signature was sent");
 */
export function assertTrue(condition, what) {
  if (condition !== true) throw new AssertionError(`${what}: expected true, got ${show(condition)}`);
}

/**
 * @typedef {object} ExpectedError
 * @property {string} [name] the error's `name`, e.g. "PusherValidationError"
 * @property {string} [code] the error's stable `code`
 * @property {string} [field] the offending field of a validation error
 */

/**
 * Checks a caught error against what was expected of it.
 * @param {unknown} error
 * @param {ExpectedError} expected
 * @param {string} what
 * @returns {Error}
 */
function checkError(error, expected, what) {
  if (!(error instanceof Error)) throw new AssertionError(`${what}: expected an Error, got ${show(error)}`);
  const actual = /** @type {Error & { code?: unknown, field?: unknown }} */ (error);
  if (expected.name !== undefined) assertEqual(actual.name, expected.name, `${what}: error name`);
  if (expected.code !== undefined) assertEqual(actual.code, expected.code, `${what}: error code`);
  if (expected.field !== undefined) assertEqual(actual.field, expected.field, `${what}: error field`);
  return error;
}

/**
 * Fails unless `fn` throws an error matching `expected`; returns that error for more checks.
 * @param {() => unknown} fn
 * @param {ExpectedError} expected
 * @param {string} what the call that should throw
 * @returns {Error}
 * @example
 * assertThrows(() => decodeMasterKey("bad"), { code: "invalid_config" }, "decodeMasterKey(bad)");
 */
export function assertThrows(fn, expected, what) {
  try {
    fn();
  } catch (error) {
    return checkError(error, expected, what);
  }
  throw new AssertionError(`${what}: expected an error, nothing was thrown`);
}

/**
 * Fails unless the promise `fn` returns rejects with an error matching `expected`.
 * @param {() => Promise<unknown>} fn
 * @param {ExpectedError} expected
 * @param {string} what the call that should reject
 * @returns {Promise<Error>}
 * @example
 * await assertRejects(() => client.trigger("bad name!", "e", 1), { code: "invalid_channel_name" }, "trigger");
 */
export async function assertRejects(fn, expected, what) {
  try {
    await fn();
  } catch (error) {
    return checkError(error, expected, what);
  }
  throw new AssertionError(`${what}: expected a rejection, the promise resolved`);
}
