import { PusherValidationError } from "@x/types";
import type { RequestOptions } from "../rest-client.js";

/**
 * The options argument of a call, checked: `undefined` is no options, anything but an object
 * (`null` included) is a `PusherValidationError`, and so is a `signal` that is not an
 * `AbortSignal`. Every method of the client passes its options through here.
 *
 * @example
 * ```ts
 * const { signal } = callOptions(options); // options: RequestOptions | undefined
 * ```
 */
export function callOptions<T extends RequestOptions>(options: T | undefined): T {
  if (options === undefined) return {} as T;
  if (typeof options !== "object" || options === null) {
    throw new PusherValidationError("invalid_params", "options", "options must be an object");
  }
  // A real AbortSignal of this runtime, not a look-alike: ky combines it with its own timeout
  // signal through AbortSignal.any, which refuses anything else.
  const { signal } = options as RequestOptions;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new PusherValidationError("invalid_params", "options.signal", "options.signal must be an AbortSignal");
  }
  return options;
}
