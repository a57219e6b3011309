import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRestClient, type RestClientOptions } from "../src/index.js";
import { fakeFetch, json } from "./support/fake-fetch.js";
import { fixClock } from "./support/fixed-clock.js";
import { md5Of, signatureOf } from "./support/independent-signature.js";
import { BATCH_VECTOR, EMPTY_OBJECT_MD5, V1, V2 } from "./support/protocol-vectors.js";

const packageVersion = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
const LIBRARY = `@x/rest ${packageVersion}`;
// A POST names its Content-Length, as the official SDK's do (nock's `reqheaders` match on it).
const postHeaders = (body: string) => ({
  accept: "application/json",
  "content-type": "application/json",
  "content-length": String(Buffer.byteLength(body)),
  "x-pusher-library": LIBRARY,
});
const GET_HEADERS = { accept: "application/json", "x-pusher-library": LIBRARY };

function clientFor(options: Partial<RestClientOptions> & Pick<RestClientOptions, "appId" | "key" | "secret">) {
  const fake = fakeFetch();
  return { client: createRestClient({ ...options, fetch: fake.fetch }), requests: fake.requests };
}

describe("trigger on the wire", () => {
  it("trigger() reproduces docs/protocol.md V1 byte for byte: URL, headers and body", async () => {
    fixClock(V1.timestamp);
    const { client, requests } = clientFor({ appId: V1.appId, key: V1.key, secret: V1.secret });

    await client.trigger("project-3", "foo", { some: "data" });

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe(
      "https://api-mt1.pusher.com/apps/3/events?auth_key=278d425bdf160c739803&auth_timestamp=1353088179" +
        `&auth_version=1.0&body_md5=${V1.bodyMd5}&auth_signature=${V1.signature}`,
    );
    expect(request!.headers).toEqual(postHeaders(V1.body));
    expect(request!.body).toBe(V1.body);
  });

  it("trigger() to several channels with socketId and info sends them in the body, info comma-joined", async () => {
    fixClock(V1.timestamp);
    const { client, requests } = clientFor({ appId: V1.appId, key: V1.key, secret: V1.secret });

    await client.trigger(["a", "b"], "e", "hi", { socketId: "123.456", info: ["user_count", "subscription_count"] });

    const body = '{"name":"e","channels":["a","b"],"data":"hi","socket_id":"123.456","info":"user_count,subscription_count"}';
    expect(requests[0]!.body).toBe(body);
    const query = `auth_key=${V1.key}&auth_timestamp=${V1.timestamp}&auth_version=1.0&body_md5=${md5Of(body)}`;
    expect(requests[0]!.url).toBe(
      `https://api-mt1.pusher.com/apps/3/events?${query}&auth_signature=${signatureOf(V1.secret, "POST", "/apps/3/events", query)}`,
    );
  });

  it("trigger() with an empty info list sends no info", async () => {
    const { client, requests } = clientFor({ appId: "1", key: "k", secret: "s" });

    await client.trigger("a", "e", "x", { info: [] });

    expect(requests[0]!.body).toBe('{"name":"e","channels":["a"],"data":"x"}');
  });

  it("trigger() sends string data as-is and JSON-encodes anything else exactly once", async () => {
    const { client, requests } = clientFor({ appId: "1", key: "k", secret: "s" });

    await client.trigger("a", "e", '{"already":"json"}');
    await client.trigger("a", "e", { nested: { text: "é" } });
    await client.trigger("a", "e", 42);

    expect(requests.map((request) => (JSON.parse(request.body) as { data: string }).data)).toEqual([
      '{"already":"json"}',
      '{"nested":{"text":"é"}}',
      "42",
    ]);
  });

  it("triggerBatch() sends the docs/protocol.md batch body whose MD5 is the documented one", async () => {
    fixClock(V1.timestamp);
    const { client, requests } = clientFor({ appId: V1.appId, key: V1.key, secret: V1.secret });

    await client.triggerBatch([
      { channel: "integration", name: "event", data: "test" },
      { channel: "integration2", name: "event2", data: "test2" },
    ]);

    expect(requests[0]!.body).toBe(BATCH_VECTOR.body);
    const query = `auth_key=${V1.key}&auth_timestamp=${V1.timestamp}&auth_version=1.0&body_md5=${BATCH_VECTOR.md5}`;
    const signature = signatureOf(V1.secret, "POST", "/apps/3/batch_events", query);
    expect(requests[0]!.url).toBe(`https://api-mt1.pusher.com/apps/3/batch_events?${query}&auth_signature=${signature}`);
    expect(requests[0]!.headers).toEqual(postHeaders(BATCH_VECTOR.body));
  });

  it("triggerBatch() puts socket_id and info on the events that have them", async () => {
    const { client, requests } = clientFor({ appId: "1", key: "k", secret: "s" });

    await client.triggerBatch([
      { channel: "a", name: "e", data: { n: 1 }, socketId: "1.2", info: ["subscription_count"] },
      { channel: "b", name: "e", data: "x" },
    ]);

    expect(requests[0]!.body).toBe(
      '{"batch":[{"channel":"a","name":"e","data":"{\\"n\\":1}","socket_id":"1.2","info":"subscription_count"},' +
        '{"channel":"b","name":"e","data":"x"}]}',
    );
  });

  it("sendToUser() triggers on #server-to-user-<userId>", async () => {
    const { client, requests } = clientFor({ appId: "1", key: "k", secret: "s" });

    await client.sendToUser("user-42", "notice", { text: "hi" });

    expect(requests[0]!.url).toMatch(/^https:\/\/api-mt1\.pusher\.com\/apps\/1\/events\?/);
    expect(requests[0]!.body).toBe('{"name":"notice","channels":["#server-to-user-user-42"],"data":"{\\"text\\":\\"hi\\"}"}');
  });

  it("terminateUserConnections() POSTs {} to /users/<id>/terminate_connections", async () => {
    fixClock(V1.timestamp);
    const { client, requests } = clientFor({ appId: "1", key: "k", secret: "s" });

    await client.terminateUserConnections("user-42");

    const path = "/apps/1/users/user-42/terminate_connections";
    const query = `auth_key=k&auth_timestamp=${V1.timestamp}&auth_version=1.0&body_md5=${EMPTY_OBJECT_MD5}`;
    expect(requests[0]!.url).toBe(`https://api-mt1.pusher.com${path}?${query}&auth_signature=${signatureOf("s", "POST", path, query)}`);
    expect(requests[0]!.body).toBe("{}");
    expect(requests[0]!.headers).toEqual(postHeaders("{}"));
  });
});

describe("channel queries on the wire", () => {
  const v2Client = () => clientFor({ appId: V2.appId, key: V2.key, secret: V2.secret });
  const base = "https://api-mt1.pusher.com/apps/102015";
  const auth = (timestamp: number) => `auth_key=${V2.key}&auth_timestamp=${timestamp}&auth_version=1.0`;

  it("channels({ filterByPrefix, info }) reproduces the first V2 row", async () => {
    fixClock(V2.channelsWithInfo.timestamp);
    const { client, requests } = v2Client();

    await client.channels({ filterByPrefix: "presence-", info: ["user_count"] });

    expect(requests[0]!.method).toBe("GET");
    expect(requests[0]!.url).toBe(
      `${base}/channels?${auth(V2.channelsWithInfo.timestamp)}&filter_by_prefix=presence-&info=user_count` +
        `&auth_signature=${V2.channelsWithInfo.signature}`,
    );
    expect(requests[0]!.headers).toEqual(GET_HEADERS);
    expect(requests[0]!.body).toBe("");
  });

  it("channels({ filterByPrefix }) reproduces the second V2 row", async () => {
    fixClock(V2.channelsWithPrefix.timestamp);
    const { client, requests } = v2Client();

    await client.channels({ filterByPrefix: "presence-" });

    expect(requests[0]!.url).toBe(
      `${base}/channels?${auth(V2.channelsWithPrefix.timestamp)}&filter_by_prefix=presence-` +
        `&auth_signature=${V2.channelsWithPrefix.signature}`,
    );
  });

  it("channels() reproduces the third V2 row, with no body_md5", async () => {
    fixClock(V2.channelsPlain.timestamp);
    const { client, requests } = v2Client();

    await client.channels();

    expect(requests[0]!.url).toBe(`${base}/channels?${auth(V2.channelsPlain.timestamp)}&auth_signature=${V2.channelsPlain.signature}`);
  });

  it("channel(name, { info }) reproduces the fourth V2 row", async () => {
    fixClock(V2.channel.timestamp);
    const { client, requests } = v2Client();

    await client.channel(V2.channel.name, { info: ["user_count", "subscription_count"] });

    expect(requests[0]!.url).toBe(
      `${base}/channels/${V2.channel.name}?${auth(V2.channel.timestamp)}&info=user_count%2Csubscription_count` +
        `&auth_signature=${V2.channel.signature}`,
    );
  });

  it("users(presenceChannel) reproduces the fifth V2 row", async () => {
    fixClock(V2.users.timestamp);
    const { client, requests } = v2Client();

    await client.users(V2.users.name);

    expect(requests[0]!.url).toBe(
      `${base}/channels/${V2.users.name}/users?${auth(V2.users.timestamp)}&auth_signature=${V2.users.signature}`,
    );
    expect(requests[0]!.headers).toEqual(GET_HEADERS);
  });
});

describe("generic requests and hosts on the wire", () => {
  it("get(path, params) signs the path under /apps/<appId> with the params sorted, and sends no body", async () => {
    fixClock(V1.timestamp);
    const { client, requests } = clientFor({ appId: "app-id", key: "k", secret: "s" });

    await client.get("/channels", { info: ["user_count"], filter_by_prefix: "presence-" });

    const query = `auth_key=k&auth_timestamp=${V1.timestamp}&auth_version=1.0&filter_by_prefix=presence-&info=user_count`;
    const signature = signatureOf("s", "GET", "/apps/app-id/channels", query);
    expect(requests[0]!.url).toBe(`https://api-mt1.pusher.com/apps/app-id/channels?${query}&auth_signature=${signature}`);
    expect(requests[0]!.headers).toEqual(GET_HEADERS);
  });

  it("post(path, body) sends a JSON-encoded body once and signs its MD5", async () => {
    fixClock(V1.timestamp);
    const { client, requests } = clientFor({ appId: "1", key: "k", secret: "s" });

    await client.post("/events", { name: "e", channels: ["a"], data: "x" });

    const body = '{"name":"e","channels":["a"],"data":"x"}';
    expect(requests[0]!.body).toBe(body);
    const query = `auth_key=k&auth_timestamp=${V1.timestamp}&auth_version=1.0&body_md5=${md5Of(body)}`;
    expect(requests[0]!.url).toBe(
      `https://api-mt1.pusher.com/apps/1/events?${query}&auth_signature=${signatureOf("s", "POST", "/apps/1/events", query)}`,
    );
  });

  it.each([
    [{ cluster: "eu" }, "https://api-eu.pusher.com/apps/1/channels?"],
    [{ cluster: "eu", host: "api.example.com" }, "https://api.example.com/apps/1/channels?"],
    [{ host: "127.0.0.1", port: 6001, useTLS: false }, "http://127.0.0.1:6001/apps/1/channels?"],
    [{ host: "[::1]", port: 8443 }, "http://[::1]:8443/apps/1/channels?"],
    [{ host: "[::1]", port: 8443, useTLS: true }, "https://[::1]:8443/apps/1/channels?"],
    // Loopback hosts default to plain HTTP, every other host to HTTPS; an explicit useTLS wins.
    [{ host: "localhost", port: 6001 }, "http://localhost:6001/apps/1/channels?"],
    [{ host: "127.8.9.10" }, "http://127.8.9.10/apps/1/channels?"],
    [{ host: "localhost", useTLS: true }, "https://localhost/apps/1/channels?"],
    [{ host: "localhost.example.com" }, "https://localhost.example.com/apps/1/channels?"],
    [{ host: "10.0.0.1" }, "https://10.0.0.1/apps/1/channels?"],
    [{}, "https://api-mt1.pusher.com/apps/1/channels?"],
  ])("createRestClient(%j) sends requests to %s", async (connection, prefix) => {
    const { client, requests } = clientFor({ appId: "1", key: "k", secret: "s", ...connection });

    await client.channels();

    expect(requests[0]!.url.startsWith(prefix)).toBe(true);
  });

  it("post() returns the parsed body and get() the parsed JSON of the server", async () => {
    const fake = fakeFetch((request) => json({ echo: request.method }));
    const client = createRestClient({ appId: "1", key: "k", secret: "s", fetch: fake.fetch });

    await expect(client.get<{ echo: string }>("/anything")).resolves.toEqual({ echo: "GET" });
    await expect(client.post<{ echo: string }>("/anything", "{}")).resolves.toEqual({ echo: "POST" });
  });
});
