import { createHash, createHmac } from "node:crypto";

// docs/protocol.md §2 computed with node:crypto directly: an oracle independent of @x/signing.

/** HMAC-SHA256 hex of `METHOD\npath\nquery`. */
export function signatureOf(secret: string, method: string, path: string, query: string): string {
  return createHmac("sha256", secret).update(`${method}\n${path}\n${query}`).digest("hex");
}

/** MD5 hex of the UTF-8 bytes of `body`. */
export function md5Of(body: string): string {
  return createHash("md5").update(body).digest("hex");
}
