/**
 * Every stable error code an `@x/*` package can throw. Branch on `code` rather than on
 * messages: messages may be reworded, codes never change within a major version.
 */
export type PusherErrorCode =
  | "invalid_config"
  | ValidationErrorCode
  | "http_error"
  | "network_error"
  | "timeout"
  | "aborted"
  | "invalid_webhook"
  | "partial_delivery"
  | ResponseErrorCode
  | "queue_full";

/** The codes of {@link PusherResponseError}: the ways a server's answer is not the Pusher API's. */
export type ResponseErrorCode = "invalid_response" | "response_too_large" | "redirect_refused";

/** The codes of {@link PusherValidationError}: one per kind of bad input. */
export type ValidationErrorCode =
  | "invalid_channel_name"
  | "invalid_event_name"
  | "invalid_socket_id"
  | "invalid_user_id"
  | "invalid_presence_data"
  | "invalid_user_data"
  | "invalid_params"
  | "reserved_param"
  | "payload_too_large"
  | "too_many_channels"
  | "batch_too_large"
  | "encrypted_channel_misuse"
  | "channel_not_authorizable"
  | "invalid_encrypted_payload";

// A registry-wide symbol, so that an error thrown by one copy of @x/types is recognised by
// another copy (two versions installed side by side), where `instanceof` would fail.
const PUSHER_ERROR_MARKER = Symbol.for("@x/types.PusherError");

/**
 * The base class of every error thrown by the `@x/*` packages.
 *
 * Messages and fields never contain the app secret, the master key or a signature.
 *
 * @example
 * ```ts
 * import { isPusherError } from "@x/types";
 *
 * try {
 *   await pusher.trigger("my-channel", "my-event", { hello: "world" });
 * } catch (error) {
 *   if (isPusherError(error)) console.error(error.code, error.message);
 * }
 * ```
 */
export class PusherError extends Error {
  override readonly name: string = "PusherError";
  // The properties of the errors are `declare`d and set by their constructors: a class field
  // would first define each of them as `undefined`, and ship one more line per property.
  /** A stable, machine-readable code. */
  declare readonly code: PusherErrorCode;

  constructor(code: PusherErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** The cross-install marker; a getter, so it never shows in `JSON.stringify`. */
  get [PUSHER_ERROR_MARKER](): true {
    return true;
  }
}

/**
 * Tells whether `value` is an error thrown by any copy of the `@x/*` packages.
 *
 * @example
 * ```ts
 * if (isPusherError(error) && error.code === "payload_too_large") shrink();
 * ```
 */
export function isPusherError(value: unknown): value is PusherError {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { [PUSHER_ERROR_MARKER]?: unknown })[PUSHER_ERROR_MARKER] === true
  );
}
