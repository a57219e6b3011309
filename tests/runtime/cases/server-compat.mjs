// The built @x/server/compat (the official `pusher` package's API) in every runtime, where the
// official package itself runs on Node only: its documented auth strings, webhook verdict and
// errors, and a trigger, a query and a refused request against the local Pusher-compatible
// server over this runtime's own transport.
import Pusher from "@x/server/compat";
import { assertDeepEqual, assertEqual } from "../harness/assert.mjs";

/**
 * @param {import("../harness/run-cases.mjs").CaseContext} ctx
 * @param {string} [secret] another secret than the server's
 */
function local(ctx, secret) {
  if (ctx.server === undefined) throw new Error("this case needs the local Pusher-compatible server in its context");
  const { url, appId, key } = ctx.server;
  const { host } = new URL(url);
  return Pusher.forURL(`http://${key}:${encodeURIComponent(secret ?? ctx.server.secret)}@${host}/apps/${appId}`);
}

/** @type {import("../harness/run-cases.mjs").TestCase[]} */
export default [
  {
    name: "compat: authorizeChannel and authenticateUser return the official package's auth strings",
    run() {
      const pusher = new Pusher({ appId: "10000", key: "aaaa", secret: "tofu", cluster: "eu" });
      assertDeepEqual(
        pusher.authorizeChannel("123.456", "test", /** @type {never} */ ({ foo: "bar" })),
        { channel_data: '{"foo":"bar"}', auth: "aaaa:f41faf9ead2ea76772cc6b1168363057459f02499ae4d92e88229dc7f4efa2d4" },
        "channel auth",
      );
      assertDeepEqual(
        pusher.authenticateUser("1.1", { id: "ą§¶™€łü€ß£" }),
        { auth: "aaaa:620494cee53d6c568b49598313194088afda37218f0d059af03c0c898ed61ff4", user_data: '{"id":"ą§¶™€łü€ß£"}' },
        "user auth",
      );
      const encrypted = new Pusher({
        appId: "1234",
        key: "f00d",
        secret: "tofu",
        cluster: "eu",
        encryptionMasterKeyBase64: "zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=",
      });
      assertEqual(
        encrypted.authorizeChannel("123.456", "private-encrypted-bla").shared_secret,
        "nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ=",
        "shared_secret",
      );
    },
  },
  {
    name: "compat: webhook(...).isValid() accepts the documented webhook and refuses a tampered one",
    run() {
      const pusher = new Pusher({ appId: "1", key: "123456789", secret: "tofu", cluster: "eu" });
      const rawBody = '{"time_ms":1403175510755,"events":[{"channel":"test_channel","name":"channel_vacated"}]}';
      const headers = {
        "content-type": "application/json",
        "x-pusher-key": "123456789",
        "x-pusher-signature": "c17257e92037cd7de407ebc1ed174ceb7b2e518db127f44411b9ffc4f5b28cc5",
      };
      const webhook = pusher.webhook({ headers, rawBody });
      assertEqual(webhook.isValid(), true, "isValid");
      assertEqual(webhook.getTime().getTime(), 1403175510755, "getTime");
      assertEqual(pusher.webhook({ headers, rawBody: `${rawBody} ` }).isValid(), false, "tampered isValid");
    },
  },
  {
    name: "compat: bad input throws the official messages",
    run() {
      const pusher = new Pusher({ appId: "1", key: "key", secret: "secret", cluster: "eu" });
      let message = "";
      try {
        pusher.trigger("abc$", "event", {});
      } catch (error) {
        message = /** @type {Error} */ (error).message;
      }
      assertEqual(message, "Invalid channel name: 'abc$'", "message");
    },
  },
  {
    name: "compat: trigger and get reach the local server and resolve with a Response",
    async run(ctx) {
      const pusher = local(ctx);
      const channel = `compat-${ctx.runtime}`;
      const response = await pusher.trigger(channel, "runtime-test", { runtime: ctx.runtime }, { socket_id: "1.1" });
      assertEqual(response.status, 200, "trigger status");
      assertDeepEqual(await response.json(), { ok: true }, "trigger body");
      const channels = await pusher.get({ path: "/channels" });
      assertEqual(channels.status, 200, "get status");
      assertEqual(typeof (await channels.json()).channels, "object", "get body");
    },
  },
  {
    name: "compat: a refused request rejects with a RequestError whose URL is redacted",
    async run(ctx) {
      /** @type {any} */
      let rejected;
      await local(ctx, "not-the-secret")
        .trigger("compat-refused", "e", 1)
        .catch((/** @type {unknown} */ error) => (rejected = error));
      assertEqual(rejected instanceof Pusher.RequestError, true, "instanceof RequestError");
      // The official message, then the reason: the server's code first.
      const reason = `: POST /apps/${ctx.server?.appId}/events failed: 401 The secret authentication failed (answered with HTTP 200)`;
      assertEqual(rejected.message, `Request failed with an error${reason}`, "message");
      assertEqual(rejected.status, 200, "status (the server reports the failure in a 200)");
      assertEqual(/auth_signature=REDACTED/.test(rejected.url) && !/auth_signature=[0-9a-f]{64}/.test(rejected.url), true, "url redacted");
    },
  },
];
