// The checks a consumer runs on each module it loaded from an installed @x tarball: what a user
// of that package does first. Plain CommonJS with no runtime API beyond `fetch`, `Request`,
// `Response` and `TextEncoder`, so that one file serves the `import` and the `require`
// consumers, in Node, Bun, Deno and workerd. The expected values are the protocol's test
// vectors (docs/protocol.md), verbatim.
"use strict";

/** The documented signing example: key, secret and socket id of protocol §2 and §5. */
const DOCS = { key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8", socketId: "1234.1234" };
const PRIVATE_FOOBAR_AUTH = "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4";
const USER_12345_AUTH = "278d425bdf160c739803:4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba";
/** The documented webhook of protocol §7. */
const WEBHOOK = {
  key: "123456789",
  secret: "tofu",
  body: '{"time_ms":1403175510755,"events":[{"channel":"test_channel","name":"channel_vacated"}]}',
  signature: "c17257e92037cd7de407ebc1ed174ceb7b2e518db127f44411b9ffc4f5b28cc5",
};
const TAMPERED_SIGNATURE = WEBHOOK.signature.replace(/^c/, "d");
// Received when it was sent: the freshness window is on by default.
const WHEN_SENT = { now: () => 1403175510755 };

class CheckFailed extends Error {
  /** @override */
  name = "CheckFailed";
}

/**
 * @param {unknown} value
 * @param {(key: string, value: unknown) => unknown} [replacer]
 */
function show(value, replacer) {
  try {
    return JSON.stringify(value, replacer) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * A value as JSON with the keys of every object sorted, so that two values of the same structure
 * compare equal whatever order their keys were set in.
 * @param {unknown} value
 */
function canonical(value) {
  return show(value, (_key, inner) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

/**
 * Fails unless `actual` and `expected` have the same structure and values.
 * @param {unknown} actual
 * @param {unknown} expected
 * @param {string} what
 */
function same(actual, expected, what) {
  if (canonical(actual) !== canonical(expected)) throw new CheckFailed(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

/**
 * Runs `fn`, which must throw (or reject with) an error of this name and code; returns it.
 * @param {() => unknown} fn
 * @param {{ name: string, code: string }} expected
 * @param {string} what
 */
async function fails(fn, expected, what) {
  try {
    await fn();
  } catch (error) {
    const actual = /** @type {{ name?: unknown, code?: unknown }} */ (error);
    same({ name: actual.name, code: actual.code }, expected, `${what} threw`);
    return error;
  }
  throw new CheckFailed(`${what}: expected a ${expected.name} (${expected.code}), nothing was thrown`);
}

/**
 * A form POST as pusher-js sends it to an auth endpoint.
 * @param {string} body
 */
function authRequest(body) {
  return new Request("http://localhost/pusher/auth", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
  });
}

/** A webhook POST as Pusher sends it. */
function webhookRequest(signature = WEBHOOK.signature) {
  return new Request("http://localhost/pusher/webhooks", {
    method: "POST",
    headers: { "content-type": "application/json", "x-pusher-key": WEBHOOK.key, "x-pusher-signature": signature },
    body: WEBHOOK.body,
  });
}

/**
 * The connection options of the local Pusher-compatible server of the test run.
 * @param {ConsumerContext} ctx
 */
function localServer(ctx) {
  const { host, port, appId, key, secret } = ctx.server;
  return { appId, key, secret, host, port, useTLS: false };
}

/**
 * What a trigger sends, so that the test's pusher-js client can tell which consumer sent it.
 * @param {ConsumerContext} ctx
 * @param {string} specifier
 */
function triggerData(ctx, specifier) {
  return { consumer: `${ctx.label} ${ctx.mode} ${specifier}` };
}

/**
 * @typedef {object} ConsumerContext
 * @property {string} label who runs, e.g. "npm node-22"
 * @property {"import" | "require"} mode how the modules were loaded
 * @property {{ host: string, port: number, appId: string, key: string, secret: string }} server the local soketi
 * @property {string} channel the channel the test's pusher-js client listens on
 * @property {string} eventName the event it waits for
 */

/**
 * The checks of each documented module, by specifier. Each returns what it did, in words; `load`
 * loads another module the same way (`import` or `require`), for a subpath used with its package.
 * @type {Record<string, (x: any, ctx: ConsumerContext, specifier: string, load: (specifier: string) => Promise<any>) => Promise<string[]>>}
 */
const PACKAGE_CHECKS = {
  async "@x/types"(x) {
    const error = new x.PusherValidationError("invalid_socket_id", "socketId", "socketId must look like 1234.5678");
    same(x.isPusherValidationError(error), true, "isPusherValidationError");
    same(error instanceof x.PusherError, true, "instanceof PusherError");
    same(typeof x.toNodeHandler, "function", "toNodeHandler");
    return ["makes and recognises a typed PusherValidationError", "has the Node.js adapter"];
  },

  async "@x/types/internal"(x, ctx, specifier, load) {
    x.validateSocketId("1234.1234");
    const error = await fails(
      () => x.validateSocketId("1234.1234:"),
      { name: "PusherValidationError", code: "invalid_socket_id" },
      "validateSocketId",
    );
    same(error instanceof (await load("@x/types")).PusherError, true, "the same error classes as @x/types");
    same(x.DEFAULT_MAX_PAYLOAD_BYTES, 10_240, "DEFAULT_MAX_PAYLOAD_BYTES");
    return ["validates a socket id", "throws the typed errors of @x/types"];
  },

  async "@x/signing"(x) {
    same(x.signChannelAuth(DOCS, DOCS.socketId, "private-foobar"), PRIVATE_FOOBAR_AUTH, "signChannelAuth");
    same(x.verifyHmacSignature(WEBHOOK.secret, WEBHOOK.body, WEBHOOK.signature), true, "verifyHmacSignature of the documented webhook");
    same(x.verifyHmacSignature(WEBHOOK.secret, WEBHOOK.body, TAMPERED_SIGNATURE), false, "verifyHmacSignature of a tampered signature");
    const query = x.signRequest(
      { key: DOCS.key, secret: DOCS.secret },
      {
        method: "POST",
        path: "/apps/3/events",
        body: '{"name":"foo","channels":["project-3"],"data":"{\\"some\\":\\"data\\"}"}',
        timestamp: 1353088179,
      },
    );
    same(
      new URLSearchParams(query).get("auth_signature"),
      "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c",
      "signRequest",
    );
    return ["signs an authorization", "verifies a webhook signature", "signs a request"];
  },

  async "@x/signing/internal"(x) {
    same(x.hmacSha256Hex("supersecret", "Hello!"), "64e3f44166575febbc5de88c9476325ea7d4b3684752158d9fdb31fce34b980d", "hmacSha256Hex");
    same(x.md5Hex("{}"), "99914b932bd37a50b983c5e7c90ae93b", "md5Hex");
    same(x.timingSafeEqualHex(WEBHOOK.signature, TAMPERED_SIGNATURE), false, "timingSafeEqualHex of a tampered signature");
    return ["signs with HMAC-SHA256", "hashes with MD5", "compares signatures"];
  },

  async "@x/auth"(x) {
    same(
      x.authorizeChannel(DOCS, { socketId: DOCS.socketId, channelName: "private-foobar" }),
      { auth: PRIVATE_FOOBAR_AUTH },
      "authorizeChannel",
    );
    same(
      x.authenticateUser(DOCS, { socketId: DOCS.socketId, userData: { id: "12345" } }),
      { auth: USER_12345_AUTH, user_data: '{"id":"12345"}' },
      "authenticateUser",
    );
    await fails(
      () => x.authorizeChannel(DOCS, { socketId: DOCS.socketId, channelName: "public-news" }),
      { name: "PusherValidationError", code: "channel_not_authorizable" },
      "authorizeChannel of a public channel",
    );
    const handler = x.createAuthHandler({ key: DOCS.key, secret: DOCS.secret, onChannelAuthorization: () => true });
    const response = await handler(authRequest(`socket_id=${DOCS.socketId}&channel_name=private-foobar`));
    same(response.status, 200, "auth handler status");
    same(await response.json(), { auth: PRIVATE_FOOBAR_AUTH }, "auth handler body");
    same(
      (await handler(authRequest("socket_id=1.1%0A&channel_name=private-foobar"))).status,
      400,
      "auth handler status for a bad socket id",
    );
    return ["signs an authorization", "signs a user in", "serves the auth endpoint"];
  },

  async "@x/webhooks"(x) {
    const verdict = x.verifyWebhook(
      { key: WEBHOOK.key, secret: WEBHOOK.secret },
      { body: WEBHOOK.body, signature: WEBHOOK.signature, key: WEBHOOK.key },
      WHEN_SENT,
    );
    same(
      { isValid: verdict.isValid, events: verdict.events },
      { isValid: true, events: [{ channel: "test_channel", name: "channel_vacated" }] },
      "verifyWebhook",
    );
    const refused = x.verifyWebhook(
      { key: WEBHOOK.key, secret: WEBHOOK.secret },
      { body: WEBHOOK.body, signature: TAMPERED_SIGNATURE, key: WEBHOOK.key },
      WHEN_SENT,
    );
    same(refused.isValid, false, "verifyWebhook of a tampered signature");
    /** @type {unknown[]} */
    const received = [];
    const handler = x.createWebhookHandler({
      credentials: { key: WEBHOOK.key, secret: WEBHOOK.secret },
      ...WHEN_SENT,
      onEvent: (/** @type {unknown} */ event) => void received.push(event),
    });
    same((await handler(webhookRequest())).status, 200, "webhook handler status");
    same(received, [{ channel: "test_channel", name: "channel_vacated" }], "webhook handler events");
    same((await handler(webhookRequest(TAMPERED_SIGNATURE))).status, 401, "webhook handler status for a tampered signature");
    return ["verifies a webhook", "serves the webhook endpoint"];
  },

  async "@x/rest"(x, ctx, specifier) {
    same(typeof x.VERSION, "string", "VERSION");
    const client = x.createRestClient({ ...localServer(ctx), retry: false });
    same(await client.trigger(ctx.channel, ctx.eventName, triggerData(ctx, specifier)), { channels: {} }, "trigger to the local server");
    const error = await fails(
      () => client.trigger("bad channel!", ctx.eventName, "x"),
      { name: "PusherValidationError", code: "invalid_channel_name" },
      "trigger to a bad channel name",
    );
    same(x.isPusherValidationError(error), true, "isPusherValidationError");
    return ["triggers an event on a real server", "refuses bad input with a typed error"];
  },

  async "@x/rest/otel"(x, ctx, specifier, load) {
    // A tracer of the application's (here a recording one): every call becomes a client span.
    /** @type {{ name: string, attributes: Record<string, unknown>, status?: { code: number }, ended: boolean }[]} */
    const spans = [];
    const tracer = {
      startSpan(/** @type {string} */ name, /** @type {{ attributes?: Record<string, unknown> }} */ options) {
        const span = {
          name,
          attributes: { ...options.attributes },
          /** @type {{ code: number } | undefined} */
          status: undefined,
          ended: false,
          setAttribute(/** @type {string} */ key, /** @type {unknown} */ value) {
            span.attributes[key] = value;
            return span;
          },
          addEvent: () => span,
          setStatus(/** @type {{ code: number }} */ status) {
            span.status = status;
            return span;
          },
          end() {
            span.ended = true;
          },
        };
        spans.push(span);
        return span;
      },
    };
    const rest = await load("@x/rest");
    const client = rest.createRestClient({ ...localServer(ctx), retry: false, hooks: x.openTelemetryHooks({ tracer }) });
    await client.trigger(ctx.channel, ctx.eventName, triggerData(ctx, specifier));
    const [span] = spans;
    same(
      {
        count: spans.length,
        name: span?.name,
        method: span?.attributes["http.request.method"],
        status: span?.attributes["http.response.status_code"],
        ended: span?.ended,
      },
      { count: 1, name: "POST", method: "POST", status: 200, ended: true },
      "the span of a trigger",
    );
    same(String(span?.attributes["url.full"]).includes("auth_signature"), false, "url.full leaves out the signed query");
    return ["traces a trigger on a real server as an OpenTelemetry client span"];
  },

  async "@x/server/compat"(x, ctx, specifier) {
    // The official `pusher` package's API: the class is the module (`module.exports` for
    // `require`, the default export for `import`).
    const Pusher = ctx.mode === "import" ? x.default : x;
    same(typeof Pusher, "function", "the module is the Pusher class");
    const docs = new Pusher({ appId: "3", key: DOCS.key, secret: DOCS.secret });
    same(docs.authorizeChannel(DOCS.socketId, "private-foobar"), { auth: PRIVATE_FOOBAR_AUTH }, "authorizeChannel");
    const headers = { "content-type": "application/json", "x-pusher-key": WEBHOOK.key, "x-pusher-signature": WEBHOOK.signature };
    const webhooks = new Pusher({ appId: "1", key: WEBHOOK.key, secret: WEBHOOK.secret });
    const webhook = webhooks.webhook({ headers, rawBody: WEBHOOK.body });
    same(
      { valid: webhook.isValid(), events: webhook.getEvents() },
      { valid: true, events: [{ channel: "test_channel", name: "channel_vacated" }] },
      "webhook",
    );
    same(
      webhooks.webhook({ headers: { ...headers, "x-pusher-signature": TAMPERED_SIGNATURE }, rawBody: WEBHOOK.body }).isValid(),
      false,
      "webhook with a tampered signature",
    );
    const { host, port, appId, key, secret } = ctx.server;
    const local = new Pusher({ appId, key, secret, host, port, useTLS: false });
    const response = await local.trigger(ctx.channel, ctx.eventName, triggerData(ctx, specifier));
    same(response.status, 200, "trigger to the local server: status");
    return ["signs an authorization", "verifies a webhook", "triggers an event on a real server", "as the official pusher package does"];
  },

  async "@x/testing"(x, _ctx, _specifier, load) {
    // What a user's test does: a fake Pusher, the SDK pointed at its URL, an assertion on what it received.
    const fake = await x.startFakePusher();
    try {
      const { Pusher } = await load("@x/server");
      const pusher = Pusher.fromUrl(fake.url, { retry: false });
      await pusher.trigger("orders", "created", { id: 7 });
      const event = await fake.waitForEvent({ channel: "orders", name: "created", data: { id: 7 } }, { timeoutMs: 5_000 });
      same(
        { channel: event.channel, name: event.name, data: event.data },
        { channel: "orders", name: "created", data: '{"id":7}' },
        "the recorded event",
      );
      fake.failNext({ status: 500 });
      const error = await fails(
        () => pusher.trigger("orders", "created", {}),
        { name: "PusherHttpError", code: "http_error" },
        "a trigger answered 500",
      );
      same(/** @type {{ status?: unknown }} */ (error).status, 500, "the status of the fault");
    } finally {
      await fake.close();
    }
    // soketi is not a dependency: a project without it is told what to install.
    const setup = await fails(
      () => x.startLocalPusher(),
      { name: "LocalPusherSetupError", code: "soketi_not_found" },
      "startLocalPusher without soketi",
    );
    same(String(/** @type {Error} */ (setup).message).includes("npm i -D @soketi/soketi@1.6.1"), true, "the message says what to install");
    return ["records a trigger of @x/server on its fake Pusher", "fails on demand", "says what startLocalPusher needs"];
  },

  async "@x/server"(x, ctx, specifier) {
    // The two lines of the bug report: the CommonJS build threw `ky.default.create is not a function` here.
    new x.Pusher("1", "k", "s");
    const docs = new x.Pusher("3", DOCS.key, DOCS.secret);
    same(docs.authenticate("private-foobar", DOCS.socketId), { auth: PRIVATE_FOOBAR_AUTH }, "authenticate");
    const webhooks = new x.Pusher("1", WEBHOOK.key, WEBHOOK.secret);
    same(webhooks.processWebHook(WEBHOOK.signature, WEBHOOK.body, WEBHOOK.key, WHEN_SENT).isValid, true, "processWebHook");
    same(
      webhooks.processWebHook(TAMPERED_SIGNATURE, WEBHOOK.body, WEBHOOK.key, WHEN_SENT).isValid,
      false,
      "processWebHook of a tampered signature",
    );
    const pusher = new x.Pusher({ ...localServer(ctx), retry: false });
    same(await pusher.trigger(ctx.channel, ctx.eventName, triggerData(ctx, specifier)), { channels: {} }, "trigger to the local server");
    return ["signs an authorization", "verifies a webhook", "triggers an event on a real server"];
  },
};

/**
 * The check of a module loaded by its specifier: a package's main entry has its own checks;
 * `<package>/package.json` must be that package's manifest.
 * @param {string} specifier
 * @param {any} loaded
 * @param {ConsumerContext} ctx
 * @param {(specifier: string) => Promise<any>} load
 * @returns {Promise<string[]>}
 */
async function checkModule(specifier, loaded, ctx, load) {
  if (specifier.endsWith("/package.json")) {
    // An ES module of JSON has the object as its default export; require returns the object.
    const manifest = ctx.mode === "import" ? loaded.default : loaded;
    same(manifest.name, specifier.slice(0, -"/package.json".length), "package.json name");
    return ["reads the package's manifest"];
  }
  const check = PACKAGE_CHECKS[specifier];
  if (check === undefined) throw new CheckFailed(`no check for ${specifier}: add one to consumer/checks.cjs`);
  return check(loaded, ctx, specifier, load);
}

/**
 * @typedef {object} ConsumerResult
 * @property {string} specifier
 * @property {boolean} passed
 * @property {string[]} [did] what the checks did, when they passed
 * @property {string} [error] "Name: message" of the failure
 */

/**
 * Loads every module with its loader (an `import()` or a `require()` of a literal specifier,
 * written by the consumer entry) and checks it. Never throws: a module that fails to load or to
 * pass is a result, so that one broken package cannot hide the others.
 * @param {Record<string, () => unknown>} loaders specifier → load it
 * @param {ConsumerContext} ctx
 * @returns {Promise<ConsumerResult[]>}
 */
async function runChecks(loaders, ctx) {
  /** @type {ConsumerResult[]} */
  const results = [];
  /** @param {string} specifier */
  const load = async (specifier) => {
    const loader = loaders[specifier];
    if (loader === undefined) throw new CheckFailed(`${specifier} is not a documented module`);
    return loader();
  };
  for (const specifier of Object.keys(loaders)) {
    try {
      const did = await checkModule(specifier, await load(specifier), ctx, load);
      results.push({ specifier, passed: true, did });
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : `thrown non-error: ${String(error)}`;
      results.push({ specifier, passed: false, error: message });
    }
  }
  return results;
}

module.exports = { runChecks, PACKAGE_CHECKS };
