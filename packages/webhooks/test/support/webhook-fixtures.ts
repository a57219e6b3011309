// Test-side helpers that do not use the code under test: signatures come from node:crypto, as an
// independent oracle of docs/protocol.md §7 (HMAC-SHA256 over the raw body bytes, lowercase hex).
import { createHmac } from "node:crypto";

export function signBody(secret: string, body: string | Uint8Array): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

export const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

/** A signed delivery of `payload`, as Pusher would send it. */
export function signedDelivery(credentials: { key: string; secret: string }, payload: unknown) {
  const body = JSON.stringify(payload);
  return { body, signature: signBody(credentials.secret, body), key: credentials.key };
}

/** A POST request carrying a signed webhook, as Pusher would send it. */
export function webhookRequest(
  body: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string>,
  init: { method?: string } = {},
): Request {
  return new Request("http://127.0.0.1/pusher/webhooks", {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", ...headers },
    body: init.method === undefined || init.method === "POST" ? body : undefined,
  });
}
