/**
 * A webhook's body is not valid JSON, or its content type is not `application/json`, and its
 * data was asked for: the official package's `Pusher.WebHookError`. The signature the request
 * carried is never kept: `signature` is `"REDACTED"` when there was one (the official error
 * holds it, and with the body it would let anyone who reads the error replay the webhook).
 *
 * @example
 * ```ts
 * try {
 *   webhook.getEvents();
 * } catch (error) {
 *   if (error instanceof Pusher.WebHookError) console.warn(error.message, error.contentType);
 * }
 * ```
 */
export class WebHookError extends Error {
  override name: string = "PusherWebHookError";
  contentType: string;
  body: string;
  /** `"REDACTED"` when the request had a signature, else what it had (`undefined`, `""`). */
  signature: string;

  constructor(message: string, contentType: string, body: string, signature: string) {
    super(message);
    this.contentType = contentType;
    this.body = body;
    // Anything but an absent signature is replaced: a header given twice comes as an array.
    const absent = signature === undefined || signature === null || signature === "";
    this.signature = absent ? signature : "REDACTED";
  }
}
