import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { readBodyWithLimit } from "../src/internal.js";

const encoder = new TextEncoder();

function streamOf(chunks: readonly string[], onCancel: () => void = () => undefined): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
    cancel: onCancel,
  });
}

function streamingRequest(body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request("http://127.0.0.1/hook", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("readBodyWithLimit(request, maxBytes)", () => {
  it("returns no bytes for a request without a body", async () => {
    const body = await readBodyWithLimit(new Request("http://127.0.0.1/"), 10);
    expect(body).toEqual({ tooLarge: false, bytes: new Uint8Array(0) });
  });

  it("returns the exact bytes of a body that fits, at the limit included", async () => {
    const body = await readBodyWithLimit(new Request("http://127.0.0.1/", { method: "POST", body: "héllo" }), 6);
    expect(body.tooLarge).toBe(false);
    expect(body.tooLarge === false && new TextDecoder().decode(body.bytes)).toBe("héllo");
  });

  it("joins a body that arrives in several chunks", async () => {
    const body = await readBodyWithLimit(streamingRequest(streamOf(["ab", "cd", "e"])), 5);
    expect(body.tooLarge === false && new TextDecoder().decode(body.bytes)).toBe("abcde");
  });

  it("refuses on a declared Content-Length above the limit, whatever the body holds", async () => {
    // The body itself (3 bytes) fits: only the header can have caused the refusal.
    const body = await readBodyWithLimit(streamingRequest(streamOf(["abc"]), { "content-length": "11" }), 10);
    expect(body).toEqual({ tooLarge: true });
  });

  it("with a signal: an abort stops a read under way and rejects with its reason; an aborted signal reads nothing; none is left listened to", async () => {
    const hanging = () =>
      new Request("http://h/", {
        method: "POST",
        body: new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) }),
        duplex: "half",
      } as RequestInit);
    const controller = new AbortController();
    const reading = readBodyWithLimit(hanging(), 100, controller.signal);
    controller.abort(new Error("too slow"));
    const done = new AbortController();

    await expect(reading).rejects.toThrow("too slow");
    await expect(readBodyWithLimit(hanging(), 100, AbortSignal.abort(new Error("already")))).rejects.toThrow("already");
    await readBodyWithLimit(
      new Request("http://h/", { method: "POST", body: streamOf(["a", "b"]), duplex: "half" } as RequestInit),
      100,
      done.signal,
    );
    expect([getEventListeners(controller.signal, "abort"), getEventListeners(done.signal, "abort")]).toEqual([[], []]);
  });

  it("stops reading and cancels the stream once the bytes received pass the limit", async () => {
    let cancelled = false;
    const body = await readBodyWithLimit(
      streamingRequest(
        streamOf(["12345", "67890", "never read"], () => {
          cancelled = true;
        }),
      ),
      8,
    );
    expect(body).toEqual({ tooLarge: true });
    expect(cancelled).toBe(true);
  });

  it("still answers too large when cancelling the stream fails", async () => {
    const failingCancel = () => {
      throw new Error("the connection is already gone");
    };
    const body = await readBodyWithLimit(streamingRequest(streamOf(["123456789", "0"], failingCancel)), 8);
    expect(body).toEqual({ tooLarge: true });
  });

  it.each([
    ["strings", () => "x".repeat(1024)],
    ["numbers", () => 42],
    ["arrays of numbers", () => [1, 2, 3]],
    ["objects claiming a byteLength", () => ({ byteLength: -1_000_000 })],
  ])("counts a stream of %s (a hand-made body, not bytes) as too large at its first chunk, and cancels it", async (_, chunk) => {
    // Endless: read without a limit, such a stream would grow memory until the process died.
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk());
      },
      cancel() {
        cancelled = true;
      },
    });
    const response = new Response(endless as ReadableStream<Uint8Array>);
    expect(await readBodyWithLimit(response, 1_000_000)).toEqual({ tooLarge: true });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(5);
  });
});
