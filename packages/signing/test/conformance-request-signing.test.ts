// docs/protocol.md §2 vectors, verbatim (test/support/protocol-vectors.ts), one row per vector.
import { describe, expect, it } from "vitest";
import { signRequest } from "../src/index.js";
import { hmacSha256Hex, md5Hex } from "../src/internal.js";
import { HMAC_VECTOR, MD5_ROWS, V1, V2_CREDENTIALS, V2_ROWS, V3_CREDENTIALS, V3_ROWS, V3_TIMESTAMP } from "./support/protocol-vectors.js";

describe("docs/protocol.md §2 V1 (documented POST example)", () => {
  const credentials = { key: V1.key, secret: V1.secret };
  const signedQuery = `auth_key=${V1.key}&auth_timestamp=${V1.timestamp}&auth_version=1.0&body_md5=${V1.bodyMd5}`;

  it("md5Hex(body) returns the vector's body_md5", () => {
    expect(md5Hex(V1.body)).toBe(V1.bodyMd5);
  });

  it("signRequest signs the vector's string to sign: method upper-cased, path and sorted query on three lines", () => {
    expect(`${V1.method}\n${V1.path}\n${signedQuery}`).toBe(V1.stringToSign);
    const query = signRequest(credentials, { method: "post", path: V1.path, body: V1.body, timestamp: V1.timestamp });
    expect(new URLSearchParams(query).get("auth_signature")).toBe(hmacSha256Hex(V1.secret, V1.stringToSign));
  });

  it("hmacSha256Hex(secret, string to sign) returns the vector's signature", () => {
    expect(hmacSha256Hex(V1.secret, V1.stringToSign)).toBe(V1.signature);
  });

  it("signRequest with the fixed timestamp returns the sorted query plus the vector's auth_signature", () => {
    const query = signRequest(credentials, { method: V1.method, path: V1.path, body: V1.body, timestamp: V1.timestamp });
    expect(query).toBe(`${signedQuery}&auth_signature=${V1.signature}`);
  });
});

describe("docs/protocol.md §2 V2 (signed GETs with extra params)", () => {
  it.each(V2_ROWS)("signRequest(GET $path, $extraParams) at $timestamp signs $signature", (row) => {
    const params = Object.fromEntries(new URLSearchParams(row.extraParams));
    const base = `auth_key=${V2_CREDENTIALS.key}&auth_timestamp=${row.timestamp}&auth_version=1.0`;
    // Every extra key sorts after the auth_* keys, so the canonical query is base + extra.
    const signedQuery = row.extraParams === "" ? base : `${base}&${row.extraParams}`;

    const wire = signRequest(V2_CREDENTIALS, { method: "GET", path: row.path, params, timestamp: row.timestamp });

    expect(hmacSha256Hex(V2_CREDENTIALS.secret, `GET\n${row.path}\n${signedQuery}`)).toBe(row.signature);
    // On the wire the values are percent-encoded (§2.4); decoded, it is the signed query.
    expect(decodeURIComponent(wire)).toBe(`${signedQuery}&auth_signature=${row.signature}`);
    expect(wire.endsWith(`&auth_signature=${row.signature}`)).toBe(true);
  });

  it("signRequest percent-encodes the comma of info=user_count,subscription_count on the wire", () => {
    const row = V2_ROWS[3]!;
    const wire = signRequest(V2_CREDENTIALS, {
      method: "GET",
      path: row.path,
      params: { info: ["user_count", "subscription_count"] },
      timestamp: row.timestamp,
    });
    expect(wire).toBe(
      `auth_key=${V2_CREDENTIALS.key}&auth_timestamp=${row.timestamp}&auth_version=1.0` +
        `&info=user_count%2Csubscription_count&auth_signature=${row.signature}`,
    );
  });
});

describe("docs/protocol.md §2 V3 (GET /event)", () => {
  it.each(V3_ROWS)("signRequest(GET /event, $variant) returns the sorted query and $signature", (row) => {
    const wire = signRequest(V3_CREDENTIALS, {
      method: "GET",
      path: "/event",
      params: row.params,
      body: row.body,
      timestamp: V3_TIMESTAMP,
    });
    expect(wire).toBe(`${row.signedQuery}&auth_signature=${row.signature}`);
    expect(hmacSha256Hex(V3_CREDENTIALS.secret, `GET\n/event\n${row.signedQuery}`)).toBe(row.signature);
  });
});

describe("docs/protocol.md §2 MD5 and HMAC vectors", () => {
  it.each(MD5_ROWS)("md5Hex($input) returns $md5", ({ input, md5 }) => {
    expect(md5Hex(input)).toBe(md5);
  });

  it("hmacSha256Hex(supersecret, Hello!) returns the vector, for a string and for its UTF-8 bytes", () => {
    expect(hmacSha256Hex(HMAC_VECTOR.secret, HMAC_VECTOR.message)).toBe(HMAC_VECTOR.hmac);
    expect(hmacSha256Hex(HMAC_VECTOR.secret, new TextEncoder().encode(HMAC_VECTOR.message))).toBe(HMAC_VECTOR.hmac);
  });
});
