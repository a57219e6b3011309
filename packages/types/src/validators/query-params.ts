import { PusherValidationError } from "../errors/validation-error.js";
import { isJsonObject } from "../is-json-object.js";
import { RESERVED_QUERY_PARAMS } from "../limits.js";
import { describeValue } from "./describe-value.js";

/** A query parameter value as callers may give it; arrays are joined with commas. */
export type QueryParamValue = string | number | boolean | readonly (string | number)[];

/**
 * Checks caller-supplied query parameters: an object whose values are strings, finite
 * numbers, booleans or arrays of those, and none of whose keys (in any case) is reserved
 * by the signing scheme (docs/protocol.md §2.5), and with no lone UTF-16 surrogate in a key or value
 * (it could not be percent-encoded). Throws `reserved_param` or `invalid_params`.
 *
 * @example
 * ```ts
 * validateQueryParams({ filter_by_prefix: "presence-" }); // ok
 * validateQueryParams({ auth_signature: "x" });           // throws: reserved_param
 * ```
 */
export function validateQueryParams(
  params: unknown,
  field = "params",
): asserts params is Record<string, QueryParamValue | undefined> {
  let entries: [string, unknown][] | undefined;
  try {
    // A copy, arrays included: a getter or a Proxy that throws is refused like any other bad value.
    if (isJsonObject(params)) entries = Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? (value as unknown[]).slice() : value]);
  } catch {
    // entries stays undefined
  }
  if (entries === undefined) {
    throw new PusherValidationError("invalid_params", field, `${field} must be an object of query parameters`);
  }
  for (const [key, value] of entries) {
    if (RESERVED_QUERY_PARAMS.includes(key.toLowerCase())) {
      throw new PusherValidationError(
        "reserved_param",
        field,
        `${field} may not set ${describeValue(key)}: the request signature owns it`,
      );
    }
    if (value !== undefined && !isParamValue(value) && !(Array.isArray(value) && value.every(isParamValue))) {
      throw new PusherValidationError(
        "invalid_params",
        `${field}.${key}`,
        `${field}.${key} must be a string, number, boolean or array of them, got ${describeValue(value)}`,
      );
    }
    if (hasLoneSurrogate(key) || (Array.isArray(value) ? value : [value]).some(hasLoneSurrogate)) {
      // A lone surrogate has no UTF-8 encoding: it cannot be percent-encoded into the URL (§2.4).
      throw new PusherValidationError(
        "invalid_params",
        `${field}.${key}`,
        `${field}.${key} has a lone UTF-16 surrogate: not sendable`,
      );
    }
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function hasLoneSurrogate(value: unknown): boolean {
  return typeof value === "string" && LONE_SURROGATE.test(value);
}

function isParamValue(value: unknown): boolean {
  return typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
}
