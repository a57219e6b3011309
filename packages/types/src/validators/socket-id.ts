import { PusherValidationError } from "../errors/validation-error.js";
import { describeValue } from "./describe-value.js";

// `$` without the `m` flag matches only at the very end, so "1.1\n" is rejected.
const SOCKET_ID = /^\d+\.\d+$/;

/**
 * Checks a socket id: digits, a dot, digits (`^\d+\.\d+$`, docs/protocol.md §4). Anything else,
 * including `1.1:`, `:1.1` and `1.1\n`, throws `invalid_socket_id`.
 *
 * @example
 * ```ts
 * validateSocketId("1234.5678"); // ok
 * validateSocketId("1234.5678:private-x"); // throws: invalid_socket_id
 * ```
 */
export function validateSocketId(socketId: unknown, field = "socketId"): asserts socketId is string {
  if (typeof socketId !== "string" || !SOCKET_ID.test(socketId)) {
    throw new PusherValidationError(
      "invalid_socket_id",
      field,
      `${field} must look like "1234.5678", got ${describeValue(socketId)}`,
    );
  }
}
