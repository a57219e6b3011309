import { runtimeCrypto } from "#crypto";
import { PusherValidationError, type KeyCredentials, type QueryParamValue } from "@x/types";
import { readFields, validateKeyCredentials, validateQueryParams } from "@x/types/internal";
import { hmacSha256Hex } from "./hmac.js";

/**
 * A REST request to sign (docs/protocol.md §2).
 *
 * @example
 * ```ts
 * const request: RequestToSign = { method: "GET", path: "/apps/3/channels", params: { filter_by_prefix: "presence-" } };
 * ```
 */
export interface RequestToSign {
  /** The HTTP method; upper-cased for signing. */
  method: string;
  /** The full path, including `/apps/<appId>`. */
  path: string;
  /** Extra query parameters; arrays are joined with commas, `undefined` values are left out. */
  params?: Record<string, QueryParamValue | undefined>;
  /** The exact body that will be sent; its MD5 is signed when it is non-empty. @default "" */
  body?: string;
  /** Unix time in seconds. @default the current time */
  timestamp?: number;
}

/** Lowercase hex MD5 of a string's UTF-8 bytes: the `body_md5` of a signed request. */
export function md5Hex(data: string): string {
  return runtimeCrypto.md5Hex(data);
}

/**
 * Signs a REST request (docs/protocol.md §2) and returns its query string for the wire: parameters sorted and
 * percent-encoded, `body_md5` for a non-empty body, `auth_signature` last. Bad input throws a
 * `PusherValidationError`: `reserved_param` for a parameter named like a signing one, else `invalid_params`.
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
  // Each field is read once, never from Object.prototype: what is checked is what is signed.
  const fields = readFields(request, ["method", "path", "params", "body", "timestamp"]) ?? {};
  const { method, path, params = {}, body = "", timestamp = Math.floor(Date.now() / 1000) } = fields;
  if (typeof path !== "string" || !path.startsWith("/")) {
    const got = typeof path === "string" ? JSON.stringify(path) : typeof path;
    throw new PusherValidationError("invalid_params", "path", `path must start with "/", got ${got}`);
  }
  if (typeof method !== "string" || typeof body !== "string") {
    throw new PusherValidationError("invalid_params", "request", "request.method and request.body must be strings");
  }
  validateQueryParams(params);
  if (typeof timestamp !== "number" || !Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new PusherValidationError("invalid_params", "timestamp", "timestamp must be a whole number of seconds");
  }
  // A Map, so that a name like `__proto__` is an ordinary parameter. Reserved names were refused above.
  const signed = new Map([
    ["auth_key", credentials.key],
    ["auth_timestamp", String(timestamp)],
    ["auth_version", "1.0"],
  ]);
  if (body !== "") signed.set("body_md5", md5Hex(body));
  for (const [key, value] of Object.entries(params)) {
    const name = key.toLowerCase();
    if (value === undefined) continue;
    if (signed.has(name)) {
      throw new PusherValidationError("invalid_params", "params", `params name ${JSON.stringify(name)} twice`);
    }
    signed.set(name, Array.isArray(value) ? value.join(",") : String(value));
  }
  // Signed with raw values (§2.2), sent percent-encoded (§2.4): servers decode before verifying.
  let query = "";
  let wire = "";
  for (const key of [...signed.keys()].sort()) {
    const value = signed.get(key) as string;
    const separator = query === "" ? "" : "&";
    query += `${separator}${key}=${value}`;
    wire += `${separator}${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
  }
  const signature = hmacSha256Hex(credentials.secret, `${method.toUpperCase()}\n${path}\n${query}`);
  return `${wire}&auth_signature=${signature}`;
}
