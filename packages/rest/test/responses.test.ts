import { describe, expect, it } from "vitest";
import { createRestClient } from "../src/index.js";
import { fakeFetch } from "./support/fake-fetch.js";

function clientAnswering(body: string, status = 200) {
  const fake = fakeFetch(() => new Response(body, { status, headers: { "content-type": "application/json" } }));
  return createRestClient({ appId: "1", key: "k", secret: "s", fetch: fake.fetch });
}

const batchOfTwo = [
  { channel: "a", name: "e", data: 1 },
  { channel: "b", name: "e", data: 2, info: ["subscription_count" as const] },
];

describe("response bodies are read tolerantly", () => {
  it.each([
    ["{}", {}],
    ['{"ok":true}', {}],
    ["", {}],
    ["OK", {}],
    ['{"channels":{"a":{"subscription_count":3}}}', { a: { subscription_count: 3 } }],
  ])("trigger() answered %j resolves with channels %j", async (body, channels) => {
    await expect(clientAnswering(body).trigger("a", "e", "x")).resolves.toEqual({ channels });
  });

  it.each([
    ["{}", [{}, {}]],
    ['{"ok":true}', [{}, {}]],
    ['{"batch":{}}', [{}, {}]],
    ['{"batch":[{},{"subscription_count":2}]}', [{}, { subscription_count: 2 }]],
    ['{"batch":[{"user_count":1}]}', [{ user_count: 1 }, {}]],
  ])("triggerBatch() answered %j resolves with batch %j", async (body, batch) => {
    await expect(clientAnswering(body).triggerBatch(batchOfTwo)).resolves.toEqual({ batch });
  });

  it("channels() maps the body, and a body without channels to an empty list", async () => {
    await expect(clientAnswering('{"channels":{"presence-a":{"user_count":2}}}').channels()).resolves.toEqual({
      channels: { "presence-a": { user_count: 2 } },
    });
    await expect(clientAnswering("{}").channels()).resolves.toEqual({ channels: {} });
  });

  it("channel() maps the state, and reads a missing occupied as false", async () => {
    const body = '{"occupied":true,"subscription_count":2,"cache":{"data":"x","ttl":30}}';
    await expect(clientAnswering(body).channel("cache-a")).resolves.toEqual({
      occupied: true,
      subscription_count: 2,
      cache: { data: "x", ttl: 30 },
    });
    await expect(clientAnswering("{}").channel("a")).resolves.toEqual({ occupied: false });
    await expect(clientAnswering("[]").channel("a")).resolves.toEqual({ occupied: false });
  });

  it("users() maps the ids, and a body without users to an empty list", async () => {
    await expect(clientAnswering('{"users":[{"id":"1"},{"id":"2"}]}').users("presence-a")).resolves.toEqual({
      users: [{ id: "1" }, { id: "2" }],
    });
    await expect(clientAnswering('{"ok":true}').users("presence-a")).resolves.toEqual({ users: [] });
  });

  it("terminateUserConnections() resolves with nothing whatever the 2xx body", async () => {
    await expect(clientAnswering('{"ok":true}').terminateUserConnections("u1")).resolves.toBeUndefined();
  });

  it("get() resolves with a non-JSON 2xx body as its text", async () => {
    await expect(clientAnswering("plain words").get("/anything")).resolves.toBe("plain words");
  });

  it("a JSON body is parsed whatever its content type", async () => {
    const fake = fakeFetch(() => new Response('{"occupied":true}', { headers: { "content-type": "text/plain" } }));
    const client = createRestClient({ appId: "1", key: "k", secret: "s", fetch: fake.fetch });

    await expect(client.channel("a")).resolves.toEqual({ occupied: true });
  });
});
