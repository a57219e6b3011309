import { PusherError, isPusherError, type ValidationErrorCode } from "./pusher-error.js";

/**
 * Thrown before anything is sent when an argument breaks a protocol rule (a bad channel or
 * event name, a bad socket id, an oversize payload, too many channels...). `code` says which
 * rule; `field` names the argument.
 *
 * @example
 * ```ts
 * try {
 *   validateSocketId("1.1:");
 * } catch (error) {
 *   if (isPusherValidationError(error)) console.error(error.code); // "invalid_socket_id"
 * }
 * ```
 */
export class PusherValidationError extends PusherError {
  override readonly name = "PusherValidationError";
  declare readonly code: ValidationErrorCode;
  /** The argument at fault, e.g. `"socketId"` or `"channels[3]"`. */
  declare readonly field: string;

  constructor(code: ValidationErrorCode, field: string, message: string) {
    super(code, message);
    this.field = field;
  }
}

/**
 * Tells whether `value` is a {@link PusherValidationError} from any copy of `@x/types`.
 *
 * @example
 * ```ts
 * if (isPusherValidationError(error)) respond(400, error.message);
 * ```
 */
export function isPusherValidationError(value: unknown): value is PusherValidationError {
  return isPusherError(value) && value.name === "PusherValidationError";
}
