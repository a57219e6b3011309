import { afterEach, describe, expect, it, vi } from "vitest";
import { createRestClient } from "../src/index.js";
import { fakeFetch } from "./support/fake-fetch.js";

// As on Bun, Deno and workerd: the portable `#transport`, the runtime's own fetch given the wire parts.
vi.mock("#transport", () => import("../src/transport/transport-portable.js"));

afterEach(() => vi.unstubAllGlobals());

describe("a runtime without node:http", () => {
  it("sends through globalThis.fetch as it is when each request is sent, not when the client was made", async () => {
    const client = createRestClient({ appId: "1", key: "k", secret: "s" });
    const first = fakeFetch();
    const second = fakeFetch();

    vi.stubGlobal("fetch", first.fetch);
    await client.trigger("chat", "e", "x");
    vi.stubGlobal("fetch", second.fetch);
    await client.channels();

    expect(first.requests.map((request) => request.url)).toEqual([
      expect.stringMatching(/^https:\/\/api-mt1\.pusher\.com\/apps\/1\/events\?/),
    ]);
    expect(second.requests.map((request) => request.url)).toEqual([
      expect.stringMatching(/^https:\/\/api-mt1\.pusher\.com\/apps\/1\/channels\?/),
    ]);
    // The POST names its Content-Length on this transport too.
    expect(first.requests[0]!.headers).toMatchObject({ "content-length": String(first.requests[0]!.body.length) });
  });

  it("refuses an agent: only Node's own transport sends through one", () => {
    expect(() => createRestClient({ appId: "1", key: "k", secret: "s", agent: { addRequest: () => {} } })).toThrow(
      expect.objectContaining({ name: "PusherConfigError", option: "agent" }),
    );
  });
});
