import { PusherError, isPusherError } from "./pusher-error.js";

/**
 * Thrown by constructors and factories when an option is missing or invalid.
 * `option` names the option; the message says what is wrong, never echoing a secret.
 *
 * @example
 * ```ts
 * try {
 *   createRestClient({ appId: "1", key: "k", secret: "" });
 * } catch (error) {
 *   if (isPusherConfigError(error)) console.error(error.option); // "secret"
 * }
 * ```
 */
export class PusherConfigError extends PusherError {
  override readonly name = "PusherConfigError";
  /** The name of the option at fault, e.g. `"cluster"`. */
  declare readonly option: string;

  constructor(option: string, message: string) {
    super("invalid_config", message);
    this.option = option;
  }
}

/**
 * Tells whether `value` is a {@link PusherConfigError} from any copy of `@x/types`.
 *
 * @example
 * ```ts
 * if (isPusherConfigError(error)) console.error(`fix the option ${error.option}`);
 * ```
 */
export function isPusherConfigError(value: unknown): value is PusherConfigError {
  return isPusherError(value) && value.name === "PusherConfigError";
}
