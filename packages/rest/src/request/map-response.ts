import { PusherResponseError } from "@x/types";
import type { BufferedReply } from "../transport/buffered-reply.js";
import { redactSecrets } from "./redact-secrets.js";
import type { RequestTarget } from "./request-target.js";
import { jsonObjectOf, serverRefusal } from "./server-message.js";

/**
 * Parses the body of a 2xx answer. The Pusher HTTP API answers every request with a JSON
 * object (compatible servers too: `{}`, `{"ok":true}`, `{"channels":…}`), so anything else —
 * HTML from a captive portal, a proxy's "OK", an empty body — is not its answer and nothing can
 * be concluded from it: a `PusherResponseError` (`invalid_response`). A 204 has no body and is
 * `{}`. One compatible server reports failures with a 2xx status and
 * `{"error": "...", "code": 401}`: a JSON body with a string `error` and a numeric `code` of 400
 * or more is a failure, a `PusherHttpError` whose `serverCode` is that code.
 *
 * @example
 * ```ts
 * parseResponseBody(reply, target); // { ok: true } for a reply whose body is '{"ok":true}'
 * ```
 */
export function parseResponseBody(reply: BufferedReply, target: RequestTarget): Record<string, unknown> {
  const text = reply.bodyText;
  if (reply.status === 204 && text === "") return {};
  const body = jsonObjectOf(text);
  if (body === undefined) {
    // The body itself is not quoted: what a stranger answered has no place in an error.
    throw new PusherResponseError({
      code: "invalid_response",
      status: reply.status,
      method: target.method,
      url: target.url,
      // The content type is the server's too: it is quoted redacted.
      problem: `not a Pusher API answer (${redactSecrets(reply.headers.get("content-type") ?? "no content type", target.signature)}, ${text.length} characters)`,
    });
  }
  if (typeof body.error === "string" && typeof body.code === "number" && body.code >= 400) {
    throw serverRefusal(reply, target, body, ` (code ${body.code})`);
  }
  return body;
}
