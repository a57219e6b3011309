import { redactSignedUrl } from "@x/types/internal";

/**
 * An HTTP call failed: the official package's `Pusher.RequestError`, with the same fields.
 * `url` is the request's URL with `auth_key`, `auth_signature` and `body_md5` redacted (the
 * official one holds the signed URL). `status` and `body` are set when the server answered
 * (`body` with any secret or signature the server quoted redacted); `error` is what failed when
 * it did not, and `cause` is always this SDK's typed error (`PusherHttpError`,
 * `PusherNetworkError`, `PusherTimeoutError`…).
 *
 * @example
 * ```ts
 * try {
 *   await pusher.trigger("chat", "message", "hi");
 * } catch (error) {
 *   if (error instanceof Pusher.RequestError) console.error(error.message, error.status, error.body);
 * }
 * ```
 */
export class RequestError extends Error {
  // The fields are typed as in the official package's declarations (`error: Error`, though it is
  // undefined when the server answered, there as here), so that code reading them compiles.
  override name: string = "PusherRequestError";
  /** The request URL, its credentials redacted. */
  url: string;
  /** What failed, when the server did not answer (undefined when it did). */
  error: Error;
  /** The response's status, when there was one. */
  status?: number;
  /** The response's body, when there was one (secrets the server quoted redacted). */
  body?: string;

  constructor(message: string, url: string, error: Error, status?: number, body?: string, options?: { cause?: unknown }) {
    super(message, options);
    // Whoever builds one, the URL it keeps is redacted.
    this.url = typeof url === "string" ? redactSignedUrl(url) : url;
    this.error = error;
    this.status = status;
    this.body = body;
  }
}
