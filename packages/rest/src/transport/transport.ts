import { readBodyWithLimit, systemCodeOf } from "@x/types/internal";
import { failedAnswer, networkFailure, redirectRefused, responseTooLarge, type Exchange } from "../request/errors.js";

/** What a {@link Transport} gets besides ky's `Request`: the parts as they go on the wire (the body whose MD5 was signed). */
export interface WireParts {
  /** Where the API is, as node:http takes it: a port of "" is the scheme's, an IPv6 host has no brackets. */
  origin: { tls: boolean; hostname: string; port: string; agent?: object | undefined };
  /** The path and the signed query. */
  path: string;
  headers: Readonly<Record<string, string>>;
  body: string | undefined;
  maxResponseBytes: number;
  exchange: Exchange;
}

/**
 * Sends one request that ky built with the given parts, and resolves with a real `Response`
 * whose body was read in full under the size limit. The "node" export condition has one on
 * `node:http`; other runtimes send through {@link fetchTransport}.
 */
export type Transport = (request: Request, wire: WireParts) => Promise<Response>;

const decoder = new TextDecoder();

/** Keeps the text of an answer read in full on the exchange, where the client reads it. A status no `Response` can hold (0, past 599) fails here. */
function keepAnswer(status: number, bytes: Uint8Array, exchange: Exchange): void {
  const text = decoder.decode(bytes);
  if (status < 200 || status > 599) throw failedAnswer(status, text, exchange);
  exchange.answerText = text;
}

/**
 * The `Response` handed to ky for an answer read in full: its status and headers, and no body, whose
 * stream would cost more than the rest of the request on some runtimes. Its text is kept on the
 * exchange, where the client reads it; ky reads a body only for an HTTPError's data, never used here.
 * No reason phrase, which nothing reads and the constructor may refuse.
 */
export function bufferedResponse(status: number, headers: HeadersInit, bytes: Uint8Array, exchange: Exchange): Response {
  keepAnswer(status, bytes, exchange);
  return new Response(null, { status, headers });
}

/**
 * Sends `request` through a `fetch` (the runtime's, or the caller's) and reads the answer's body
 * within ky's timeout, so that a body dripped slowly times out too. A `fetch` that followed a
 * redirect (ky asks for none) is refused. A fetch does not say whether the request left: the
 * exchange counts as sent unless the connection was refused.
 */
export async function fetchTransport(
  send: (request: Request) => Promise<Response>,
  request: Request,
  maxBytes: number,
  exchange: Exchange,
): Promise<Response> {
  // Counted as sent from the call on: ky's timeout may settle the call before the fetch itself does.
  const sentBefore = exchange.sent;
  exchange.sent = true;
  const response = await send(request).catch((error: unknown) => {
    if (systemCodeOf(error) === "ECONNREFUSED") exchange.sent = sentBefore;
    throw error;
  });
  if (response.redirected) {
    await cancelBody(response);
    throw redirectRefused(exchange, response.status);
  }
  let body;
  try {
    body = knownLength(response, maxBytes)
      ? { tooLarge: false as const, bytes: new Uint8Array(await response.arrayBuffer()) }
      : await readBodyWithLimit(response, maxBytes);
  } catch (error) {
    throw networkFailure(error, response.status);
  }
  if (body.tooLarge || body.bytes.byteLength > maxBytes) {
    await cancelBody(response);
    throw responseTooLarge(exchange, response.status, maxBytes);
  }
  // The fetch's own Response goes to ky, its body read: ky reads a body only for the data of an HTTPError, never used here.
  keepAnswer(response.status, body.bytes, exchange);
  return response;
}

// A body of a declared length within the limit, not decompressed on the way, is read in one call: a stream
// reader costs more per answer than the request itself on some runtimes.
function knownLength({ headers }: Response, maxBytes: number): boolean {
  return Number(headers.get("content-length") ?? Number.NaN) <= maxBytes && !headers.has("content-encoding");
}

// Releases the connection of an answer not read further; a body that cannot be cancelled changes nothing.
async function cancelBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
