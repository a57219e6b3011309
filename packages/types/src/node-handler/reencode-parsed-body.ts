import { isJsonObject } from "../is-json-object.js";

const FORM = "application/x-www-form-urlencoded";
const JSON_MEDIA_TYPE = "application/json";

/** The re-encoded body, or what prevents a faithful re-encoding. */
export type ReencodedBody = { text: string | undefined } | { problem: string };

/**
 * Turns what a body parser made of a request back into a body of the request's media type: a
 * form's fields into a form (a field parsed into a list is repeated, as it arrived), a JSON value
 * into JSON. A form field that a parser turned into a nested object (`a[b]=c` with `qs`) or
 * anything but strings has no faithful form, and is refused rather than guessed at. Other media
 * types get no body: the SDK's handlers refuse them before reading one.
 */
export function reencodeParsedBody(value: unknown, mediaType: string): ReencodedBody {
  if (mediaType === FORM) return reencodeForm(value);
  if (mediaType !== JSON_MEDIA_TYPE) return { text: undefined };
  try {
    const text = JSON.stringify(value) as string | undefined;
    if (text !== undefined) return { text };
  } catch {
    // A BigInt or a cycle from a custom parser: no JSON form, refused below.
  }
  return { problem: "the parsed JSON body cannot be serialized again" };
}

function reencodeForm(value: unknown): ReencodedBody {
  const problem = { problem: "the parsed form has a field that is not a string, so it cannot be re-encoded faithfully" };
  if (!isJsonObject(value)) return problem;
  const form = new URLSearchParams();
  for (const [name, field] of Object.entries(value)) {
    const values: unknown[] = Array.isArray(field) ? field : [field];
    for (const item of values) {
      if (typeof item !== "string") return problem;
      form.append(name, item);
    }
  }
  return { text: form.toString() };
}
