import { PusherConfigError } from "./config-error.js";

/**
 * Throws a {@link PusherConfigError} for `option` unless `valid`, with the message
 * "`option` must be `expectation`". The one way every package refuses an option, so that
 * all such messages read alike. The expectation describes what is allowed, never the value
 * given (which may be a secret).
 *
 * @example
 * ```ts
 * requireOption(typeof options.useTLS === "boolean", "useTLS", "a boolean");
 * // throws PusherConfigError: "useTLS must be a boolean"
 * ```
 */
export function requireOption(valid: boolean, option: string, expectation: string): asserts valid {
  if (!valid) throw new PusherConfigError(option, `${option} must be ${expectation}`);
}

/**
 * `value` when it is a positive safe integer; otherwise throws the {@link PusherConfigError}
 * "`option` must be a positive integer". The check of every size and time limit of the handlers.
 *
 * @example
 * ```ts
 * const maxBodyBytes = positiveIntegerOption(options.maxBodyBytes ?? 8192, "maxBodyBytes");
 * ```
 */
export function positiveIntegerOption(value: unknown, option: string): number {
  requireOption(Number.isSafeInteger(value) && (value as number) > 0, option, "a positive integer");
  return value as number;
}
