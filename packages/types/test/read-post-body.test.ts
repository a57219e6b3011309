import { describe, expect, it } from "vitest";
import { readPostBody } from "../src/internal.js";

const URL_ = "http://127.0.0.1/endpoint";

async function refusal(answer: Uint8Array | Response): Promise<{ status: number; error: unknown; allow: string | null }> {
  if (!(answer instanceof Response)) throw new Error("expected a refusal, got the body");
  return { status: answer.status, error: ((await answer.json()) as { error: unknown }).error, allow: answer.headers.get("allow") };
}

describe("readPostBody(request, mediaTypes, maxBodyBytes, bodyTimeoutMs)", () => {
  it("returns the body's exact bytes for a POST of an accepted media type within the limit", async () => {
    const request = new Request(URL_, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: '{"a":"é"}',
    });
    const body = await readPostBody(request, ["application/x-www-form-urlencoded", "application/json"], 10, 1_000);
    expect(body).toEqual(new TextEncoder().encode('{"a":"é"}'));
  });

  it.each(["GET", "PUT", "DELETE"])("answers 405 with Allow: POST to a %s", async (method) => {
    const answer = await readPostBody(new Request(URL_, { method }), ["application/json"], 10, 1_000);
    expect(await refusal(answer)).toEqual({ status: 405, error: "Method Not Allowed: send a POST", allow: "POST" });
  });

  it.each([undefined, "text/plain", "application/jsonp"])("answers 415 naming the accepted types to a body of type %s", async (type) => {
    const headers: Record<string, string> = type === undefined ? {} : { "content-type": type };
    const request = new Request(URL_, { method: "POST", headers, body: type === undefined ? null : "{}" });
    const answer = await readPostBody(request, ["application/x-www-form-urlencoded", "application/json"], 10, 1_000);
    expect(await refusal(answer)).toMatchObject({
      status: 415,
      error: "Unsupported Media Type: send application/x-www-form-urlencoded or application/json",
    });
  });

  it("answers 413 to a body past the limit, without reading the rest of it", async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(8));
      },
    });
    const request = new Request(URL_, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(await refusal(await readPostBody(request, ["application/json"], 20, 1_000))).toMatchObject({
      status: 413,
      error: "Payload Too Large: the limit is 20 bytes",
    });
    expect(pulls).toBeLessThan(10);
  });

  it("answers 408 with Connection: close to a body that arrives a byte at a time past bodyTimeoutMs, and stops reading it", async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          pulls++;
          await new Promise((resolve) => setTimeout(resolve, 100));
          controller.enqueue(new Uint8Array(1));
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request(URL_, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    const started = Date.now();

    const answer = await readPostBody(request, ["application/json"], 1_000, 300);

    const elapsedMs = Date.now() - started;
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).headers.get("connection")).toBe("close");
    expect(await refusal(answer)).toMatchObject({ status: 408, error: "Request Timeout" });
    expect(elapsedMs).toBeGreaterThanOrEqual(290);
    expect(elapsedMs).toBeLessThan(1_000);
    const pullsWhenAnswered = pulls;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pulls).toBe(pullsWhenAnswered);
  });

  it("answers 400 to a body whose stream fails", async () => {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error("connection lost"));
      },
    });
    const request = new Request(URL_, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(await refusal(await readPostBody(request, ["application/json"], 20, 1_000))).toMatchObject({
      status: 400,
      error: "Bad Request: the body could not be read",
    });
  });
});
