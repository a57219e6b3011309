/**
 * Every stable code an `@x/*` package throws: branch on it rather than on messages, which may be reworded.
 * @example if (isPusherError(error) && error.code === "queue_full") dropped++;
 */
export type PusherErrorCode =
  | ValidationErrorCode
  | ResponseErrorCode
  | "invalid_config"
  | "http_error"
  | "network_error"
  | "timeout"
  | "aborted"
  | "invalid_webhook"
  | "partial_delivery"
  | "queue_full";

/** How an answer was not the Pusher API's: see {@link PusherResponseError}. @example if (code === "redirect_refused") fix(); */
export type ResponseErrorCode = "invalid_response" | "response_too_large" | "redirect_refused";

/** The codes of {@link PusherValidationError}, one per kind of bad input. @example if (code === "payload_too_large") shrink(); */
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
  | "invalid_encrypted_payload"
  | "unknown_event"
  | "invalid_event_data";

// Registry-wide, so that an error of another installed copy of @x/types is recognised, where instanceof fails.
const MARKER = Symbol.for("@x/types.PusherError");

/**
 * The base class of every error the `@x/*` packages throw; no message or field ever holds a secret or a signature. Check
 * errors with the guards (`isPusherError`, `isPusherHttpError`...): unlike `instanceof`, they recognise another copy's.
 * @example if (isPusherError(error)) console.error(error.code, error.message);
 */
export class PusherError extends Error {
  override readonly name: string = "PusherError";
  // Fields are `declare`d and set by the constructors: a class field would define an `undefined` first.
  declare readonly code: PusherErrorCode;

  constructor(code: PusherErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** The cross-copy marker: a getter, so that it never shows in `JSON.stringify`. */
  get [MARKER](): true {
    return true;
  }
}

/** Whether `value` is an error of any `@x/*` package. @example const code = isPusherError(error) ? error.code : "unexpected"; */
export function isPusherError(value: unknown): value is PusherError {
  return typeof value === "object" && value !== null && (value as { [MARKER]?: unknown })[MARKER] === true;
}

// The guard of an error class: by its literal `name`, which the class of another installed copy has too.
export function guardOf<T extends PusherError>(name: T["name"]): (value: unknown) => value is T {
  return (value): value is T => isPusherError(value) && value.name === name;
}
