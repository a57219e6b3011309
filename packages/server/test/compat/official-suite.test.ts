// The official `pusher` package's own test suite (its tests/integration, 5.3.4), ported: the
// same inputs and the same expected outputs, run against BOTH the official package and
// `@x/server/compat`. A test that passes for the official package and fails for the compat
// entry is a difference in behaviour. Its nock mocks become a loopback server
// (support/recording-server.ts); its `pusher.config.*` assertions become what the config does
// (where requests go, what is signed). Where the compat entry differs on purpose, the official
// expectation is checked for the official package and ours for the compat entry, in the
// "differs on purpose" block at the end (each is a row of docs/migrating-from-pusher.md).
import nacl from "tweetnacl";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Compat, IMPLEMENTATIONS, Official, asOptions } from "./support/both-sdks.js";
import { useRecordingServer, type RecordedRequest } from "./support/recording-server.js";
import { refusingAgent } from "./support/refusing-agent.js";
import { whereItGoes } from "./support/where-it-goes.js";

const server = useRecordingServer();

afterEach(() => {
  vi.useRealTimers();
});

/** The official tests' view of a request: timestamp and signature replaced, the query decoded. */
function filtered(request: RecordedRequest): { method: string; path: string; query: Record<string, string>; body: unknown } {
  const query = { ...request.query };
  if (query.auth_timestamp !== undefined) query.auth_timestamp = "X";
  if (query.auth_signature !== undefined) {
    expect(query.auth_signature).toMatch(/^[0-9a-f]{64}$/);
    query.auth_signature = "Y";
  }
  return { method: request.method, path: request.path, query, body: request.body === "" ? undefined : JSON.parse(request.body) };
}

function lastRequest(): RecordedRequest {
  const request = server.requests.at(-1);
  if (request === undefined) throw new Error("no request reached the server");
  return request;
}

/** `{ key, X, Y }` query of the official tests, with `body_md5` and extra params. */
function signedQuery(key: string, extra: Record<string, string> = {}): Record<string, string> {
  return { auth_key: key, auth_timestamp: "X", auth_version: "1.0", auth_signature: "Y", ...extra };
}

const MASTER_KEY_BASE64 = "zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=";

describe.each(IMPLEMENTATIONS)("%s passes the official test suite", (_name, Pusher) => {
  const local = (options: object = {}) =>
    new Pusher(
      asOptions({ appId: 1234, key: "f00d", secret: "tofu", host: "127.0.0.1", port: String(server.port), useTLS: false, ...options }),
    );

  describe("authenticate.js", () => {
    const pusher = () => new Pusher(asOptions({ appId: 10000, key: "aaaa", secret: "tofu" }));

    it("authenticateUser prefixes the signature with the app key", () => {
      const withKey = (key: string) => new Pusher(asOptions({ appId: 10000, key, secret: "tofu" }));
      expect(withKey("1234").authenticateUser("123.456", { id: "45678" })).toEqual({
        auth: "1234:f4b1fdeea7c93e32648c7230e32b172057c5623cace6cfce791c6e7035e0babd",
        user_data: '{"id":"45678"}',
      });
      expect(withKey("abcdef").authenticateUser("123.456", { id: "45678" })).toEqual({
        auth: "abcdef:f4b1fdeea7c93e32648c7230e32b172057c5623cace6cfce791c6e7035e0babd",
        user_data: '{"id":"45678"}',
      });
    });

    it("authenticateUser returns the signatures for different user data and secrets", () => {
      expect(pusher().authenticateUser("123.456", { id: "55555", user_name: "test" })).toEqual({
        auth: "aaaa:b8a9f173455903792ae2b788add0c4c78ad7372b3ae7fb5769479276a1993743",
        user_data: JSON.stringify({ id: "55555", user_name: "test" }),
      });
      const withSecret = (secret: string) => new Pusher(asOptions({ appId: 10000, key: "11111", secret }));
      expect(withSecret("1").authenticateUser("123.456", { id: "45678" }).auth).toBe(
        "11111:79bddf29fe8e2153dd5d8d569b3f45e5aeb26ae2eb4758879d844791b466cfa2",
      );
      expect(withSecret("2").authenticateUser("123.456", { id: "45678" }).auth).toBe(
        "11111:a542498ffa6faf6de7c17a8106b923c042319bd73acfd1d274df32e269b55d1f",
      );
    });

    it("authenticateUser signs UTF-8 user data", () => {
      expect(pusher().authenticateUser("1.1", { id: "ą§¶™€łü€ß£" })).toEqual({
        auth: "aaaa:620494cee53d6c568b49598313194088afda37218f0d059af03c0c898ed61ff4",
        user_data: '{"id":"ą§¶™€łü€ß£"}',
      });
    });

    it("authenticateUser throws on a bad socket id, user data or user id, with the official messages", () => {
      const p = pusher() as unknown as { authenticateUser(socketId: unknown, userData: unknown): unknown };
      expect(() => p.authenticateUser(undefined, { id: "123" })).toThrow(/^Invalid socket id: 'undefined'$/);
      expect(() => p.authenticateUser(null, { id: "123" })).toThrow(/^Invalid socket id: 'null'$/);
      expect(() => p.authenticateUser(111, { id: "123" })).toThrow(/^Invalid socket id: '111'$/);
      expect(() => p.authenticateUser("", { id: "123" })).toThrow(/^Invalid socket id: ''$/);
      for (const socketId of ["1.1:", ":1.1", ":\n1.1", "1.1\n:"]) {
        expect(() => p.authenticateUser(socketId, { id: "123" })).toThrow(/^Invalid socket id/);
      }
      expect(() => p.authenticateUser("111.222", undefined)).toThrow(/^Invalid user data: 'undefined'$/);
      expect(() => p.authenticateUser("111.222", null)).toThrow(/^Invalid user data: 'null'$/);
      expect(() => p.authenticateUser("111.222", 111)).toThrow(/^Invalid user data: '111'$/);
      expect(() => p.authenticateUser("111.222", "")).toThrow(/^Invalid user data: ''$/);
      expect(() => p.authenticateUser("111.222", "abc")).toThrow(/^Invalid user data: 'abc'$/);
      expect(() => p.authenticateUser("111.222", {})).toThrow(/^Invalid user id: 'undefined'$/);
      expect(() => p.authenticateUser("111.222", { id: "" })).toThrow(/^Invalid user id: ''$/);
      expect(() => p.authenticateUser("111.222", { id: 123 })).toThrow(/^Invalid user id: '123'$/);
    });

    it("authenticate is authorizeChannel, the same function (the deprecated name)", () => {
      const p = pusher();
      // Compared, not called: the point is that they are one function.
      /* eslint-disable @typescript-eslint/unbound-method */
      expect(p.authenticate).toBe(p.authorizeChannel);
      expect(Pusher.prototype.authenticate).toBe(Pusher.prototype.authorizeChannel);
      /* eslint-enable @typescript-eslint/unbound-method */
    });

    it("authenticate gives what authorizeChannel gives", () => {
      expect(pusher().authenticate("123.456", "test", { user_id: "1" })).toEqual(
        pusher().authorizeChannel("123.456", "test", { user_id: "1" }),
      );
    });

    it("authorizeChannel prefixes the signature with the app key, for any socket id, channel and secret", () => {
      const make = (key: string, secret = "tofu") => new Pusher(asOptions({ appId: 10000, key, secret }));
      expect(make("1234").authorizeChannel("123.456", "test")).toEqual({
        auth: "1234:efa6cf7644a0b35cba36aa0f776f3cbf7bb60e95ea2696bde1dbe8403b61bd7c",
      });
      expect(make("abcdef").authorizeChannel("123.456", "test")).toEqual({
        auth: "abcdef:efa6cf7644a0b35cba36aa0f776f3cbf7bb60e95ea2696bde1dbe8403b61bd7c",
      });
      expect(pusher().authorizeChannel("321.654", "test").auth).toBe(
        "aaaa:f6ecb0a17d3e4f68aca28f1673197a7608587c09deb0208faa4b5519aee0a777",
      );
      expect(pusher().authorizeChannel("123.456", "test1").auth).toBe(
        "aaaa:d5ab857f805433cb50562da96afa41688d7742a3c3a021ed15a4d991a4d8cf94",
      );
      expect(pusher().authorizeChannel("123.456", "test2").auth).toBe(
        "aaaa:43affa6a09af1fb9ce1cadf176171346beaf7366673ec1e5920f68b3e97a466d",
      );
      expect(make("11111", "1").authorizeChannel("123.456", "test").auth).toBe(
        "11111:584828bd6e80b2d177d2b28fde07b8e170abf87ccb5a791a50c933711fb8eb28",
      );
      expect(make("11111", "2").authorizeChannel("123.456", "test").auth).toBe(
        "11111:269bbf3f7625db4e0d0525b617efa5915c3ae667fd222dc8e4cb94bc531f26f2",
      );
    });

    it("authorizeChannel returns and signs the channel data, UTF-8 included", () => {
      const data = { foo: "bar" } as unknown as Compat.PresenceChannelData;
      expect(pusher().authorizeChannel("123.456", "test", data)).toEqual({
        auth: "aaaa:f41faf9ead2ea76772cc6b1168363057459f02499ae4d92e88229dc7f4efa2d4",
        channel_data: '{"foo":"bar"}',
      });
      const text = "ą§¶™€łü€ß£" as unknown as Compat.PresenceChannelData;
      expect(pusher().authorizeChannel("1.1", "test", text)).toEqual({
        auth: "aaaa:2a229263e89d9c50524fd80c2e88be2843379f6931e28995e2cc214282c9db0c",
        channel_data: '"ą§¶™€łü€ß£"',
      });
    });

    it("authorizeChannel throws on a bad socket id or channel name, with the official messages", () => {
      const p = pusher() as unknown as { authorizeChannel(socketId: unknown, channel: unknown, data?: unknown): unknown };
      expect(() => p.authorizeChannel(undefined, "test")).toThrow(/^Invalid socket id: 'undefined'$/);
      expect(() => p.authorizeChannel(null, "test")).toThrow(/^Invalid socket id: 'null'$/);
      expect(() => p.authorizeChannel(111, "test")).toThrow(/^Invalid socket id: '111'$/);
      expect(() => p.authorizeChannel("", "test")).toThrow(/^Invalid socket id: ''$/);
      for (const socketId of ["1.1:", ":1.1", ":\n1.1", "1.1\n:"]) {
        expect(() => p.authorizeChannel(socketId, "test")).toThrow(/^Invalid socket id/);
      }
      expect(() => p.authorizeChannel("111.222", undefined)).toThrow(/^Invalid channel name: 'undefined'$/);
      expect(() => p.authorizeChannel("111.222", null)).toThrow(/^Invalid channel name: 'null'$/);
      expect(() => p.authorizeChannel("111.222", 111)).toThrow(/^Invalid channel name: '111'$/);
      expect(() => p.authorizeChannel("111.222", "")).toThrow(/^Invalid channel name: ''$/);
    });

    it("authorizeChannel refuses a private-encrypted- channel without a master key", () => {
      expect(() => pusher().authorizeChannel("123.456", "private-encrypted-bla", "foo" as never)).toThrow(
        "Cannot generate shared_secret because encryptionMasterKey is not set",
      );
    });

    it("authorizeChannel returns the shared_secret of private-encrypted- channels only", () => {
      const encrypted = new Pusher(asOptions({ appId: 1234, key: "f00d", secret: "tofu", encryptionMasterKeyBase64: MASTER_KEY_BASE64 }));
      expect(encrypted.authorizeChannel("123.456", "private-encrypted-bla", "foo" as never)).toEqual({
        auth: "f00d:962c48b78bf93d98ff4c92ee7dff04865821455b7b401e9d60a9e0a90af2c105",
        channel_data: '"foo"',
        shared_secret: "nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ=",
      });
      expect(encrypted.authorizeChannel("123.456", "bla", "foo" as never)).toEqual({
        auth: "f00d:013ad3da0d88e0df6ae0a8184bef50b9c3933f2344499e6e3d1ad67fad799e20",
        channel_data: '"foo"',
      });
    });
  });

  describe("constructor.js, for_cluster.js, for_url.js", () => {
    const make = (options: object) => new Pusher(asOptions(options));

    // The official package warns about its deprecated options on the console: kept off the
    // test output (that the compat entry prints nothing is checked in compat-behaviour.test.ts).
    beforeEach(() => {
      vi.spyOn(console, "warn").mockImplementation(() => undefined);
    });

    afterEach(() => {
      vi.restoreAllMocks();
    });

    it("config: appId, token (key and secret), host, port, timeout and agent as given", () => {
      expect(make({ appId: 12345 }).config.appId).toBe(12345);
      const { token } = make({ key: "1234567890abcdef", secret: "fedcba0987654321" }).config;
      expect(token.key).toBe("1234567890abcdef");
      expect(token.secret).toBe("fedcba0987654321");
      expect(token).toBeInstanceOf(Pusher.Token);
      expect(make({}).config.host).toBe("api.pusherapp.com");
      expect(make({ host: "example.org" }).config.host).toBe("example.org");
      expect(make({ cluster: "eu" }).config.host).toBe("api-eu.pusher.com");
      expect(make({ host: "api.staging.pusher.com", cluster: "eu" }).config.host).toBe("api.staging.pusher.com");
      expect(make({ useTLS: true }).config.port).toBeUndefined();
      expect(make({ port: 8080 }).config.port).toBe(8080);
      expect(make({ useTLS: true, port: 8080 }).config.port).toBe(8080);
      expect(make({}).config.agent).toBeUndefined();
      const agent = refusingAgent("https");
      expect(make({ agent }).config.agent).toBe(agent);
      expect(make({}).config.timeout).toBeUndefined();
      expect(make({ timeout: 1001 }).config.timeout).toBe(1001);
    });

    it("config.scheme: https with useTLS or the deprecated encrypted, http for another host by default", () => {
      expect(make({ useTLS: true }).config.scheme).toBe("https");
      expect(make({ encrypted: true }).config.scheme).toBe("https");
      expect(make({ host: "example.org" }).config.scheme).toBe("http");
      expect(make({ useTLS: false }).config.scheme).toBe("http");
    });

    it("config.encryptionMasterKey: the key's bytes, raw or from base64", () => {
      const key = "01234567890123456789012345678901";
      expect(make({ encryptionMasterKey: key }).config.encryptionMasterKey!.toString()).toBe(key);
      expect(make({ encryptionMasterKeyBase64: Buffer.from(key).toString("base64") }).config.encryptionMasterKey!.toString()).toBe(key);
      expect(make({}).config.encryptionMasterKey).toBeUndefined();
    });

    it("forCluster and forURL set the config", () => {
      expect(Pusher.forCluster("test", asOptions({})).config.host).toBe("api-test.pusher.com");
      expect(Pusher.forCluster("eu", asOptions({ host: "api.staging.pusher.com" })).config.host).toBe("api-eu.pusher.com");
      expect(Pusher.forCluster("eu", asOptions({ cluster: "mt1" })).config.host).toBe("api-eu.pusher.com");
      const { config } = Pusher.forURL("https://123abc:def456@example.org/apps/4321");
      expect(config).toMatchObject({ appId: 4321, scheme: "https", host: "example.org", port: undefined });
      expect(config.token.key).toBe("123abc");
      expect(config.token.secret).toBe("def456");
      expect(Pusher.forURL("https://123abc:def456@example.org:999/apps/4321").config.port).toBe(999);
      expect(Pusher.forURL("http://123abc:def456@example.org/apps/4321").config.port).toBeUndefined();
    });

    it("throws when useTLS and encrypted are both set", () => {
      expect(() => make({ useTLS: true, encrypted: false })).toThrow(/^Cannot set both `useTLS` and `encrypted` configuration options$/);
    });

    it("useTLS and the deprecated encrypted choose https, a host wins over cluster, a port is kept", async () => {
      expect(await whereItGoes(Pusher, { host: "example.org", useTLS: true })).toBe("https://example.org/apps/1/events");
      expect(await whereItGoes(Pusher, { host: "example.org", encrypted: true })).toBe("https://example.org/apps/1/events");
      expect(await whereItGoes(Pusher, { host: "example.org" })).toBe("http://example.org/apps/1/events");
      expect(await whereItGoes(Pusher, { cluster: "eu", useTLS: true })).toBe("https://api-eu.pusher.com/apps/1/events");
      expect(await whereItGoes(Pusher, { host: "api.staging.pusher.com", cluster: "eu", useTLS: true })).toBe(
        "https://api.staging.pusher.com/apps/1/events",
      );
      expect(await whereItGoes(Pusher, { port: 8080, useTLS: false })).toBe("http://api.pusherapp.com:8080/apps/1/events");
      expect(await whereItGoes(Pusher, { port: 8080, useTLS: true })).toBe("https://api.pusherapp.com:8080/apps/1/events");
      expect(await whereItGoes(Pusher, { appId: 12345, useTLS: true })).toBe("https://api.pusherapp.com/apps/12345/events");
    });

    it("takes a raw encryptionMasterKey of 32 bytes and refuses 31 or 33", () => {
      expect(() => make({ encryptionMasterKey: "01234567890123456789012345678901" })).not.toThrow();
      expect(() => make({ encryptionMasterKey: "0123456789012345678901234567890" })).toThrow(/31 bytes/);
      expect(() => make({ encryptionMasterKey: "012345678901234567890123456789012" })).toThrow(/33 bytes/);
    });

    it("takes an encryptionMasterKeyBase64 of 32 bytes and refuses 31, 33 or bad base64", () => {
      const base64 = (text: string) => Buffer.from(text).toString("base64");
      expect(() => make({ encryptionMasterKeyBase64: base64("01234567890123456789012345678901") })).not.toThrow();
      expect(() => make({ encryptionMasterKeyBase64: base64("0123456789012345678901234567890") })).toThrow(/31 bytes/);
      expect(() => make({ encryptionMasterKeyBase64: base64("012345678901234567890123456789012") })).toThrow(/33 bytes/);
      expect(() => make({ encryptionMasterKeyBase64: "aGkgd(GhlcmUK" })).toThrow(/valid base64/);
    });

    it("the raw and the base64 master key of the same bytes give the same shared secret", () => {
      const raw = make({ encryptionMasterKey: "01234567890123456789012345678901" });
      const base64 = make({ encryptionMasterKeyBase64: Buffer.from("01234567890123456789012345678901").toString("base64") });
      expect(Buffer.from(raw.channelSharedSecret("private-encrypted-x")).toString("hex")).toBe(
        Buffer.from(base64.channelSharedSecret("private-encrypted-x")).toString("hex"),
      );
    });

    it("forCluster makes the cluster's host, over any host or cluster option", async () => {
      const forCluster = (cluster: string) => (options: object) =>
        Pusher.forCluster(cluster, { ...options, useTLS: true } as Compat.BaseOptions);
      expect(await whereItGoes(Pusher, {}, forCluster("test"))).toBe("https://api-test.pusher.com/apps/1/events");
      expect(await whereItGoes(Pusher, { host: "api.staging.pusher.com" }, forCluster("eu"))).toBe(
        "https://api-eu.pusher.com/apps/1/events",
      );
      expect(await whereItGoes(Pusher, { cluster: "mt1" }, forCluster("eu"))).toBe("https://api-eu.pusher.com/apps/1/events");
    });

    it("forURL reads the scheme, host, port, app id, key and secret", async () => {
      const viaUrl = (url: string) => (options: object) => Pusher.forURL(url, options);
      expect(await whereItGoes(Pusher, {}, viaUrl("https://123abc:def456@example.org/apps/4321"))).toBe(
        "https://example.org/apps/4321/events",
      );
      expect(await whereItGoes(Pusher, {}, viaUrl("https://123abc:def456@example.org:999/apps/4321"))).toBe(
        "https://example.org:999/apps/4321/events",
      );
      expect(await whereItGoes(Pusher, {}, viaUrl("http://123abc:def456@example.org/apps/4321"))).toBe(
        "http://example.org/apps/4321/events",
      );
      // The key and the secret, through what they sign.
      const fromUrl = Pusher.forURL("https://123abc:def456@example.org/apps/4321");
      const direct = new Pusher({ appId: "4321", key: "123abc", secret: "def456", host: "example.org" });
      expect(fromUrl.authorizeChannel("1.1", "private-x")).toEqual(direct.authorizeChannel("1.1", "private-x"));
      expect(fromUrl.authorizeChannel("1.1", "private-x").auth).toMatch(/^123abc:/);
    });
  });

  describe("create_signed_query_string.js", () => {
    const pusher = () => new Pusher(asOptions({ appId: 1234, key: "f00d", secret: "tofu" }));
    const sign = (options: Compat.SignedQueryStringOptions) => pusher().createSignedQueryString(options);

    beforeEach(() => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(1234567890000);
    });

    it("signs a body: auth_key, auth_timestamp, auth_version, body_md5, auth_signature", () => {
      const query = sign({ method: "GET", path: "/event", body: "example body" });
      expect(query).toMatch(/^(.*&)?auth_key=f00d(&.*)?$/);
      expect(query).toMatch(/^(.*&)?auth_timestamp=1234567890(&.*)?$/);
      expect(query).toMatch(/^(.*&)?auth_version=1\.0(&.*)?$/);
      expect(query).toMatch(/^(.*&)?body_md5=165d5e6d7ca8f73b3853ce45addf42fc(&.*)?$/);
      expect(query).toMatch(/^(.*&)?auth_signature=a650196dc427ebe837226f8565ca9232198c6d1b9455eaa72374a9dc0b620e7b(&.*)?$/);
    });

    it("signs params: every param is set and signed", () => {
      const query = sign({ method: "GET", path: "/event", params: { foo: "bar", baz: 123454321 } });
      expect(query).toMatch(/^(.*&)?auth_key=f00d(&.*)?$/);
      expect(query).toMatch(/^(.*&)?auth_timestamp=1234567890(&.*)?$/);
      expect(query).toMatch(/^(.*&)?auth_version=1\.0(&.*)?$/);
      expect(query).toMatch(/^(.*&)?foo=bar(&.*)?$/);
      expect(query).toMatch(/^(.*&)?baz=123454321(&.*)?$/);
      expect(query).toMatch(/^(.*&)?auth_signature=d8bdbd31911fb7400a14fbd36fd7de053494725b64400ae5856deafe304b34a9(&.*)?$/);
    });

    it("refuses to override a signing param", () => {
      for (const name of ["auth_key", "auth_timestamp", "auth_version", "auth_signature"]) {
        expect(() => sign({ method: "GET", path: "/event", params: { [name]: "NOPE" } })).toThrow(
          new RegExp(`^${name} is a required parameter and cannot be overidden$`),
        );
      }
    });
  });

  describe("get.js", () => {
    it("sets the path and includes every param", async () => {
      await local({ appId: 999, key: "111111" }).get({
        path: "/channels",
        params: { filter_by_prefix: "presence-", info: "user_count,subscription_count" },
      });
      expect(filtered(lastRequest())).toEqual({
        method: "GET",
        path: "/apps/999/channels",
        query: signedQuery("111111", { filter_by_prefix: "presence-", info: "user_count,subscription_count" }),
        body: undefined,
      });
    });

    it("resolves with the response", async () => {
      server.answer({ body: '{"test key": "test value"}' });
      const response = await local({ appId: 999, key: "111111" }).get({ path: "/test", params: {} });
      expect(filtered(lastRequest()).query).toEqual(signedQuery("111111"));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('{"test key": "test value"}');
    });

    it("rejects with a RequestError on a 4xx", async () => {
      server.answer({ status: 400, body: "Error" });
      const error = await local({ appId: 999 })
        .get({ path: "/test", params: {} })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Pusher.RequestError);
      expect(error).toMatchObject({ message: "Unexpected status code 400", status: 400, body: "Error" });
      expect((error as { url: string }).url).toMatch(
        new RegExp(
          `^http://127\\.0\\.0\\.1:${server.port}/apps/999/test\\?auth_key=[^&]+&auth_timestamp=[0-9]+&auth_version=1\\.0&auth_signature=[^&]+$`,
        ),
      );
    });
  });

  describe("post.js", () => {
    it("sets the path and includes the body, as JSON", async () => {
      await local({ appId: 10000, key: "aaaa" }).post({ path: "/test", body: { foo: "one", bar: [1, 2, 3], baz: 4321 } } as never);
      const request = lastRequest();
      expect(filtered(request)).toEqual({
        method: "POST",
        path: "/apps/10000/test",
        query: signedQuery("aaaa", { body_md5: "12bf5995ac4b1285a6d87b2dafb92590" }),
        body: { foo: "one", bar: [1, 2, 3], baz: 4321 },
      });
      expect(request.headers["content-type"]).toBe("application/json");
    });

    it("resolves with the response", async () => {
      server.answer({ status: 201, body: '{"returned key": 101010101}' });
      const response = await local({ appId: 10000, key: "aaaa" }).post({ path: "/test", body: {} } as never);
      expect(filtered(lastRequest()).query).toEqual(signedQuery("aaaa", { body_md5: "99914b932bd37a50b983c5e7c90ae93b" }));
      expect(lastRequest().headers["content-length"]).toBe("2");
      expect(response.status).toBe(201);
      expect(await response.text()).toBe('{"returned key": 101010101}');
    });

    it("rejects with a RequestError on a 4xx", async () => {
      server.answer({ status: 403, body: "NOPE" });
      const error = await local({ appId: 10000 })
        .post({ path: "/test", body: {} } as never)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Pusher.RequestError);
      expect(error).toMatchObject({ message: "Unexpected status code 403", status: 403, body: "NOPE" });
      expect((error as { url: string }).url).toMatch(
        /\/apps\/10000\/test\?auth_key=[^&]+&auth_timestamp=[0-9]+&auth_version=1\.0&body_md5=[^&]+&auth_signature=[^&]+$/,
      );
    });
  });

  describe("terminate.js", () => {
    it("throws on an empty or non-string user id", () => {
      const p = local() as unknown as { terminateUserConnections(userId: unknown): unknown };
      expect(() => p.terminateUserConnections("")).toThrow(/^Invalid user id: ''$/);
      expect(() => p.terminateUserConnections(123)).toThrow(/^Invalid user id: '123'$/);
    });

    it("posts {} to /users/<id>/terminate_connections", async () => {
      await local().terminateUserConnections("testUserId");
      expect(filtered(lastRequest())).toEqual({
        method: "POST",
        path: "/apps/1234/users/testUserId/terminate_connections",
        query: signedQuery("f00d", { body_md5: "99914b932bd37a50b983c5e7c90ae93b" }),
        body: {},
      });
    });
  });

  describe("trigger.js", () => {
    const triggered = async (run: (pusher: Compat) => Promise<unknown>, options: object = {}) => {
      await run(local(options));
      return filtered(lastRequest());
    };
    const events = (bodyMd5: string, body: object) => ({
      method: "POST",
      path: "/apps/1234/events",
      query: signedQuery("f00d", { body_md5: bodyMd5 }),
      body,
    });

    it("sends the event to one channel", async () => {
      expect(await triggered((p) => p.trigger("one", "my_event", { some: "data " }))).toEqual(
        events("e95168baf497b2e54b2c6cadd41a6a3f", { name: "my_event", data: '{"some":"data "}', channels: ["one"] }),
      );
    });

    it("sends the event to several channels", async () => {
      expect(await triggered((p) => p.trigger(["one", "two", "three"], "my_event", { some: "data " }))).toEqual(
        events("530dac0aa045e5f8e51c470aed0ce325", { name: "my_event", data: '{"some":"data "}', channels: ["one", "two", "three"] }),
      );
    });

    it("serialises arrays into JSON, not strings", async () => {
      expect(await triggered((p) => p.trigger("one", "my_event", [1, 2, 4]))).toEqual(
        events("18e64b2fed38726915d79ebb4f8feb5b", { name: "my_event", data: "[1,2,4]", channels: ["one"] }),
      );
      expect(await triggered((p) => p.trigger("test", "test_event", "test string"))).toEqual(
        events("f358a562d00e1bfe1859132d932cd706", { name: "test_event", data: "test string", channels: ["test"] }),
      );
    });

    it("adds the params to the body", async () => {
      const params = { socket_id: "123.567", info: "user_count,subscription_count" };
      expect(await triggered((p) => p.trigger("test_channel", "my_event", { some: "data " }, params))).toEqual(
        events("2e4f053f1c325dedbe21abd8f1852b53", {
          name: "my_event",
          data: '{"some":"data "}',
          channels: ["test_channel"],
          socket_id: "123.567",
          info: "user_count,subscription_count",
        }),
      );
    });

    it("resolves with the response", async () => {
      server.answer({ body: '{"channels":{"test_channel":{"subscription_count":123}}}' });
      const pusher = local();
      const response = await pusher.trigger("test_channel", "my_event", { some: "data " }, { info: "subscription_count" });
      expect(filtered(lastRequest()).query.body_md5).toBe("d3a47b3241328a6432adf60c8e91b6fb");
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('{"channels":{"test_channel":{"subscription_count":123}}}');
    });

    it("rejects with a RequestError on a 4xx", async () => {
      server.answer({ status: 400, body: "Error" });
      const error = await local()
        .trigger("test_channel", "my_event", { some: "data " })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Pusher.RequestError);
      expect(error).toMatchObject({ message: "Unexpected status code 400", status: 400, body: "Error" });
      expect(filtered(lastRequest()).query.body_md5).toBe("cf87d666b4a829a54fc44b313584b2d7");
    });

    it("resolves on a 200 whose body is not the API's JSON (a mock's \"OK\", an empty body), with that body", async () => {
      server.answer({ body: "OK", headers: { "content-type": "text/plain" } });
      const response = await local().trigger("test_channel", "my_event", { some: "data " });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("OK");
      server.answer({ body: "" });
      expect((await local().get({ path: "/test", params: {} })).status).toBe(200);
    });

    it("allows channel names with _ - = @ , . ;", async () => {
      const response = await local().trigger("test_-=@,.;channel", "my_event", { some: "data " });
      expect(response.status).toBe(200);
      expect(filtered(lastRequest()).query.body_md5).toBe("024f0f297e27e131c8ec2c8817d153f4");
    });

    it("throws on more than 100 channels, bad channel names and long event names", () => {
      const p = local() as unknown as { trigger(channels: unknown, event: unknown, data?: unknown): unknown };
      const channels = Array.from({ length: 101 }, (_, i) => String(i));
      expect(() => p.trigger(channels, "x", {})).toThrow(/^Can't trigger a message to more than 100 channels$/);
      expect(() => p.trigger("", "test")).toThrow(/^Invalid channel name: ''$/);
      expect(() => p.trigger("abc$", "test")).toThrow(/^Invalid channel name: 'abc\$'$/);
      const longChannel = "x".repeat(201);
      expect(() => p.trigger(longChannel, "test")).toThrow(`Channel name too long: '${longChannel}'`);
      const longEvent = "x".repeat(201);
      expect(() => p.trigger("test", longEvent)).toThrow(`Too long event name: '${longEvent}'`);
    });

    it("triggerBatch sends several events in one request, their data serialised", async () => {
      expect(
        await triggered((p) =>
          p.triggerBatch([
            { channel: "integration", name: "event", data: "test" },
            { channel: "integration2", name: "event2", data: "test2" },
          ]),
        ),
      ).toEqual({
        method: "POST",
        path: "/apps/1234/batch_events",
        query: signedQuery("f00d", { body_md5: "fd5ab5fd40237f27555c4d2564470fdd" }),
        body: {
          batch: [
            { channel: "integration", name: "event", data: "test" },
            { channel: "integration2", name: "event2", data: "test2" },
          ],
        },
      });
      expect(
        (
          await triggered((p) =>
            p.triggerBatch([
              { channel: "integration", name: "event", data: { hello: "world" } },
              { channel: "integration2", name: "event2", data: { hello2: "another world" } },
            ]),
          )
        ).query.body_md5,
      ).toBe("ade2e9d64d936215c2b2d6a6f4606ef9");
    });

    it("sendToUser triggers on #server-to-user-<id>", async () => {
      expect((await triggered((p) => p.sendToUser("abc123", "halo", { foo: "bar" }))).body).toEqual({
        name: "halo",
        data: '{"foo":"bar"}',
        channels: ["#server-to-user-abc123"],
      });
    });

    it("sendToUser throws on a bad user id or a long event name", () => {
      const p = local() as unknown as { sendToUser(userId: unknown, event: unknown, data: unknown): unknown };
      expect(() => p.sendToUser("", "halo", { foo: "bar" })).toThrow(/^Invalid user id: ''$/);
      expect(() => p.sendToUser(123, "halo", { foo: "bar" })).toThrow(/^Invalid user id: '123'$/);
      const longEvent = "x".repeat(201);
      expect(() => p.sendToUser("abc123", longEvent, { foo: "bar" })).toThrow(`Too long event name: '${longEvent}'`);
    });

    it("encrypts the JSON of the data on a private-encrypted- channel, and nothing else", async () => {
      const masterKey = Buffer.from("01234567890123456789012345678901").toString("base64");
      const pusher = local({ encryptionMasterKeyBase64: masterKey });
      const open = (channel: string, data: string) => {
        const { nonce, ciphertext } = JSON.parse(data) as { nonce: string; ciphertext: string };
        const plaintext = nacl.secretbox.open(
          Buffer.from(ciphertext, "base64"),
          Buffer.from(nonce, "base64"),
          pusher.channelSharedSecret(channel),
        );
        if (plaintext === null) throw new Error("did not decrypt");
        return JSON.parse(Buffer.from(plaintext).toString("utf8")) as unknown;
      };

      await pusher.trigger("one", "my_event", { some: "data " });
      expect(filtered(lastRequest()).query.body_md5).toBe("e95168baf497b2e54b2c6cadd41a6a3f");

      await pusher.trigger("private-encrypted-bla", "test_event", "Hello!");
      const single = filtered(lastRequest()).body as { name: string; channels: string[]; data: string };
      expect(single.name).toBe("test_event");
      expect(single.channels).toEqual(["private-encrypted-bla"]);
      expect(open("private-encrypted-bla", single.data)).toBe("Hello!");

      await pusher.triggerBatch([
        { channel: "integration", name: "event", data: "test" },
        { channel: "private-encrypted-integration2", name: "event2", data: "test2" },
      ]);
      const { batch } = filtered(lastRequest()).body as { batch: { channel: string; name: string; data: string }[] };
      expect(batch[0]).toEqual({ channel: "integration", name: "event", data: "test" });
      expect(batch[1]!.name).toBe("event2");
      expect(open("private-encrypted-integration2", batch[1]!.data)).toBe("test2");
    });
  });

  describe("webhook.js", () => {
    const vacated = JSON.stringify({ time_ms: 1403175510755, events: [{ channel: "test_channel", name: "channel_vacated" }] });
    const signature = "c17257e92037cd7de407ebc1ed174ceb7b2e518db127f44411b9ffc4f5b28cc5";
    const app = () => new Pusher(asOptions({ appId: 1, key: "123456789", secret: "tofu" }));
    const webhook = (headers: object, rawBody: string) => app().webhook({ headers, rawBody });
    const json = (headers: object) => ({ "content-type": "application/json", ...headers });

    it("pusher.webhook passes the app's token: webhook.token is pusher.config.token", () => {
      const pusher = app();
      expect(pusher.webhook({ headers: {}, rawBody: "" }).token).toBe(pusher.config.token);
    });

    it("isValid: the right signature and key are valid; a wrong key or signature is not", () => {
      expect(webhook(json({ "x-pusher-key": "123456789", "x-pusher-signature": signature }), vacated).isValid()).toBe(true);
      expect(
        webhook(
          json({ "x-pusher-key": "000", "x-pusher-signature": "df1465f5ff93f83238152fd002cb904f9562d39569e68f00a6bfa0d8ccf88334" }),
          vacated,
        ).isValid(),
      ).toBe(false);
      expect(webhook(json({ "x-pusher-key": "123456789", "x-pusher-signature": "000" }), vacated).isValid()).toBe(false);
    });

    it("isValid: a webhook signed with an extra token, or one of them, is valid", () => {
      expect(
        webhook(json({ "x-pusher-key": "1234", "x-pusher-signature": signature }), vacated).isValid(new Pusher.Token("1234", "tofu")),
      ).toBe(true);
      expect(
        webhook(json({ "x-pusher-key": "3", "x-pusher-signature": signature }), vacated).isValid([
          new Pusher.Token("1", "nope"),
          new Pusher.Token("2", "not really"),
          new Pusher.Token("3", "tofu"),
        ]),
      ).toBe(true);
    });

    it("isContentTypeValid and isBodyValid", () => {
      expect(webhook(json({}), "{}").isContentTypeValid()).toBe(true);
      expect(webhook({ "content-type": "application/weird" }, "{}").isContentTypeValid()).toBe(false);
      expect(webhook(json({}), "{}").isBodyValid()).toBe(true);
      expect(webhook(json({}), "not json!").isBodyValid()).toBe(false);
      expect(webhook({ "content-type": "application/weird" }, "{}").isBodyValid()).toBe(false);
    });

    it("getData returns the parsed body, getTime its time, getEvents its events", () => {
      expect(webhook(json({}), JSON.stringify({ foo: 9 })).getData()).toEqual({ foo: 9 });
      expect(webhook(json({}), JSON.stringify({ time_ms: 1403172023361 })).getTime()).toEqual(new Date(1403172023361));
      expect(webhook(json({}), JSON.stringify({ events: [1, 2, 3] })).getEvents()).toEqual([1, 2, 3]);
    });

    it("getData throws a WebHookError for another content type or a body that is not JSON", () => {
      const body = JSON.stringify({ foo: 9 });
      let thrown: unknown;
      try {
        webhook({ "content-type": "application/weird", "x-pusher-signature": "f000000" }, body).getData();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Pusher.WebHookError);
      expect(thrown).toMatchObject({ message: "Invalid WebHook body", contentType: "application/weird", body });
      expect(() => webhook(json({ "x-pusher-signature": "b00" }), "not json").getData()).toThrow(Pusher.WebHookError);
    });
  });

  describe("exports.js", () => {
    it("exports Token, RequestError and WebHookError as classes; errors are Errors", () => {
      expect(new Pusher.Token("k", "s").key).toBe("k");
      expect(new Pusher.RequestError("m", "u", new Error("cause"), 400, "b")).toBeInstanceOf(Error);
      expect(new Pusher.WebHookError("m", "c", "b", "")).toBeInstanceOf(Error);
      expect(new Pusher.RequestError("m", "u", new Error("cause")).name).toBe("PusherRequestError");
      expect(new Pusher.WebHookError("m", "c", "b", "").name).toBe("PusherWebHookError");
    });
  });
});

describe("where @x/server/compat differs from the official package on purpose", () => {
  const local = (Pusher: typeof Compat, options: object = {}) =>
    new Pusher(asOptions({ appId: 1234, key: "f00d", secret: "tofu", host: "127.0.0.1", port: String(server.port), ...options }));

  it("RequestError.url: the official one holds the signed URL; ours has the key, signature and body_md5 redacted", async () => {
    server.answer({ status: 400, body: "Error" });
    const official = (await local(Official)
      .trigger("c", "e", "d")
      .catch((error: unknown) => error)) as { url: string };
    const ours = (await local(Compat)
      .trigger("c", "e", "d")
      .catch((error: unknown) => error)) as { url: string };
    const signature = new URL(official.url).searchParams.get("auth_signature");
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(ours.url).toMatch(/\?auth_key=REDACTED&auth_timestamp=\d+&auth_version=1\.0&body_md5=REDACTED&auth_signature=REDACTED$/);
    expect(ours.url.split("?")[0]).toBe(official.url.split("?")[0]);
  });

  it("a timeout: the official error is node-fetch's AbortError; ours a PusherTimeoutError, also the cause", async () => {
    server.answer({ delayMs: 400 });
    const official = (await local(Official, { timeout: 100 })
      .trigger("c", "e", "d")
      .catch((error: unknown) => error)) as Record<string, unknown>;
    const ours = (await local(Compat, { timeout: 100 })
      .trigger("c", "e", "d")
      .catch((error: unknown) => error)) as Record<string, unknown>;
    expect(official).toMatchObject({ message: "Request failed with an error", status: undefined, body: undefined });
    expect((official.error as Error).name).toBe("AbortError");
    expect(ours).toBeInstanceOf(Compat.RequestError);
    expect(ours).toMatchObject({ status: undefined, body: undefined });
    expect(ours.message).toMatch(/^Request failed with an error: POST \S+ timed out after 100 ms$/);
    expect((ours.error as Error).name).toBe("PusherTimeoutError");
    expect(ours.cause).toBe(ours.error);
  });

  it("without useTLS, Pusher's own hosts: the official package uses HTTP, ours HTTPS; other hosts stay HTTP", async () => {
    expect(await whereItGoes(Official, {})).toBe("http://api.pusherapp.com/apps/1/events");
    expect(await whereItGoes(Compat, {})).toBe("https://api.pusherapp.com/apps/1/events");
    expect(await whereItGoes(Official, { cluster: "eu" })).toBe("http://api-eu.pusher.com/apps/1/events");
    expect(await whereItGoes(Compat, { cluster: "eu" })).toBe("https://api-eu.pusher.com/apps/1/events");
    expect(await whereItGoes(Compat, { cluster: "eu", useTLS: false })).toBe("http://api-eu.pusher.com/apps/1/events");
    expect(await whereItGoes(Compat, { host: "example.org" })).toBe("http://example.org/apps/1/events");
    // And config.scheme says so (the official suite expects "http" for `new Pusher({})`).
    expect(new Official(asOptions({})).config.scheme).toBe("http");
    expect(new Compat(asOptions({})).config.scheme).toBe("https");
  });

  it("WebHookError.signature: the official error holds the request's signature; ours says REDACTED", () => {
    const request = { headers: { "content-type": "text/plain", "x-pusher-signature": "f000000" }, rawBody: "{}" };
    const thrown = (Pusher: typeof Compat) => {
      try {
        new Pusher(asOptions({ appId: 1, key: "k", secret: "s" })).webhook(request).getData();
      } catch (error) {
        return error as { signature: string };
      }
      throw new Error("getData did not throw");
    };
    expect(thrown(Official).signature).toBe("f000000");
    expect(thrown(Compat).signature).toBe("REDACTED");
  });
});
