import { redactSignedUrl } from "../redact-signed-url.js";
import { PusherError, isPusherError, type ResponseErrorCode } from "./pusher-error.js";

/** The details of an answer that was not the Pusher API's, as given to {@link PusherResponseError}. */
export interface PusherResponseErrorDetails {
  code: ResponseErrorCode;
  /** The HTTP status of the answer. */
  status: number;
  /** The request's method, e.g. `"POST"`. */
  method: string;
  /** The request's URL; it is redacted by the constructor, whatever is passed. */
  url: string;
  /** What was wrong with the answer, in a few words; it must hold no secret. */
  problem: string;
}

/**
 * A server answered, but not as the Pusher HTTP API does, so nothing can be concluded from the
 * answer: whether the request took effect is unknown. `code` says how:
 *
 * - `invalid_response`: a 2xx answer whose body is not a JSON object (a captive portal's HTML
 *   page, a proxy's "OK", an empty body);
 * - `response_too_large`: the body passed the client's `maxResponseBytes`; reading stopped there
 *   and the connection was closed;
 * - `redirect_refused`: a 3xx answer. Signed requests are never followed to another location,
 *   which would receive the signed URL and the body.
 *
 * @example
 * ```ts
 * try {
 *   await client.trigger("chat", "message", { text: "hi" });
 * } catch (error) {
 *   if (isPusherResponseError(error) && error.code === "redirect_refused") console.error("check the host option");
 * }
 * ```
 */
export class PusherResponseError extends PusherError {
  override readonly name = "PusherResponseError";
  declare readonly code: ResponseErrorCode;
  declare readonly status: number;
  declare readonly method: string;
  /** The request URL with every credential-derived value redacted. */
  declare readonly url: string;

  constructor(details: PusherResponseErrorDetails) {
    const url = redactSignedUrl(details.url);
    const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").split("?")[0];
    super(details.code, `${details.method} ${path} got HTTP ${details.status}: ${details.problem}`);
    this.status = details.status;
    this.method = details.method;
    this.url = url;
  }
}

/**
 * Tells whether `value` is a {@link PusherResponseError} from any copy of `@x/types`.
 *
 * @example
 * ```ts
 * if (isPusherResponseError(error)) console.error("not the Pusher API:", error.message);
 * ```
 */
export function isPusherResponseError(value: unknown): value is PusherResponseError {
  return isPusherError(value) && value.name === "PusherResponseError";
}
