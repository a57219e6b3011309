import { md5Hex } from "@x/signing/internal";
import { PusherValidationError } from "@x/types";
import type { CompatSignedQueryStringOptions } from "./compat-types.js";
import { concatenated } from "./concatenated.js";

// A plain object on purpose, as in the official package: a name found on its prototype
// (`constructor`, `toString`, `__proto__`…) is refused too, which keeps such names out of the
// query object built below.
const RESERVED_QUERY_KEYS: Record<string, true> = {
  auth_key: true,
  auth_timestamp: true,
  auth_version: true,
  auth_signature: true,
  body_md5: true,
};

/**
 * Throws, as the official package does, when a caller's query parameter has the name of one of
 * the signature's own (`auth_key`, `auth_timestamp`, `auth_version`, `auth_signature`,
 * `body_md5`, in that case).
 *
 * @example
 * ```ts
 * checkReservedParams({ filter_by_prefix: "presence-" }); // ok
 * checkReservedParams({ auth_key: "x" });                 // throws
 * ```
 */
export function checkReservedParams(params: object | undefined): void {
  if (!params) return;
  // `for…in`, as there: inherited enumerable names count too.
  for (const key in params) {
    if (RESERVED_QUERY_KEYS[key] !== undefined) {
      throw new PusherValidationError("reserved_param", "params", `${key} is a required parameter and cannot be overidden`);
    }
  }
}

/**
 * The official package's `createSignedQueryString`, byte for byte: the query string of a
 * request signed with auth_version 1.0, its parameters in key order, neither lower-cased nor
 * percent-encoded, `auth_signature` last. `path` is signed as given.
 *
 * @example
 * ```ts
 * createSignedQueryString((message) => token.sign(message), "key", { method: "GET", path: "/apps/123/channels", params: { filter_by_prefix: "presence-" } });
 * ```
 */
export function createSignedQueryString(
  sign: (message: string) => string,
  key: string,
  request: CompatSignedQueryStringOptions,
): string {
  // The official package fails with a TypeError on these: say what is wrong.
  if (typeof request !== "object" || request === null) {
    throw new PusherValidationError("invalid_params", "options", "options must be { method, path, body?, params? }");
  }
  const params: Record<string, unknown> = {
    auth_key: key,
    auth_timestamp: (Date.now() / 1000) | 0,
    auth_version: "1.0",
  };
  if (request.body) {
    if (typeof request.body !== "string") {
      throw new PusherValidationError("invalid_params", "body", "body must be the string that is sent");
    }
    params.body_md5 = md5Hex(request.body);
  }
  if (request.params) {
    checkReservedParams(request.params);
    for (const name in request.params) params[name] = (request.params as Record<string, unknown>)[name];
  }
  const query = Object.keys(params)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${name}=${concatenated(params[name])}`)
    .join("&");
  // Joined as there: a missing path signs as an empty line.
  if (typeof request.method !== "string") {
    throw new PusherValidationError("invalid_params", "method", 'method must be a string such as "GET"');
  }
  const signed = [request.method.toUpperCase(), request.path, query].join("\n");
  return `${query}&auth_signature=${sign(signed)}`;
}
