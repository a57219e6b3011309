import { PusherValidationError, type KeyCredentials, type QueryParamValue } from "@x/types";
import { readField, readObject, validateKeyCredentials, validateQueryParams } from "@x/types/internal";
import { hmacSha256Hex, md5Hex } from "./hmac.js";

/**
 * A request to sign (docs/protocol.md §2).
 *
 * @example
 * ```ts
 * const request: RequestToSign = { method: "POST", path: "/apps/3/events", body: '{"name":"e"}' };
 * ```
 */
export interface RequestToSign {
  /** Upper-cased for signing. */
  method: string;
  /** The full path, including `/apps/<appId>`. */
  path: string;
  /** Extra query parameters; arrays are joined with commas, `undefined` values are left out. */
  params?: Record<string, QueryParamValue | undefined>;
  /** The exact body that will be sent; its MD5 is signed when it is non-empty. */
  body?: string;
  /** Unix time in seconds. @default the current time */
  timestamp?: number;
}

/**
 * The string a request's signature is the HMAC of: method, path and canonical query on three
 * lines (docs/protocol.md §2.2).
 *
 * @example
 * ```ts
 * stringToSign("post", "/apps/3/events", "auth_key=k&auth_timestamp=1&auth_version=1.0");
 * // "POST\n/apps/3/events\nauth_key=k&auth_timestamp=1&auth_version=1.0"
 * ```
 */
export function stringToSign(method: string, path: string, query: string): string {
  return `${method.toUpperCase()}\n${path}\n${query}`;
}

// A Map, not an object: a parameter named like an Object.prototype member (`constructor`,
// `__proto__`) must be an ordinary parameter.
function stringifyParams(params: Record<string, QueryParamValue | undefined>): Map<string, string> {
  const strings = new Map<string, string>();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const lowerKey = key.toLowerCase();
    if (strings.has(lowerKey)) {
      throw new PusherValidationError("invalid_params", "params", `params name ${JSON.stringify(lowerKey)} twice`);
    }
    strings.set(lowerKey, Array.isArray(value) ? value.join(",") : String(value));
  }
  return strings;
}

/**
 * Signs a REST request with auth_version 1.0 (docs/protocol.md §2) and returns its query string as it
 * goes on the wire: every parameter percent-encoded, `auth_signature` last. `body_md5` is
 * included only for a non-empty body. Caller parameters named like a signing parameter (in any
 * case) are rejected with `reserved_param`.
 *
 * @example
 * ```ts
 * const body = JSON.stringify({ name: "greet", channels: ["chat"], data: "hi" });
 * const query = signRequest({ key, secret }, { method: "POST", path: "/apps/3/events", body });
 * await fetch(`https://api-eu.pusher.com/apps/3/events?${query}`, { method: "POST", body });
 * ```
 */
export function signRequest(credentials: KeyCredentials, request: RequestToSign): string {
  validateKeyCredentials(credentials);
  // Each field is read once, as every argument of the SDK is (readField): what is checked is
  // what is signed, and nothing planted on Object.prototype is. A request that is not an object,
  // or cannot be read, has no path and is refused below.
  const { method, path, params = {}, body = "", timestamp = Math.floor(Date.now() / 1000) } = readObject(request, readRequestFields) ?? {};
  if (typeof path !== "string" || !path.startsWith("/")) {
    throw new PusherValidationError("invalid_params", "path", `path must start with "/", got ${typeof path === "string" ? JSON.stringify(path) : typeof path}`);
  }
  if (typeof method !== "string" || typeof body !== "string") {
    throw new PusherValidationError("invalid_params", "request", "request.method and request.body must be strings");
  }
  validateQueryParams(params);
  if (typeof timestamp !== "number" || !Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new PusherValidationError("invalid_params", "timestamp", "timestamp must be a whole number of seconds");
  }
  // Reserved names were rejected above, so these keys cannot collide with the caller's.
  const callerParams = stringifyParams(params);
  const entries: [string, string][] = [
    ...callerParams,
    ["auth_key", credentials.key],
    ["auth_timestamp", String(timestamp)],
    ["auth_version", "1.0"],
  ];
  if (body !== "") entries.push(["body_md5", md5Hex(body)]);
  // Keys are unique and lower-case here, so sorting by key alone is total. Without caller
  // parameters (every trigger), the signing parameters are in order already.
  if (callerParams.size > 0) entries.sort(([a], [b]) => (a < b ? -1 : 1));
  // Signed with raw values (docs/protocol.md §2.2), sent percent-encoded (§2.4): servers decode first.
  let query = "";
  let wire = "";
  for (const [index, [key, value]] of entries.entries()) {
    const separator = index === 0 ? "" : "&";
    query += `${separator}${key}=${value}`;
    wire += `${separator}${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
  }
  const signature = hmacSha256Hex(credentials.secret, stringToSign(method, path, query));
  return `${wire}&auth_signature=${signature}`;
}

function readRequestFields(request: object): { [K in keyof RequestToSign]?: unknown } {
  return {
    method: readField(request, "method"),
    path: readField(request, "path"),
    params: readField(request, "params"),
    body: readField(request, "body"),
    timestamp: readField(request, "timestamp"),
  };
}
