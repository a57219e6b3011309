// The fake checks request signatures as Pusher does (docs/protocol.md §2): the documented vectors are
// accepted at their timestamps, and every tampered part is refused with Pusher's status and text.
import { describe, expect, it } from "vitest";
import type { FakePusher } from "@x/testing";
import { useFakes } from "./support/fakes.js";
import { refusalOf, sdks } from "./support/sdks.js";
import { sendSigned } from "./support/signed-request.js";

const start = useFakes();

const V1 = {
  appId: "3",
  key: "278d425bdf160c739803",
  secret: "7ad3773142a6692b25b8",
  timestamp: 1353088179,
  body: '{"name":"foo","channels":["project-3"],"data":"{\\"some\\":\\"data\\"}"}',
  bodyMd5: "ec365a775a4cd0599faeb73354201b6f",
  stringToSign:
    "POST\n/apps/3/events\nauth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f",
  signature: "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c",
};

/** Posts V1 as documented, with `change` applied to its query or body. */
async function postV1(fake: FakePusher, change: { query?: Record<string, string>; body?: string } = {}) {
  const query = new URLSearchParams({
    auth_key: V1.key,
    auth_timestamp: String(V1.timestamp),
    auth_version: "1.0",
    body_md5: V1.bodyMd5,
    auth_signature: V1.signature,
    ...change.query,
  });
  const response = await fetch(`http://127.0.0.1:${fake.config.port}/apps/3/events?${query.toString()}`, {
    method: "POST",
    body: change.body ?? V1.body,
    headers: { "content-type": "application/json" },
  });
  return { status: response.status, body: await response.text() };
}

describe("the documented POST /events (Pusher's signing example)", () => {
  const credentials = { appId: V1.appId, key: V1.key, secret: V1.secret };
  const at = (seconds: number) => () => seconds * 1000;

  it("is accepted at its timestamp and recorded as sent", async () => {
    const fake = await start({ ...credentials, now: at(V1.timestamp) });
    expect(await postV1(fake)).toEqual({ status: 200, body: "{}" });
    expect(fake.events).toEqual([{ channel: "project-3", name: "foo", data: '{"some":"data"}', requestId: 1 }]);
    expect(fake.requests[0]).toMatchObject({ method: "POST", path: "/apps/3/events", status: 200, body: V1.body });
    expect(fake.requests[0]?.query).not.toHaveProperty("auth_signature");
  });

  it("is accepted 599 s away from the fake's clock, and refused with 401 at 600 s either way", async () => {
    let clock = (V1.timestamp + 599) * 1000;
    const fake = await start({ ...credentials, now: () => clock });
    expect((await postV1(fake)).status).toBe(200);
    clock = (V1.timestamp - 599) * 1000;
    expect((await postV1(fake)).status).toBe(200);
    clock = (V1.timestamp + 600) * 1000;
    expect(await postV1(fake)).toEqual({
      status: 401,
      body: "Timestamp expired: Given timestamp (2012-11-16T17:49:39Z) not within 600s of server time (2012-11-16T17:59:39Z)\n",
    });
    clock = (V1.timestamp - 600) * 1000;
    expect((await postV1(fake)).status).toBe(401);
    expect(fake.events).toHaveLength(2);
  });

  it("refuses a changed signature with 401, telling the string it should have signed", async () => {
    const fake = await start({ ...credentials, now: at(V1.timestamp) });
    const sent = V1.signature.replace(/^d/, "e");
    expect(await postV1(fake, { query: { auth_signature: sent } })).toEqual({
      status: 401,
      body: `Invalid signature: you should have sent HmacSHA256Hex(${JSON.stringify(V1.stringToSign)}, your_secret_key), but you sent "${sent}"\n`,
    });
    expect(fake.events).toEqual([]);
  });

  it("refuses a changed body with 401 (body_md5), a changed timestamp or path parameter with 401 (signature)", async () => {
    const fake = await start({ ...credentials, now: at(V1.timestamp) });
    expect(await postV1(fake, { body: V1.body.replace("foo", "fop") })).toEqual({ status: 401, body: "body_md5 does not match\n" });
    expect((await postV1(fake, { query: { auth_timestamp: String(V1.timestamp + 1) } })).body).toMatch(/^Invalid signature/);
    expect((await postV1(fake, { query: { extra: "1" } })).body).toMatch(/^Invalid signature/);
    expect(fake.events).toEqual([]);
  });

  it("refuses another app's key with 400 Unknown auth_key, and a missing or other auth_version with 401", async () => {
    const fake = await start({ ...credentials, now: at(V1.timestamp) });
    expect(await postV1(fake, { query: { auth_key: "278d425bdf160c739804" } })).toEqual({ status: 400, body: "Unknown auth_key\n" });
    expect(await postV1(fake, { query: { auth_version: "2.0" } })).toEqual({ status: 401, body: "Version not supported\n" });
    expect(fake.requests.map((request) => request.status)).toEqual([400, 401]);
  });

  it("refuses it at an app with another id with 404, as Pusher answers unknown paths", async () => {
    const fake = await start({ ...credentials, appId: "4", now: at(V1.timestamp) });
    expect(await postV1(fake)).toEqual({ status: 404, body: "404 NOT FOUND\n" });
  });
});

describe("the documented GET requests (Pusher's signing examples)", () => {
  const key = "d41a439c438a100756f5";
  const secret = "4bf35003e819bb138249";
  const rows: { path: string; params: Record<string, string>; ts: number; signature: string; answer: object }[] = [
    {
      path: "/channels",
      params: { filter_by_prefix: "presence-", info: "user_count" },
      ts: 1427034994,
      signature: "4d8a02edcc8a758b0162cd6da690a9a45fb8ae326a276dca1e06a0bc42796c11",
      answer: { channels: {} },
    },
    {
      path: "/channels",
      params: { filter_by_prefix: "presence-" },
      ts: 1427036577,
      signature: "b540383af4582af5fbb5df7be5472d54bd0838c9c2021c7743062568839e6f97",
      answer: { channels: {} },
    },
    {
      path: "/channels",
      params: {},
      ts: 1427036787,
      signature: "df89248f87f6e6d028925e0b04d60f316527a865992ace6936afa91281d8bef0",
      answer: { channels: {} },
    },
    {
      path: "/channels/presence-session-d41a439c438a100756f5-4bf35003e819bb138249-ROpCFmgFhXY",
      params: { info: "user_count,subscription_count" },
      ts: 1427053326,
      signature: "f93ceb31f396aef336226efe512aaf339bd5e39c7c2c04b81cc8681dc16ee785",
      answer: { occupied: false, user_count: 0, subscription_count: 0 },
    },
    {
      path: "/channels/presence-session-d41a439c438a100756f5-4bf35003e819bb138249-nYJLy67qh52/users",
      params: {},
      ts: 1427053709,
      signature: "207feaf4e8efeb24e5f148011704251bf90e2059a5f97a3eb52d06178b11feca",
      answer: { users: [] },
    },
  ];

  it.each(rows)("GET $path is accepted at $ts", async ({ path, params, ts, signature, answer }) => {
    const fake = await start({ appId: "102015", key, secret, now: () => ts * 1000 });
    const query = new URLSearchParams({
      ...params,
      auth_key: key,
      auth_timestamp: String(ts),
      auth_version: "1.0",
      auth_signature: signature,
    });
    const response = await fetch(`http://127.0.0.1:${fake.config.port}/apps/102015${path}?${query.toString()}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(answer);
    // The same request one parameter off no longer matches its signature.
    query.set("auth_timestamp", String(ts + 1));
    const tampered = await fetch(`http://127.0.0.1:${fake.config.port}/apps/102015${path}?${query.toString()}`);
    expect(tampered.status).toBe(401);
  });
});

describe("MD5 of documented bodies", () => {
  it.each([
    { path: "/users/42/terminate_connections", body: "{}", md5: "99914b932bd37a50b983c5e7c90ae93b" },
    {
      path: "/events",
      body: '{"name":"my_event","data":"{\\"some\\":\\"data \\"}","channels":["one"]}',
      md5: "e95168baf497b2e54b2c6cadd41a6a3f",
    },
    {
      path: "/batch_events",
      body: '{"batch":[{"channel":"integration","name":"event","data":"test"},{"channel":"integration2","name":"event2","data":"test2"}]}',
      md5: "fd5ab5fd40237f27555c4d2564470fdd",
    },
  ])("POST $path with body_md5 $md5 is accepted, and refused with one hex digit off", async ({ path, body, md5 }) => {
    const fake = await start();
    const withMd5 = (value: string) => (query: Map<string, string>) => {
      expect(query.get("body_md5")).toBe(md5);
      query.set("body_md5", value);
    };
    expect(await sendSigned(fake, { path, body, afterSigning: withMd5(md5) })).toMatchObject({ status: 200 });
    // body_md5 is signed too: changing it alone is a signature failure.
    const off = `${md5.slice(0, -1)}${md5.endsWith("0") ? "1" : "0"}`;
    expect((await sendSigned(fake, { path, body, afterSigning: withMd5(off) })).body).toMatch(/^Invalid signature/);
  });
});

describe("the checks on each part of a signed request", () => {
  it("refuses a missing auth_key (401), auth_timestamp (401) or auth_version (401), as the signature gem words them", async () => {
    const fake = await start();
    const without = (name: string) => sendSigned(fake, { path: "/channels", afterSigning: (query) => query.delete(name) });
    expect(await without("auth_key")).toMatchObject({ status: 401, body: "Missing parameter: auth_key\n" });
    expect(await without("auth_timestamp")).toMatchObject({ status: 401, body: "Timestamp required\n" });
    expect(await without("auth_version")).toMatchObject({ status: 401, body: "Version required\n" });
    expect(await without("auth_signature")).toMatchObject({ status: 401 });
  });

  it("refuses a body sent without body_md5 (401), and a body sent other than the one signed (401)", async () => {
    const fake = await start();
    const body = JSON.stringify({ name: "e", data: "{}", channel: "c" });
    const noMd5 = await sendSigned(fake, { path: "/events", params: {}, body: "", bodySent: body });
    expect(noMd5).toMatchObject({ status: 401, body: "body_md5 required for a request with a body\n" });
    const swapped = await sendSigned(fake, { path: "/events", body, bodySent: body.replace('"e"', '"f"') });
    expect(swapped).toMatchObject({ status: 401, body: "body_md5 does not match\n" });
    expect(fake.events).toEqual([]);
  });

  it("reads percent-encoded query values decoded and keys in any case, as signing requires", async () => {
    const fake = await start();
    fake.subscribe("presence-a;b", { userId: "1" });
    const answer = await sendSigned(fake, { path: "/channels", params: { FILTER_BY_PREFIX: "presence-a;", info: "user_count" } });
    expect(answer).toMatchObject({ status: 200 });
    expect(JSON.parse(answer.body)).toEqual({ channels: { "presence-a;b": { user_count: 1 } } });
  });

  it.each(["pusher (official)", "@x/server"])("refuses %s built with a wrong secret (401) or a wrong key (400)", async (name) => {
    const fake = await start();
    const wrong = (change: string) => fake.url.replace(change === "secret" ? fake.config.secret : fake.config.key, "not-the-one");
    const [withWrongSecret] = sdks({ ...fake, url: wrong("secret") }).filter((sdk) => sdk.name === name);
    const [withWrongKey] = sdks({ ...fake, url: wrong("key") }).filter((sdk) => sdk.name === name);
    expect(await refusalOf(withWrongSecret!.trigger("c", "e", {}))).toMatchObject({
      status: 401,
      message: expect.stringMatching(/^Invalid signature/),
    });
    expect(await refusalOf(withWrongKey!.channels())).toEqual({ status: 400, message: "Unknown auth_key" });
    expect(fake.events).toEqual([]);
  });
});
