/**
 * A JSON response of the SDK's HTTP endpoints (the auth and webhook handlers). Never cached: an
 * auth signature is valid for one socket only, and a shared cache must not hand it to anyone else.
 *
 * @example
 * ```ts
 * return jsonResponse(200, { auth: "key:signature" });
 * ```
 */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

/**
 * An error response of the SDK's HTTP endpoints: `{ "error": message }`, where the message never
 * carries a secret or internals.
 *
 * @example
 * ```ts
 * return errorResponse(405, "Method Not Allowed: send a POST"); // with Allow: POST
 * ```
 */
export function errorResponse(status: number, message: string): Response {
  // The endpoints take POSTs only, and a 405 must say which method is allowed (RFC 9110 §15.5.6);
  // a 408 closes the connection, whose request never came whole (RFC 9110 §15.5.9).
  return jsonResponse(status, { error: message }, status === 405 ? { allow: "POST" } : status === 408 ? { connection: "close" } : {});
}
