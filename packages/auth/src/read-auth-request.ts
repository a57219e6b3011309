import { isJsonObject, mediaTypeOf, readPostBody } from "@x/types/internal";
import type { AuthRequestParams } from "./auth-handler-options.js";
import { badRequest } from "./bad-request.js";

const FORM = "application/x-www-form-urlencoded";
const MEDIA_TYPES = [FORM, "application/json"];

/**
 * Reads the fields of an auth request: a POST whose body is either a form, as pusher-js sends
 * it (docs/protocol.md §5), or a JSON object of strings, for other clients. Anything else is answered
 * with the error response whose status says why; nothing here throws on bad input.
 */
export async function readAuthRequest(request: Request, maxBodyBytes: number, bodyTimeoutMs: number): Promise<AuthRequestParams | Response> {
  const body = await readPostBody(request, MEDIA_TYPES, maxBodyBytes, bodyTimeoutMs);
  if (body instanceof Response) return body;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return badRequest("the body is not valid UTF-8");
  }
  const fields = mediaTypeOf(request) === FORM ? readFormFields(text) : readJsonFields(text);
  return typeof fields === "string" ? badRequest(fields) : fields;
}

// The fields, or what is wrong with them.
function readFormFields(text: string): AuthRequestParams | string {
  const fields = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(text)) {
    // A repeated field would leave open which value was meant (and which one the app checked).
    if (fields.has(name)) return "a form field appears twice";
    fields.set(name, value);
  }
  return Object.fromEntries(fields);
}

function readJsonFields(text: string): AuthRequestParams | string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return "the body is not valid JSON";
  }
  if (!isJsonObject(body)) return "the JSON body must be an object";
  const entries = Object.entries(body);
  if (!entries.every((entry): entry is [string, string] => typeof entry[1] === "string")) {
    return "every field of the JSON body must be a string";
  }
  return Object.fromEntries(entries);
}
