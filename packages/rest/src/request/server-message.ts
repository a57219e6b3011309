import { isJsonObject } from "@x/types";
import { redactSecrets } from "./redact-secrets.js";

/**
 * What a server said about a failure, read from a response body.
 *
 * @example
 * ```ts
 * const said: ServerError = { message: "Unknown app", code: 404 };
 * ```
 */
export interface ServerError {
  /** The `error` field of a JSON body, or else the text itself; secrets redacted. */
  message: string;
  /** The numeric `code` field of a JSON body, when there is one. */
  code: number | undefined;
}

/**
 * The server's explanation of a failure, from a response body: the `error` (and `code`) fields
 * of a JSON body, or else the text itself. The secret and the request's signature are
 * redacted: Pusher's 401 answers quote the signature that was sent.
 *
 * @example
 * ```ts
 * serverError('{"error":"Unknown app","code":404}', [secret, signature]); // { message: "Unknown app", code: 404 }
 * serverError("Invalid signature", [secret, signature]);                  // { message: "Invalid signature", code: undefined }
 * ```
 */
export function serverError(text: string, secrets: readonly string[]): ServerError {
  let message = text;
  let code: number | undefined;
  try {
    const body: unknown = JSON.parse(text);
    if (isJsonObject(body)) {
      if (typeof body.error === "string") message = body.error;
      if (typeof body.code === "number" && Number.isInteger(body.code)) code = body.code;
    }
  } catch {
    // Not JSON: Pusher answers most errors in plain text.
  }
  return { message: redactSecrets(message, secrets), code };
}
