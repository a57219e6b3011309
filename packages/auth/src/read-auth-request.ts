import { errorResponse, isJsonObject, mediaTypeOf, readPostBody } from "@x/types/internal";
import type { AuthHandlerSettings, AuthRequestParams } from "./auth-handler-options.js";

const FORM = "application/x-www-form-urlencoded";
const MEDIA_TYPES = [FORM, "application/json"];

/**
 * The fields of an auth request: a POST whose body is a form, as pusher-js sends it (docs/protocol.md §5),
 * or a JSON object of strings. Anything else gets the error response whose status says why.
 */
export async function readAuthRequest(request: Request, settings: AuthHandlerSettings): Promise<AuthRequestParams | Response> {
  const body = await readPostBody(request, MEDIA_TYPES, settings.maxBodyBytes, settings.bodyTimeoutMs);
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

/** A 400 answer saying what is wrong with the request. */
export function badRequest(problem: string): Response {
  return errorResponse(400, `Bad Request: ${problem}`);
}

// The fields, or what is wrong with them.
function readFormFields(text: string): AuthRequestParams | string {
  const form = new URLSearchParams(text);
  // A repeated field would leave open which value was meant (and which one the app checked).
  if (new Set(form.keys()).size !== form.size) return "a form field appears twice";
  return Object.fromEntries(form);
}

function readJsonFields(text: string): AuthRequestParams | string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return "the body is not valid JSON";
  }
  if (!isJsonObject(body)) return "the JSON body must be an object";
  if (!Object.values(body).every((value) => typeof value === "string")) return "every field of the JSON body must be a string";
  return body as AuthRequestParams;
}
