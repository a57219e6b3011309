import { describe, expect, it } from "vitest";
import { createRestClient } from "../src/index.js";
import { fakeFetch } from "./support/fake-fetch.js";
import { signatureOf } from "./support/independent-signature.js";

describe("basePath: a server behind a path", () => {
  it("every request goes under the prefix, signed over the path without it (what the server behind the proxy verifies)", async () => {
    const fake = fakeFetch();
    const client = createRestClient({ appId: "1", key: "k", secret: "s", host: "example.com", basePath: "/pusher/v1", fetch: fake.fetch });

    await client.trigger("a", "e", "x");
    await client.channels();
    await client.get("/extension");

    const urls = fake.requests.map((request) => new URL(request.url));
    expect(urls.map((url) => url.pathname)).toEqual([
      "/pusher/v1/apps/1/events",
      "/pusher/v1/apps/1/channels",
      "/pusher/v1/apps/1/extension",
    ]);
    for (const url of urls) {
      const query = url.search.slice(1).replace(/&auth_signature=.*$/, "");
      const signedPath = url.pathname.slice("/pusher/v1".length);
      expect(url.searchParams.get("auth_signature")).toBe(
        signatureOf("s", url.pathname.endsWith("events") ? "POST" : "GET", signedPath, query),
      );
    }
  });

  it.each(["pusher", "/pusher/", "/a/../b", "/with space", "/?q", "/%2e"])("%j is refused with a PusherConfigError", (basePath) => {
    expect(() => createRestClient({ appId: "1", key: "k", secret: "s", basePath })).toThrow(
      expect.objectContaining({ code: "invalid_config", option: "basePath" }),
    );
  });
});
