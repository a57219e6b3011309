import { errorResponse, isJsonObject, mediaTypeOf, readBodyWithLimit } from "@x/types";
import type { AuthRequestParams } from "./auth-handler-options.js";
import { badRequest } from "./bad-request.js";

const FORM = "application/x-www-form-urlencoded";
const JSON_MEDIA_TYPE = "application/json";

/**
 * Reads the fields of an auth request: a POST whose body is either a form, as pusher-js sends
 * it (docs/protocol.md §5), or a JSON object of strings, for other clients. Anything else is answered
 * with the error response whose status says why; nothing here throws on bad input.
 */
export async function readAuthRequest(request: Request, maxBodyBytes: number): Promise<AuthRequestParams | Response> {
  if (request.method !== "POST") return errorResponse(405, "Method Not Allowed: auth requests are POSTs");
  const mediaType = mediaTypeOf(request);
  if (mediaType !== FORM && mediaType !== JSON_MEDIA_TYPE) {
    return errorResponse(415, `Unsupported Media Type: send ${FORM} or ${JSON_MEDIA_TYPE}`);
  }
  let text: string;
  try {
    const body = await readBodyWithLimit(request, maxBodyBytes);
    if (body.tooLarge) return errorResponse(413, `Payload Too Large: the limit is ${maxBodyBytes} bytes`);
    text = new TextDecoder("utf-8", { fatal: true }).decode(body.bytes);
  } catch {
    return badRequest("the body could not be read as UTF-8");
  }
  const fields = mediaType === FORM ? readFormFields(text) : readJsonFields(text);
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
