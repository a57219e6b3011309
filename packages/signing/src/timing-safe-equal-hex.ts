const LOWERCASE_HEX = /^[0-9a-f]*$/;

/**
 * Compares an expected lowercase hex signature with one received, in time that depends only on
 * the length. A received value of the wrong length, of another type or that is not lowercase
 * hex is simply not equal; nothing throws.
 *
 * @example
 * ```ts
 * timingSafeEqualHex(expected, request.headers.get("x-pusher-signature")); // true or false
 * ```
 */
export function timingSafeEqualHex(expected: string, received: unknown): boolean {
  if (typeof received !== "string" || received.length !== expected.length || !LOWERCASE_HEX.test(received)) {
    return false;
  }
  let difference = 0;
  for (let i = 0; i < expected.length; i++) {
    difference |= expected.charCodeAt(i) ^ received.charCodeAt(i);
  }
  return difference === 0;
}
