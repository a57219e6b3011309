/**
 * A JSON response of the auth endpoint. Never cached: an auth signature is valid for one socket
 * only, and a shared cache must not hand it to anyone else.
 */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

/** An error response: `{ "error": message }`, where the message never carries a secret or internals. */
export function errorResponse(status: number, message: string): Response {
  // 405 must say which method is allowed (RFC 9110 §15.5.6).
  return jsonResponse(status, { error: message }, status === 405 ? { allow: "POST" } : {});
}
