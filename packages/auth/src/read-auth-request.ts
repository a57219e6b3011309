import { readBodyWithLimit } from "@x/types";
import type { AuthRequestParams } from "./auth-handler-options.js";

/** The fields of a well-formed auth request, or the HTTP status and message that refuse it. */
export type AuthRequestReading =
  | { ok: true; params: AuthRequestParams }
  | { ok: false; status: 400 | 405 | 413 | 415; message: string };

const FORM = "application/x-www-form-urlencoded";
const JSON_MEDIA_TYPE = "application/json";

/**
 * Reads the fields of an auth request: a POST whose body is either a form, as pusher-js sends
 * it (PROTOCOL §5), or a JSON object of strings, for other clients. Anything else is refused
 * with the status that says why; nothing here throws on bad input.
 */
export async function readAuthRequest(request: Request, maxBodyBytes: number): Promise<AuthRequestReading> {
  if (request.method !== "POST") {
    return { ok: false, status: 405, message: "Method Not Allowed: auth requests are POSTs" };
  }
  // Media types are case-insensitive and may carry parameters such as `; charset=UTF-8`.
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType !== FORM && mediaType !== JSON_MEDIA_TYPE) {
    return { ok: false, status: 415, message: `Unsupported Media Type: send ${FORM} or ${JSON_MEDIA_TYPE}` };
  }
  let text: string;
  try {
    const body = await readBodyWithLimit(request, maxBodyBytes);
    if (body.tooLarge) return { ok: false, status: 413, message: `Payload Too Large: the limit is ${maxBodyBytes} bytes` };
    text = new TextDecoder("utf-8", { fatal: true }).decode(body.bytes);
  } catch {
    return { ok: false, status: 400, message: "Bad Request: the body could not be read as UTF-8" };
  }
  return mediaType === FORM ? readFormFields(text) : readJsonFields(text);
}

function readFormFields(text: string): AuthRequestReading {
  const fields = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(text)) {
    // A repeated field would leave open which value was meant (and which one the app checked).
    if (fields.has(name)) return { ok: false, status: 400, message: "Bad Request: a form field appears twice" };
    fields.set(name, value);
  }
  return { ok: true, params: Object.fromEntries(fields) };
}

function readJsonFields(text: string): AuthRequestReading {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, message: "Bad Request: the body is not valid JSON" };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, status: 400, message: "Bad Request: the JSON body must be an object" };
  }
  const entries = Object.entries(body);
  if (!entries.every((entry): entry is [string, string] => typeof entry[1] === "string")) {
    return { ok: false, status: 400, message: "Bad Request: every field of the JSON body must be a string" };
  }
  return { ok: true, params: Object.fromEntries(entries) };
}
