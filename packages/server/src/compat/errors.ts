import { redactSignedUrl } from "@x/types/internal";

/**
 * An HTTP call failed: the official `Pusher.RequestError`, with its fields, but `url` has
 * `auth_key`, `auth_signature` and `body_md5` redacted, and `cause` is this SDK's typed error
 * (`PusherHttpError`, `PusherNetworkError`, `PusherTimeoutError`…).
 * @example
 * ```ts
 * pusher.trigger("chat", "message", "hi").catch((error: Pusher.RequestError) => console.error(error.status, error.body));
 * ```
 */
export class RequestError extends Error {
  override name: string = "PusherRequestError";
  /** The request URL, its credentials redacted. */
  url: string;
  /** What failed when the server did not answer; typed `Error` as there, though undefined when it did. */
  error: Error;
  /** The response's status and body, when the server answered (secrets it quoted redacted). */
  status?: number;
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

/**
 * The data of a webhook that is not JSON sent as `application/json` was read: the official
 * `Pusher.WebHookError`, but `signature` is `"REDACTED"` when there was one (with the body, it
 * would let whoever reads the error replay the webhook).
 * @example
 * ```ts
 * const data = webhook.isBodyValid() ? webhook.getData() : undefined; // getData() would throw a WebHookError
 * ```
 */
export class WebHookError extends Error {
  override name: string = "PusherWebHookError";
  /** The request's content type and body. */
  contentType: string;
  body: string;
  /** `"REDACTED"` when the request had a signature, else what it had (`undefined`, `""`). */
  signature: string;

  constructor(message: string, contentType: string, body: string, signature: string) {
    super(message);
    this.contentType = contentType;
    this.body = body;
    // Anything but an absent signature is replaced: a header given twice comes as an array.
    this.signature = signature === undefined || signature === null || signature === "" ? signature : "REDACTED";
  }
}
