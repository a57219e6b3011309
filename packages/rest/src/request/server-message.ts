import { PusherHttpError } from "@x/types";
import { isJsonObject } from "@x/types/internal";
import type { BufferedReply } from "../transport/buffered-reply.js";
import { redactSecrets } from "./redact-secrets.js";
import type { RequestTarget } from "./request-target.js";

/**
 * A response body parsed as JSON, when it is a JSON object; `undefined` otherwise.
 *
 * @example
 * ```ts
 * jsonObjectOf('{"ok":true}'); // { ok: true }
 * jsonObjectOf("Invalid signature"); // undefined
 * ```
 */
export function jsonObjectOf(text: string): Record<string, unknown> | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (isJsonObject(body)) return body;
  } catch {
    // Not JSON: Pusher answers most errors in plain text.
  }
  return undefined;
}

/**
 * The error of an answer that refused the request. The server's explanation is the `error` field
 * of a JSON body (its integer `code` becomes `serverCode`), or else the body's text, with the
 * secret and the request's signing parameters redacted: Pusher's 401 answers quote the
 * signature that was sent and the string it signed. `body` is the body already parsed, if it
 * was; `suffix` ends the message.
 *
 * @example
 * ```ts
 * throw serverRefusal(reply, target); // a 401 "Invalid signature" → PusherHttpError, serverMessage "Invalid signature"
 * ```
 */
export function serverRefusal(
  reply: BufferedReply,
  target: RequestTarget,
  body = jsonObjectOf(reply.bodyText),
  suffix = "",
): PusherHttpError {
  const { error, code } = body ?? {};
  return new PusherHttpError({
    status: reply.status,
    serverMessage: redactSecrets(typeof error === "string" ? error : reply.bodyText, target.signature) + suffix,
    serverCode: Number.isInteger(code) ? (code as number) : undefined,
    method: target.method,
    url: target.url,
  });
}
