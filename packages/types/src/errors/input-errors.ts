import { PusherError, guardOf, type ValidationErrorCode } from "./pusher-error.js";

/**
 * Thrown by constructors and factories when an option is missing or invalid: `option` names it, and the message says what is
 * expected, never echoing the value (which may be a secret).
 * @example if (isPusherConfigError(error)) console.error(error.option); // e.g. "secret"
 */
export class PusherConfigError extends PusherError {
  override readonly name = "PusherConfigError";
  /** The option at fault, e.g. `"cluster"`. */
  declare readonly option: string;

  constructor(option: string, message: string) {
    super("invalid_config", message);
    this.option = option;
  }
}

/**
 * Whether `value` is a {@link PusherConfigError}, from any copy of `@x/types`.
 * @example if (isPusherConfigError(error)) console.error(`fix the option ${error.option}`);
 */
export const isPusherConfigError = /* @__PURE__ */ guardOf<PusherConfigError>("PusherConfigError");

/**
 * Thrown before anything is sent when an argument breaks a protocol rule (a bad channel name, an oversize payload...):
 * `code` says which rule, `field` names the argument.
 * @example throw new PusherValidationError("invalid_params", "limit", "limit must be a whole number");
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
 * Whether `value` is a {@link PusherValidationError}, from any copy of `@x/types`.
 * @example if (isPusherValidationError(error)) return new Response(error.message, { status: 400 });
 */
export const isPusherValidationError = /* @__PURE__ */ guardOf<PusherValidationError>("PusherValidationError");

/**
 * A webhook failed verification where the caller asked for an exception rather than a verdict: `reasons` lists every problem
 * found, never a secret or an expected signature.
 * @example if (isPusherWebhookError(error)) console.warn(error.reasons.join("; "));
 */
export class PusherWebhookError extends PusherError {
  override readonly name = "PusherWebhookError";
  declare readonly reasons: readonly string[];

  constructor(reasons: readonly string[]) {
    super("invalid_webhook", `invalid webhook: ${reasons.join("; ")}`);
    this.reasons = reasons;
  }
}

/**
 * Whether `value` is a {@link PusherWebhookError}, from any copy of `@x/types`.
 * @example if (isPusherWebhookError(error)) return new Response(null, { status: 401 });
 */
export const isPusherWebhookError = /* @__PURE__ */ guardOf<PusherWebhookError>("PusherWebhookError");
