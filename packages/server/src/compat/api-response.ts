import type { CompatResponse } from "./compat-types.js";

// Statuses whose Response may not have a body (the Fetch standard's "null body status").
const NULL_BODY_STATUSES = new Set([204, 205, 304]);
// The reason phrases of the statuses the API answers with: a Response built here has none of
// its own, and the official package's came from the server.
const STATUS_TEXTS: Readonly<Record<number, string>> = { 200: "OK", 201: "Created", 202: "Accepted", 204: "No Content" };

/**
 * The `Response` a successful call resolves with, as the official package resolves with
 * node-fetch's: the API's status and its body, byte for byte, readable once with `json()`,
 * `text()` or `arrayBuffer()` (`clone()` for more). The URL is not kept: it is signed.
 *
 * @example
 * ```ts
 * const response = apiResponse(200, '{"channels":{}}');
 * await response.json(); // { channels: {} }
 * ```
 */
export function apiResponse(status: number, text: string): CompatResponse {
  return new Response(NULL_BODY_STATUSES.has(status) ? null : text, {
    status,
    statusText: STATUS_TEXTS[status] ?? "",
    // The REST client only resolves with a JSON object's text.
    headers: { "content-type": "application/json" },
  });
}
