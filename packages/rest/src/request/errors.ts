import { PusherHttpError, PusherResponseError } from "@x/types";
import type { ResponseErrorCode } from "@x/types";
import { isJsonObject } from "@x/types/internal";

/**
 * One call as its transport and its errors see it: the signed URL (which the error classes
 * redact), its signature (which a server may quote bare), whether an attempt may have reached the
 * server whole (`delivery: "unknown"`), and the body of the last answer a transport read.
 */
export interface Exchange {
  method: "GET" | "POST";
  url: string;
  signature: string;
  sent: boolean;
  answerText: string;
}

// The values of the signing parameters wherever a text quotes them: Pusher's 401 quotes the
// string it signed, Deno's fetch the signed URL.
const SIGNING_PARAM = /(auth_key|auth_signature|body_md5)=[^&\s"'()]*/g;

// For what someone else wrote (an answer, a runtime's error). The secret is never sent, so it is
// not searched for: a short one would match the SDK's own words.
function redactSecrets(text: string, signature: string): string {
  return text.replace(SIGNING_PARAM, "$1=REDACTED").split(signature).join("REDACTED");
}

/** `cause` itself when none of its strings, through its chain, holds a signing value; else a redacted copy. */
export function redactCause(cause: unknown, signature: string, depth = 0): unknown {
  if (typeof cause !== "object" || cause === null) return typeof cause === "string" ? redactSecrets(cause, signature) : cause;
  const { message, code, cause: inner } = cause as Error & { code?: unknown };
  const redactedInner = depth < 4 ? redactCause(inner, signature, depth + 1) : undefined;
  const texts = [message, ...Object.values(cause as Record<string, unknown>)];
  const clean = texts.every((text) => typeof text !== "string" || redactSecrets(text, signature) === text);
  if (redactedInner === inner && clean) return cause;
  return Object.assign(new Error(redactSecrets(String(message), signature), { cause: redactedInner }), { code });
}

/** A failed connection as `fetch` reports one, so that ky may retry it; `responseStatus` if it cut an answer. */
export function networkFailure(cause: unknown, responseStatus?: number): TypeError & { responseStatus?: number } {
  const failure: TypeError & { responseStatus?: number } = new TypeError("fetch failed", { cause });
  if (responseStatus !== undefined) failure.responseStatus = responseStatus;
  return failure;
}

/** The error of an answer past `maxResponseBytes`: every transport stops reading there. */
export function responseTooLarge(exchange: Exchange, status: number, maxBytes: number): PusherResponseError {
  return answerRefused(exchange, "response_too_large", status, `body over maxResponseBytes (${maxBytes}), not read further`);
}

/**
 * The error of an answer that is no success: below 400 (a 3xx, or a browser's opaque redirect, 0)
 * a redirect refused, since it would send the signed request elsewhere; else the server's refusal.
 */
export function failedAnswer(status: number, text: string, exchange: Exchange): PusherResponseError | PusherHttpError {
  return status >= 400 ? serverRefusal(status, text, exchange) : redirectRefused(exchange, status);
}

/** The error of an answer that would send the signed request elsewhere; where to is not repeated. */
export function redirectRefused(exchange: Exchange, status: number): PusherResponseError {
  return answerRefused(exchange, "redirect_refused", status, "redirect refused (signed requests follow none)");
}

/**
 * The body of a 2xx answer: a JSON object (`{}` for an empty 204). Anything else (a captive
 * portal's page, a proxy's "OK") is no answer of the API, a `PusherResponseError`; a body with a
 * string `error` and a `code` of 400 or more is a compatible server's failure, a `PusherHttpError`.
 * A `generic` call (`get`, `post`, `request`) takes any JSON value, and the text of a body that is no JSON.
 */
export function parseAnswer(response: Response, text: string, exchange: Exchange, generic = false): unknown {
  const { status } = response;
  if (status === 204 && text === "") return {};
  const parsed = jsonOf(text);
  const body = isJsonObject(parsed) ? parsed : undefined;
  if (typeof body?.error === "string" && typeof body.code === "number" && body.code >= 400) {
    throw serverRefusal(status, text, exchange, body);
  }
  if (generic) return parsed === undefined ? text : parsed;
  if (body === undefined) {
    // The body is not quoted: what a stranger answered has no place in an error.
    const contentType = redactSecrets(response.headers.get("content-type") ?? "no content type", exchange.signature);
    const problem = `not a Pusher API answer (${contentType}, ${text.length} characters)`;
    throw answerRefused(exchange, "invalid_response", status, problem);
  }
  return body;
}

// The server's words: a JSON body's `error` (its integer `code` as `serverCode`), else the text.
function serverRefusal(status: number, text: string, exchange: Exchange, body = jsonOf(text)) {
  const { error, code } = isJsonObject(body) ? body : {};
  return new PusherHttpError({
    status,
    serverMessage: redactSecrets(typeof error === "string" ? error : text, exchange.signature),
    serverCode: Number.isInteger(code) ? (code as number) : undefined,
    method: exchange.method,
    url: exchange.url,
  });
}

function answerRefused(exchange: Exchange, code: ResponseErrorCode, status: number, problem: string): PusherResponseError {
  return new PusherResponseError({ code, status, method: exchange.method, url: exchange.url, problem });
}

// `undefined` when the text is no JSON, which JSON.parse never returns.
function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Pusher answers most errors in plain text.
    return undefined;
  }
}
