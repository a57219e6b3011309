// failNext: the faults a user's error handling must survive, seen through both SDKs.
import { Pusher as XPusher, isPusherNetworkError, isPusherTimeoutError } from "@x/server";
import Pusher from "pusher";
import { describe, expect, it } from "vitest";
import { useFakes } from "./support/fakes.js";
import { SDK_NAMES, refusalOf, sdkNamed } from "./support/sdks.js";
import { sendSigned } from "./support/signed-request.js";

const start = useFakes();

describe.each(SDK_NAMES)("faults seen through %s", (name) => {
  it("answers the next request with 500, then answers normally", async () => {
    const fake = await start();
    const sdk = sdkNamed(fake, name);
    fake.failNext({ status: 500 });
    expect(await refusalOf(sdk.trigger("c", "e", {}))).toEqual({ status: 500, message: "500 Internal Server Error" });
    await sdk.trigger("c", "e", {});
    expect(fake.events).toHaveLength(1);
    expect(fake.requests.map(({ status, fault }) => [status, fault])).toEqual([
      [500, "status"],
      [200, undefined],
    ]);
  });

  it("fails `times` requests, only those whose path contains `path`", async () => {
    const fake = await start();
    const sdk = sdkNamed(fake, name);
    fake.failNext({ status: 503, body: "maintenance" }, { times: 2, path: "/channels" });
    await sdk.trigger("c", "e", {});
    expect(await refusalOf(sdk.channels())).toEqual({ status: 503, message: "maintenance" });
    expect(await refusalOf(sdk.channel("c"))).toEqual({ status: 503, message: "maintenance" });
    expect(await sdk.channels()).toEqual({ channels: {} });
  });

  it("answers 429 with Retry-After", async () => {
    const fake = await start();
    fake.failNext({ status: 429, retryAfter: 2 }, { path: /\/events$/ });
    expect(await refusalOf(sdkNamed(fake, name).trigger("c", "e", {}))).toMatchObject({ status: 429 });
    fake.failNext({ status: 429, retryAfter: 2 });
    const raw = await sendSigned(fake, { path: "/channels" });
    expect(raw.status).toBe(429);
    expect(raw.headers.get("retry-after")).toBe("2");
  });
});

describe("timeouts and resets", () => {
  it("leaves a timed-out request unanswered: the SDKs give up after their timeout", async () => {
    const fake = await start();
    fake.failNext({ kind: "timeout" }, { times: 2 });
    const ours = XPusher.fromUrl(fake.url, { timeout: 200, retry: false });
    const oursError: unknown = await ours.trigger("c", "e", {}).catch((error: unknown) => error);
    expect(isPusherTimeoutError(oursError)).toBe(true);
    const official = Pusher.forURL(fake.url, { timeout: 200 });
    await expect(official.trigger("c", "e", {})).rejects.toThrow();
    expect(fake.requests.map((request) => request.fault)).toEqual(["timeout", "timeout"]);
    expect(fake.events).toEqual([]);
  });

  it("close() resolves while a request waits on a timeout, and the waiting client sees its connection end", async () => {
    const fake = await start();
    fake.failNext({ kind: "timeout" });
    const waiting = sendSigned(fake, { path: "/channels" }).then(
      () => "answered",
      () => "connection ended",
    );
    await fake.waitForEvent(() => false, { timeoutMs: 50 }).catch(() => undefined);
    expect(fake.requests).toHaveLength(1);
    await fake.close();
    expect(await waiting).toBe("connection ended");
  });

  it("resets the connection: both SDKs see a network error, and no event is recorded", async () => {
    const fake = await start();
    fake.failNext({ kind: "reset" }, { times: 2 });
    const oursError: unknown = await XPusher.fromUrl(fake.url, { retry: false })
      .trigger("c", "e", {})
      .catch((error: unknown) => error);
    expect(isPusherNetworkError(oursError)).toBe(true);
    await expect(Pusher.forURL(fake.url).trigger("c", "e", {})).rejects.toMatchObject({
      message: "Request failed with an error",
      error: expect.objectContaining({ message: expect.stringMatching(/socket hang up|ECONNRESET/) }),
    });
    expect(fake.requests.map((request) => request.fault)).toEqual(["reset", "reset"]);
    expect(fake.events).toEqual([]);
  });

  it("lets @x/server's retry of a GET through after one 500, as its retry option promises", async () => {
    const fake = await start();
    fake.failNext({ status: 500 });
    expect(await XPusher.fromUrl(fake.url, { retry: { limit: 1, backoffLimit: 10 } }).fetchStateForChannels()).toEqual({ channels: {} });
    expect(fake.requests.map((request) => request.status)).toEqual([500, 200]);
  });
});

describe("failNext() arguments", () => {
  it("refuses what is not a fault, with a message that says what is", async () => {
    const fake = await start();
    const failNext =
      (...args: unknown[]) =>
      () =>
        (fake.failNext as (...given: unknown[]) => void)(...args);
    expect(failNext(undefined)).toThrow('failNext: pass { status }, { kind: "timeout" } or { kind: "reset" }');
    expect(failNext({ status: 42 })).toThrow("status must be an HTTP status (100 to 599), got 42");
    expect(failNext({ status: 500.5 })).toThrow(TypeError);
    expect(failNext({ kind: "explode" })).toThrow('unknown kind "explode"');
    expect(failNext({ status: 429, retryAfter: -1 })).toThrow("retryAfter must be a whole number of seconds");
    expect(failNext({ status: 500 }, { times: 0 })).toThrow("times must be a whole number from 1");
    expect((await sendSigned(fake, { path: "/channels" })).status).toBe(200);
  });

  it("clear() forgets planned faults and the records, and keeps the channel state", async () => {
    const fake = await start();
    fake.subscribe("news");
    fake.failNext({ status: 500 });
    await sendSigned(fake, { path: "/channels", params: {} });
    fake.failNext({ status: 500 });
    fake.clear();
    expect([fake.requests, fake.events, fake.webhooks]).toEqual([[], [], []]);
    const answer = await sendSigned(fake, { path: "/channels" });
    expect(answer).toMatchObject({ status: 200, body: '{"channels":{"news":{}}}' });
    expect(fake.requests[0]?.id).toBe(2);
  });
});
