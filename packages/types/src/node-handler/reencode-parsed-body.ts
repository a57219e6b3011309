import { isJsonObject } from "../is-json-object.js";

const FORM = "application/x-www-form-urlencoded";
const JSON_MEDIA_TYPE = "application/json";

/** The re-encoded body, or what prevents a faithful re-encoding. */
export type ReencodedBody = { text: string | undefined } | { problem: string };

/**
 * Turns what a body parser made of a request back into a body of the request's media type: a
 * form's fields into a form (a field parsed into a list is repeated, as it arrived), a JSON value
 * into JSON. Only a value's own fields are read, as `JSON.stringify` does. A form field that a
 * parser turned into a nested object (`a[b]=c` with `qs`) or anything but strings has no faithful
 * form, and is refused rather than guessed at, as is a value that throws when read (a getter, a
 * Proxy). Other media types get no body: the SDK's handlers refuse them before reading one.
 */
export function reencodeParsedBody(value: unknown, mediaType: string): ReencodedBody {
  if (mediaType !== FORM && mediaType !== JSON_MEDIA_TYPE) return { text: undefined };
  let text: string | undefined;
  try {
    text = mediaType === FORM ? formOf(value) : JSON.stringify(value);
  } catch {
    // A getter or a Proxy that throws, a BigInt or a cycle from a custom parser: refused below.
  }
  if (text !== undefined) return { text };
  return {
    problem:
      mediaType === FORM
        ? "the parsed form has a field that is not a string, so it cannot be re-encoded faithfully"
        : "the parsed JSON body cannot be serialized again",
  };
}

// The form of an object whose fields are strings or lists of strings; undefined for anything else.
function formOf(value: unknown): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const form = new URLSearchParams();
  for (const [name, field] of Object.entries(value)) {
    for (const item of Array.isArray(field) ? (field as unknown[]) : [field]) {
      if (typeof item !== "string") return undefined;
      form.append(name, item);
    }
  }
  return form.toString();
}
