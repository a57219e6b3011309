import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { refusals } from "./api-error.js";

export interface AppCredentials {
  key: string;
  secret: string;
}

const TIMESTAMP_GRACE_SECONDS = 600;

/** The query's parameters under lower-cased keys, as Pusher's signature check reads them. */
export function readQuery(search: URLSearchParams): Map<string, string> {
  const query = new Map<string, string>();
  for (const [key, value] of search) query.set(key.toLowerCase(), value);
  return query;
}

/** Checks key, version, timestamp, signature, then body MD5, in the signature gem's order; throws Pusher's refusal. */
export function verifyRequest(
  app: AppCredentials,
  request: { method: string; path: string; query: Map<string, string>; body: Uint8Array },
  nowMs: number,
): void {
  const { query } = request;
  const key = query.get("auth_key");
  if (key === undefined) throw refusals.missingParameter("auth_key");
  if (key !== app.key) throw refusals.unknownKey();
  const version = query.get("auth_version");
  if (version === undefined) throw refusals.versionRequired();
  if (version !== "1.0") throw refusals.versionNotSupported();
  const timestamp = query.get("auth_timestamp");
  if (timestamp === undefined) throw refusals.timestampRequired();
  const now = Math.floor(nowMs / 1000);
  // Ruby's to_i, as in the signature gem: a timestamp that is not a number reads as 0.
  const given = Number.parseInt(timestamp, 10) || 0;
  if (Math.abs(given - now) >= TIMESTAMP_GRACE_SECONDS) throw refusals.timestampExpired(given, now);

  const signed = [...query].filter(([name]) => name !== "auth_signature").sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const stringToSign = [request.method.toUpperCase(), request.path, signed.map(([name, value]) => `${name}=${value}`).join("&")].join("\n");
  const expected = createHmac("sha256", app.secret).update(stringToSign).digest("hex");
  const sent = query.get("auth_signature") ?? "";
  const sentBytes = Buffer.from(sent);
  if (sentBytes.length !== expected.length || !timingSafeEqual(sentBytes, Buffer.from(expected))) {
    throw refusals.invalidSignature(stringToSign, sent);
  }

  const bodyMd5 = query.get("body_md5");
  if (bodyMd5 === undefined) {
    if (request.body.length > 0) throw refusals.bodyMd5Required();
  } else if (bodyMd5 !== createHash("md5").update(request.body).digest("hex")) {
    throw refusals.bodyMd5Mismatch();
  }
}
