import type { NodeResponseLike } from "./node-message-types.js";

/**
 * Writes a Web-standard `Response` to a Node.js response: status, headers (each `Set-Cookie`
 * separately) and body. The body is buffered first: the SDK's handlers answer a few hundred
 * bytes. A `HEAD` request gets the head only.
 */
export async function sendWebResponse(answer: Response, target: NodeResponseLike, method: string | undefined): Promise<void> {
  target.statusCode = answer.status;
  for (const [name, value] of answer.headers) {
    if (name !== "set-cookie") target.setHeader(name, value);
  }
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) target.setHeader("set-cookie", cookies);
  if (method === "HEAD") {
    await answer.body?.cancel();
    target.end();
    return;
  }
  target.end(new Uint8Array(await answer.arrayBuffer()));
}
