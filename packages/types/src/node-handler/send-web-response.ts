import type { NodeResponseLike } from "./node-message-types.js";

/**
 * Writes a Web-standard `Response` to a Node.js response: status, headers (each `Set-Cookie`
 * separately) and body. The body is buffered first (the SDK's handlers answer a few hundred
 * bytes), before anything is written: a body that fails to read leaves the Node.js response
 * untouched, free for a clean 500 without the failed answer's status or cookies. A `HEAD`
 * request gets the head only.
 */
export async function sendWebResponse(answer: Response, target: NodeResponseLike, method: string | undefined): Promise<void> {
  let body: Uint8Array | undefined;
  if (method === "HEAD") await answer.body?.cancel();
  else body = new Uint8Array(await answer.arrayBuffer());
  target.statusCode = answer.status;
  for (const [name, value] of answer.headers) {
    if (name !== "set-cookie") target.setHeader(name, value);
  }
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) target.setHeader("set-cookie", cookies);
  target.end(body);
}
