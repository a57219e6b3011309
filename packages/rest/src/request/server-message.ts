import { isJsonObject } from "@x/types";
import { redactSecrets } from "./redact-secrets.js";

/**
 * The server's explanation of a failure, from a response body: the `error` field of a JSON body,
 * or else the text itself. The secret and the request's signature are redacted: Pusher's 401
 * answers quote the signature that was sent.
 *
 * @example
 * ```ts
 * serverMessage('{"error":"Unknown app"}', [secret, signature]); // "Unknown app"
 * ```
 */
export function serverMessage(text: string, secrets: readonly string[]): string {
  let message = text;
  try {
    const body: unknown = JSON.parse(text);
    if (isJsonObject(body) && typeof body.error === "string") message = body.error;
  } catch {
    // Not JSON: Pusher answers most errors in plain text.
  }
  return redactSecrets(message, secrets);
}
