import { PusherHttpError, isJsonObject } from "@x/types";
import type { RawResponse } from "./raw-response.js";
import { secretsOf, type RequestTarget } from "./request-target.js";
import { redactSecrets } from "./redact-secrets.js";

/**
 * Parses the body of a 2xx response, tolerantly (PROTOCOL §3): an empty body is `{}`, a body
 * that is not JSON is returned as its text. One compatible server reports failures with a 2xx
 * status and `{"error": "...", "code": 401}`: a JSON body with a string `error` and a numeric
 * `code` of 400 or more is a failure, and becomes a `PusherHttpError`.
 *
 * @example
 * ```ts
 * parseResponseBody({ status: 200, text: '{"ok":true}' }, target); // { ok: true }
 * parseResponseBody({ status: 200, text: "" }, target);            // {}
 * ```
 */
export function parseResponseBody(response: RawResponse, target: RequestTarget): unknown {
  if (response.text.trim() === "") return {};
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return response.text;
  }
  if (isJsonObject(body) && typeof body.error === "string" && typeof body.code === "number" && body.code >= 400) {
    throw new PusherHttpError({
      status: response.status,
      serverMessage: `${redactSecrets(body.error, secretsOf(target))} (code ${body.code})`,
      method: target.method,
      url: target.url,
    });
  }
  return body;
}
