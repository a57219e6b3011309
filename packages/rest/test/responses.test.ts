import { describe, expect, it } from "vitest";
import { createRestClient, isPusherHttpError, isPusherResponseError } from "../src/index.js";
import { fakeFetch } from "./support/fake-fetch.js";

function clientAnswering(body: string, status = 200) {
  const fake = fakeFetch(() => new Response(body, { status, headers: { "content-type": "application/json" } }));
  return createRestClient({ appId: "1", key: "k", secret: "app-secret-123", fetch: fake.fetch });
}

const batchOfTwo = [
  { channel: "a", name: "e", data: 1 },
  { channel: "b", name: "e", data: 2, info: ["subscription_count" as const] },
];

describe("response bodies are read tolerantly", () => {
  it.each([
    ["{}", {}],
    ['{"ok":true}', {}],
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

  it("a 204 without a body resolves as {}", async () => {
    const fake = fakeFetch(() => new Response(null, { status: 204 }));
    const client = createRestClient({ appId: "1", key: "k", secret: "s", fetch: fake.fetch });

    await expect(client.trigger("a", "e", "x")).resolves.toEqual({ channels: {} });
  });

  it("a JSON body is parsed whatever its content type", async () => {
    const fake = fakeFetch(() => new Response('{"occupied":true}', { headers: { "content-type": "text/plain" } }));
    const client = createRestClient({ appId: "1", key: "k", secret: "s", fetch: fake.fetch });

    await expect(client.channel("a")).resolves.toEqual({ occupied: true });
  });
});

describe("the generic calls take any 2xx answer: a JSON value as parsed, else the text", () => {
  it.each([
    ["a JSON array", '["a","b"]', ["a", "b"]],
    ["a JSON string", '"ok"', "ok"],
    ["a JSON number", "200", 200],
    ["null", "null", null],
    ["a proxy's OK", "OK", "OK"],
    ["an empty body", "", ""],
    ["truncated JSON", '{"channels":{', '{"channels":{'],
  ])("%s: get() and post() resolve with it, request() with it and the text", async (_kind, text, body) => {
    const client = clientAnswering(text);
    await expect(client.get("/extension")).resolves.toEqual(body);
    await expect(client.post("/extension", {})).resolves.toEqual(body);
    await expect(client.request("GET", "/extension")).resolves.toEqual({ status: 200, body, text });
  });

  it("a JSON body with {error, code} still rejects a generic call with a PusherHttpError", async () => {
    const error: unknown = await clientAnswering('{"error":"nope","code":4001}')
      .get("/x")
      .catch((rejection: unknown) => rejection);
    expect(isPusherHttpError(error) && error.serverCode).toBe(4001);
  });
});

describe("a 2xx answer that is not a JSON object is not the Pusher API's, and never passes for success", () => {
  it.each([
    ["an empty body", "", "(application/json, 0 characters)"],
    ["a captive portal's HTML", "<html><body>Sign in to the hotel Wi-Fi</body></html>", "(application/json, 52 characters)"],
    ["FISH", "FISH", "(application/json, 4 characters)"],
    ["a proxy's OK", "OK", "(application/json, 2 characters)"],
    ["a JSON array", "[]", "(application/json, 2 characters)"],
    ["a JSON string", '"ok"', "(application/json, 4 characters)"],
    ["a JSON number", "200", "(application/json, 3 characters)"],
    ["null", "null", "(application/json, 4 characters)"],
    ["truncated JSON", '{"channels":{', "(application/json, 13 characters)"],
  ])("%s rejects trigger() and channel() with a PusherResponseError (invalid_response)", async (_kind, body, described) => {
    const client = clientAnswering(body);
    for (const call of [() => client.trigger("a", "e", "x"), () => client.channel("a")]) {
      const error: unknown = await call().then(
        () => undefined,
        (rejection: unknown) => rejection,
      );
      expect(isPusherResponseError(error), String(error)).toBe(true);
      if (!isPusherResponseError(error)) return;
      expect(error.code).toBe("invalid_response");
      expect(error.status).toBe(200);
      expect(error.message).toContain(`got HTTP 200: not a Pusher API answer ${described}`);
    }
  });

  it("the body of a foreign answer is never quoted: a secret or signature it echoes stays out of the error", async () => {
    const secret = "s3cr3t-value";
    const fake = fakeFetch((request) => {
      const signature = new URL(request.url).searchParams.get("auth_signature")!;
      return new Response(`<html>${secret} ${signature}</html>`, { status: 200, headers: { "content-type": "text/html" } });
    });
    const client = createRestClient({ appId: "1", key: "k", secret, fetch: fake.fetch });
    const signature = () => new URL(fake.requests[0]!.url).searchParams.get("auth_signature")!;

    const error: unknown = await client.trigger("a", "e", "x").catch((rejection: unknown) => rejection);

    expect(isPusherResponseError(error)).toBe(true);
    const shown = `${String(error)} ${JSON.stringify(error)}`;
    expect(shown).toContain("not a Pusher API answer (text/html,");
    expect(shown).not.toContain(secret);
    expect(shown).not.toContain(signature());
  });

  it("a 200 with {error, code} keeps the server's code in serverCode, for code to branch on", async () => {
    const error: unknown = await clientAnswering('{"error":"App key missing","code":4001}')
      .trigger("a", "e", "x")
      .catch((rejection: unknown) => rejection);

    expect(isPusherHttpError(error)).toBe(true);
    if (!isPusherHttpError(error)) return;
    expect(error.status).toBe(200);
    expect(error.serverCode).toBe(4001);
    expect(error.serverMessage).toBe("App key missing");
    expect(error.message).toMatch(/ failed: 4001 App key missing \(answered with HTTP 200\)$/);
  });
});

describe("request(method, path, options): the whole answer", () => {
  it("resolves with the status, the parsed body and the body text exactly as received", async () => {
    const text = '{ "channels" : {"a":{}} }';
    const fake = fakeFetch(() => new Response(text, { status: 200, headers: { "content-type": "application/json" } }));
    const client = createRestClient({ appId: "1", key: "k", secret: "app-secret-123", fetch: fake.fetch });

    await expect(client.request("GET", "/channels", { params: { filter_by_prefix: "presence-" } })).resolves.toEqual({
      status: 200,
      body: { channels: { a: {} } },
      text,
    });
    expect(new URL(fake.requests[0]!.url).searchParams.get("filter_by_prefix")).toBe("presence-");
  });

  it("a POST sends a string body as-is, anything else JSON-encoded once, and {} when there is none", async () => {
    const fake = fakeFetch(() => new Response("{}", { status: 200 }));
    const client = createRestClient({ appId: "1", key: "k", secret: "app-secret-123", fetch: fake.fetch });

    await client.request("POST", "/events", { body: '{"raw":true}' });
    await client.request("POST", "/events", { body: { name: "e" } });
    await client.request("POST", "/users/1/terminate_connections");

    expect(fake.requests.map((request) => request.body)).toEqual(['{"raw":true}', '{"name":"e"}', "{}"]);
  });

  it("refuses a method other than GET and POST, a GET with a body, and a path with a query, before sending", async () => {
    const fake = fakeFetch();
    const client = createRestClient({ appId: "1", key: "k", secret: "app-secret-123", fetch: fake.fetch });

    await expect(client.request("PUT" as "GET", "/channels")).rejects.toMatchObject({ name: "PusherValidationError", field: "method" });
    await expect(client.request("GET", "/channels", { body: "x" })).rejects.toMatchObject({ name: "PusherValidationError", field: "body" });
    await expect(client.request("GET", "/channels?x=1")).rejects.toMatchObject({ name: "PusherValidationError", field: "path" });
    expect(fake.requests).toHaveLength(0);
  });
});
