import { PusherValidationError } from "../errors/input-errors.js";
import type { QueryParamValue } from "../wire-types.js";
import { describeValue, refusal } from "./names.js";
import { isJsonObject } from "./read-fields.js";

/** Query parameters the signing scheme owns, which callers may not set (docs/protocol.md §2.5). */
export const RESERVED_QUERY_PARAMS: readonly string[] = ["auth_key", "auth_timestamp", "auth_version", "auth_signature", "body_md5"];

/**
 * Checks caller-supplied query parameters: an object of strings, finite numbers, booleans or arrays of those, no reserved
 * key in any case, and no lone UTF-16 surrogate (it cannot be percent-encoded). Throws `reserved_param` or `invalid_params`.
 */
export function validateQueryParams(params: unknown, field = "params"): asserts params is Record<string, QueryParamValue | undefined> {
  let entries: [string, unknown][] | undefined;
  try {
    // A copy, arrays included: a getter or a Proxy that throws is refused like any other bad value.
    if (isJsonObject(params)) {
      entries = Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? (value as unknown[]).slice() : value]);
    }
  } catch {
    // entries stays undefined
  }
  if (entries === undefined) {
    throw new PusherValidationError("invalid_params", field, `${field} must be an object of query parameters`);
  }
  for (const [key, value] of entries) {
    const at = `${field}.${key}`;
    if (RESERVED_QUERY_PARAMS.includes(key.toLowerCase())) {
      const message = `${field} may not set ${describeValue(key)}: the request signature owns it`;
      throw new PusherValidationError("reserved_param", field, message);
    }
    if (value !== undefined && !isParamValue(value) && !(Array.isArray(value) && value.every(isParamValue))) {
      throw refusal("invalid_params", at, "must be a string, number, boolean or array of them", value);
    }
    if (hasLoneSurrogate(key) || (Array.isArray(value) ? value : [value]).some(hasLoneSurrogate)) {
      throw new PusherValidationError("invalid_params", at, `${at} has a lone UTF-16 surrogate: not sendable`);
    }
  }
}

function hasLoneSurrogate(value: unknown): boolean {
  // isWellFormed is ES2024, beyond this package's lib; every supported runtime has it.
  return typeof value === "string" && !(value as string & { isWellFormed(): boolean }).isWellFormed();
}

function isParamValue(value: unknown): boolean {
  return typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
}
