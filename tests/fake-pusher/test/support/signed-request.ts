// Raw requests signed here with node:crypto (docs/protocol.md §2), for what no SDK would send:
// tampered signatures, bodies, timestamps, and bodies that break the API's rules.
import { createHash, createHmac } from "node:crypto";
import type { FakePusher } from "@x/testing";

export interface RawRequest {
  method?: "GET" | "POST";
  /** Under /apps/<app id>, e.g. "/events". */
  path: string;
  params?: Record<string, string>;
  body?: string;
  timestamp?: number;
  key?: string;
  secret?: string;
  /** Changes the query after signing, e.g. to tamper with body_md5 or drop a parameter. */
  afterSigning?: (query: Map<string, string>) => void;
  /** Changes the body after signing. */
  bodySent?: string;
}

export interface RawAnswer {
  status: number;
  body: string;
  headers: Headers;
}

export function signQuery(
  method: string,
  path: string,
  params: Record<string, string>,
  { key, secret, timestamp, body }: { key: string; secret: string; timestamp: number; body?: string },
): Map<string, string> {
  const query = new Map<string, string>(Object.entries(params));
  query.set("auth_key", key);
  query.set("auth_timestamp", String(timestamp));
  query.set("auth_version", "1.0");
  if (body !== undefined && body !== "") query.set("body_md5", createHash("md5").update(body).digest("hex"));
  const sorted = [...query].map(([name, value]) => [name.toLowerCase(), value] as const).sort(([a], [b]) => (a < b ? -1 : 1));
  const stringToSign = `${method}\n${path}\n${sorted.map(([name, value]) => `${name}=${value}`).join("&")}`;
  query.set("auth_signature", createHmac("sha256", secret).update(stringToSign).digest("hex"));
  return query;
}

/** Sends one request to the fake, signed with its credentials unless told otherwise. */
export async function sendSigned(fake: FakePusher, request: RawRequest): Promise<RawAnswer> {
  const method = request.method ?? (request.body === undefined ? "GET" : "POST");
  const path = `/apps/${fake.config.appId}${request.path}`;
  const query = signQuery(method, path, request.params ?? {}, {
    key: request.key ?? fake.config.key,
    secret: request.secret ?? fake.config.secret,
    timestamp: request.timestamp ?? Math.floor(Date.now() / 1000),
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  request.afterSigning?.(query);
  const body = request.bodySent ?? request.body;
  const response = await fetch(`http://127.0.0.1:${fake.config.port}${path}?${new URLSearchParams([...query]).toString()}`, {
    method,
    ...(body === undefined ? {} : { body, headers: { "content-type": "application/json" } }),
  });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

/** A JSON body for POST /events. */
export const eventBody = (fields: Record<string, unknown>) =>
  JSON.stringify({ name: "event", data: "{}", channels: ["channel"], ...fields });
