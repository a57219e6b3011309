import { PusherError, guardOf, type ValidationErrorCode } from "./pusher-error.js";

/**
 * An option is missing or invalid: `option` names it, and the message says what is expected, never echoing the value.
 * @example if (isPusherConfigError(error)) console.error(error.option); // e.g. "secret"
 */
export class PusherConfigError extends PusherError {
  override readonly name = "PusherConfigError";
  declare readonly option: string;

  constructor(option: string, message: string) {
    super("invalid_config", message);
    this.option = option;
  }
}

/** Whether `value` is a {@link PusherConfigError}. @example if (isPusherConfigError(error)) fix(error.option); */
export const isPusherConfigError = /* @__PURE__ */ guardOf<PusherConfigError>("PusherConfigError");

/**
 * An argument breaks a protocol rule, and nothing was sent: `code` says which rule, `field` names the argument.
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

/** Whether `value` is a {@link PusherValidationError}. @example if (isPusherValidationError(error)) return badRequest(error); */
export const isPusherValidationError = /* @__PURE__ */ guardOf<PusherValidationError>("PusherValidationError");

/**
 * A webhook failed verification where an exception was asked for: `reasons` lists every problem, never a secret.
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

/** Whether `value` is a {@link PusherWebhookError}. @example if (isPusherWebhookError(error)) return unauthorized(); */
export const isPusherWebhookError = /* @__PURE__ */ guardOf<PusherWebhookError>("PusherWebhookError");
