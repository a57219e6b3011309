import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { createAuthHandler } from "../src/index.js";
import { ENDPOINT } from "./support/auth-requests.js";

// Fuzzed requests: whatever arrives, the handler answers (never rejects), never with 500, and
// never with 200 unless the request is a valid one the application allowed.

const MAX_BODY_BYTES = 512;
const FORM = "application/x-www-form-urlencoded";
const credentials = { key: "key", secret: "secret", encryptionMasterKeyBase64: "dGhpcyBpcyAzMiBieXRlcyAxMjM0NTY3ODkwMTIzNDU=" };
const CLIENT_ERRORS = [400, 405, 413, 415];

interface FuzzRequest {
  method: string;
  contentType: string | undefined;
  body: string | Uint8Array<ArrayBuffer> | undefined;
  streamed: boolean;
}

function toRequest({ method, contentType, body, streamed }: FuzzRequest): Request {
  const headers = new Headers(contentType === undefined ? {} : { "content-type": contentType });
  // GET and HEAD requests cannot carry a body.
  if (method === "GET" || method === "HEAD" || body === undefined) return new Request(ENDPOINT, { method, headers });
  if (!streamed) {
    const request = new Request(ENDPOINT, { method, headers, body });
    if (contentType === undefined) request.headers.delete("content-type");
    return request;
  }
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      // Several chunks, so the size limit is crossed in the middle of the stream.
      for (let start = 0; start < bytes.length; start += 100) controller.enqueue(bytes.slice(start, start + 100));
      controller.close();
    },
  });
  return new Request(ENDPOINT, { method, headers, body: stream, duplex: "half" } as RequestInit);
}

const printable = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);
const method = fc.oneof(
  { weight: 4, arbitrary: fc.constant("POST") },
  fc.constantFrom("GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS", "post"),
);
const contentType = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(FORM, "application/json", `${FORM}; charset=UTF-8`, "Application/Json") },
  fc.constantFrom("text/plain", "multipart/form-data; boundary=x", "application/xml", undefined),
  printable,
);
const anyField = fc.oneof(fc.constantFrom("socket_id", "channel_name"), fc.string({ maxLength: 12 }));
const anyValue = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.stringMatching(/^\d{1,5}\.\d{1,5}[:\n]?$/));
const body = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }),
  fc.dictionary(anyField, anyValue, { maxKeys: 4 }).map((fields) => new URLSearchParams(fields).toString()),
  fc.dictionary(anyField, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }).map((fields) => JSON.stringify(fields)),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? ""),
  fc.integer({ min: MAX_BODY_BYTES + 1, max: 4 * MAX_BODY_BYTES }).map((size) => `socket_id=1.1&p=${"x".repeat(size)}`),
  fc.constant(undefined),
);
const fuzzRequest = fc.record({ method, contentType, body, streamed: fc.boolean() });

describe("createAuthHandler under fuzzed requests", () => {
  it("answers every fuzzed request without rejecting, with a 4xx and never 200 or 500, when the application refuses", async () => {
    const onError = vi.fn();
    const handler = createAuthHandler({
      ...credentials,
      onChannelAuthorization: () => false,
      onUserAuthentication: () => false,
      maxBodyBytes: MAX_BODY_BYTES,
      onError,
    });
    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (input) => {
        const response = await handler(toRequest(input));
        expect([...CLIENT_ERRORS, 403]).toContain(response.status);
        expect(await response.json()).toHaveProperty("error");
      }),
      { numRuns: 400 },
    );
    expect(onError).not.toHaveBeenCalled();
  });

  // Requests that are invalid by construction: an application that allows everything must
  // still never be asked, and the answer must be a client error.
  const notSocketId = fc.string({ unit: "binary", maxLength: 30 }).filter((value) => !/^\d+\.\d+$/.test(value));
  const publicChannel = fc.stringMatching(/^[A-Za-z0-9_\-=@,.;]{1,60}$/).filter((name) => !/^(private|presence)-/.test(name));
  const badChannel = fc
    .tuple(fc.constantFrom("private-", "presence-", "private-encrypted-"), fc.string({ unit: "binary", minLength: 1, maxLength: 20 }))
    .map(([prefix, rest]) => prefix + rest)
    .filter((name) => !/^[A-Za-z0-9_\-=@,.;]{1,164}$/.test(name));
  const form = (fields: Record<string, string>): FuzzRequest => ({
    method: "POST",
    contentType: FORM,
    body: new URLSearchParams(fields).toString(),
    streamed: false,
  });
  const invalidRequest = fc.oneof(
    notSocketId.map((socket_id) => form({ socket_id })),
    fc.tuple(notSocketId, fc.constantFrom("private-a", "presence-a")).map(([socket_id, channel_name]) => form({ socket_id, channel_name })),
    publicChannel.map((channel_name) => form({ socket_id: "1.1", channel_name })),
    badChannel.map((channel_name) => form({ socket_id: "1.1", channel_name })),
    fc.constantFrom("GET", "PUT", "DELETE", "PATCH", "OPTIONS").map((verb) => ({ ...form({ socket_id: "1.1" }), method: verb })),
    fc
      .constantFrom("text/plain", "multipart/form-data", "application/xml", "", "application/x-www-form-urlencoded-x")
      .map((type) => ({ ...form({ socket_id: "1.1" }), contentType: type })),
    fc
      .tuple(fc.integer({ min: MAX_BODY_BYTES, max: 3 * MAX_BODY_BYTES }), fc.boolean())
      .map(([size, streamed]) => ({ ...form({ socket_id: "1.1", padding: "x".repeat(size) }), streamed })),
  );

  it("never answers 200 nor asks the application for a fuzzed invalid request, even when it allows everything", async () => {
    const onChannelAuthorization = vi.fn(() => ({ presenceData: { user_id: "1" } }));
    const onUserAuthentication = vi.fn(() => ({ id: "1" }));
    const handler = createAuthHandler({ ...credentials, onChannelAuthorization, onUserAuthentication, maxBodyBytes: MAX_BODY_BYTES });
    await fc.assert(
      fc.asyncProperty(invalidRequest, async (input) => {
        const response = await handler(toRequest(input));
        expect(CLIENT_ERRORS).toContain(response.status);
      }),
      { numRuns: 400 },
    );
    expect(onChannelAuthorization).not.toHaveBeenCalled();
    expect(onUserAuthentication).not.toHaveBeenCalled();
  });

  it("answers a 1 MiB body against the default limit with 413", async () => {
    const handler = createAuthHandler({ ...credentials, onUserAuthentication: () => ({ id: "1" }) });
    const huge = `socket_id=1.1&p=${"x".repeat(1024 * 1024)}`;
    for (const streamed of [false, true]) {
      const response = await handler(toRequest({ method: "POST", contentType: FORM, body: huge, streamed }));
      expect(response.status).toBe(413);
    }
  });
});
