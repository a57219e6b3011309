// Differential property tests: the official `pusher` package (5.3.4) is the oracle. For random
// inputs, valid and not, `@x/server/compat` must give the same value (byte for byte, through
// JSON.stringify) or throw the same message, for channel authorization, user authentication,
// signed query strings, encryption and webhook verdicts; and for random triggers, batches and
// API calls, the two must put the same request on the wire (fixed clock: the same query and
// signature, the same body bytes and body_md5). The one difference allowed is documented: a
// webhook with no signature header makes the official `isValid()` throw a TypeError, and ours
// say false.
import fc from "fast-check";
import nacl from "tweetnacl";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Compat, Official, asOptions, outcome, type Outcome } from "./support/both-sdks.js";
import { useRecordingServer, type RecordedRequest } from "./support/recording-server.js";

const RUNS = 2_000;
const WIRE_RUNS = 300;
const MASTER_KEY_BASE64 = "zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=";

type AnyPusher = Record<string, (...args: unknown[]) => unknown>;

function both(options: object): [official: AnyPusher, compat: AnyPusher] {
  return [new Official(asOptions(options)) as unknown as AnyPusher, new Compat(asOptions(options)) as unknown as AnyPusher];
}

/** An outcome with values made comparable: their JSON (key order and `undefined`s included). */
function serialized(run: () => unknown): Outcome {
  const result = outcome(run);
  return "value" in result ? { value: JSON.stringify(result.value) ?? "undefined" } : result;
}

// Inputs: mostly valid (to reach the signing), some not (to compare the refusals).
const CHANNEL_CHARACTERS = [..."abcXYZ0189_-=@,.;"];
const validChannel = fc
  .tuple(
    fc.constantFrom("", "private-", "presence-", "private-encrypted-", "cache-"),
    fc.array(fc.constantFrom(...CHANNEL_CHARACTERS), { minLength: 1, maxLength: 200 }),
  )
  .map(([prefix, characters]) => (prefix + characters.join("")).slice(0, 205));
const channel = fc.oneof(
  { weight: 6, arbitrary: validChannel },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, 42, "", "a#b", "x".repeat(200), "x".repeat(201)) },
);
const validSocketId = fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => `${a}.${b}`);
const socketId = fc.oneof(
  { weight: 6, arbitrary: validSocketId },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, 1.5, "1.1\n", " 1.1", "1.1.1", "١.١") },
);
const text = fc.string({ unit: "binary", maxLength: 40 });
const json = fc.jsonValue({ maxDepth: 3 });
const presenceData = fc.record({ user_id: text, user_info: fc.option(fc.dictionary(text, json, { maxKeys: 4 }), { nil: undefined }) });
const credentials = fc.record({
  key: fc.oneof(fc.stringMatching(/^[a-z0-9]{1,20}$/), text),
  secret: fc.oneof(fc.stringMatching(/^[a-z0-9]{1,40}$/), text, fc.string({ unit: "binary", minLength: 60, maxLength: 80 })),
});

describe("channel authorization, user authentication, signed query strings: compat = official", () => {
  it(`authorizeChannel(socketId, channel, data): the same JSON or the same error (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        credentials,
        fc.boolean(),
        socketId,
        channel,
        fc.oneof(fc.constant(undefined), presenceData, json, fc.constantFrom(0, "", false, null)),
        ({ key, secret }, withMasterKey, socket, name, data) => {
          const [official, compat] = both({
            appId: 1,
            key,
            secret,
            encryptionMasterKeyBase64: withMasterKey ? MASTER_KEY_BASE64 : undefined,
          });
          expect(serialized(() => compat.authorizeChannel!(socket, name, data))).toEqual(
            serialized(() => official.authorizeChannel!(socket, name, data)),
          );
          expect(serialized(() => compat.authenticate!(socket, name, data))).toEqual(
            serialized(() => official.authenticate!(socket, name, data)),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`authenticateUser(socketId, userData): the same JSON or the same error (${RUNS} runs)`, () => {
    const userData = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record({
          id: text,
          user_info: fc.option(fc.dictionary(text, json, { maxKeys: 3 }), { nil: undefined }),
          watchlist: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
        }),
      },
      { weight: 1, arbitrary: json },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, { id: 1 }, { id: "" }, {}) },
    );
    fc.assert(
      fc.property(credentials, socketId, userData, ({ key, secret }, socket, user) => {
        const [official, compat] = both({ appId: 1, key, secret });
        expect(serialized(() => compat.authenticateUser!(socket, user))).toEqual(
          serialized(() => official.authenticateUser!(socket, user)),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it(`createSignedQueryString({ method, path, body, params }): the same string or the same error (${RUNS} runs)`, () => {
    const paramName = fc.oneof(
      { weight: 5, arbitrary: fc.string({ maxLength: 12 }) },
      { weight: 1, arbitrary: fc.constantFrom("auth_key", "auth_signature", "body_md5", "Auth_Key", "constructor", "toString", "info") },
    );
    const paramValue = fc.oneof(
      text,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.array(fc.oneof(text, fc.integer()), { maxLength: 3 }),
      fc.constantFrom(null, undefined),
    );
    const request = fc.record({
      method: fc.constantFrom("GET", "get", "POST", "post", "Put"),
      path: fc.oneof(fc.constantFrom("/apps/1/events", "/apps/1/channels", "/event"), text),
      body: fc.option(fc.oneof(text, fc.json()), { nil: undefined }),
      params: fc.option(fc.dictionary(paramName, paramValue, { maxKeys: 5 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(credentials, request, fc.integer({ min: 0, max: 4_102_444_800 }), ({ key, secret }, options, seconds) => {
        vi.useFakeTimers({ toFake: ["Date"] });
        vi.setSystemTime(seconds * 1000 + 999);
        try {
          const [official, compat] = both({ appId: 1, key, secret });
          expect(outcome(() => compat.createSignedQueryString!(options))).toEqual(
            outcome(() => official.createSignedQueryString!(options)),
          );
        } finally {
          vi.useRealTimers();
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("encryption: compat = official", () => {
  // Both post their request bodies through their own `post` method: captured here, before the
  // wire, to open the ciphertexts (the nonces are random, so ciphertexts cannot be compared).
  function capturedBody(pusher: AnyPusher, run: (pusher: AnyPusher) => unknown): Outcome {
    let body: unknown;
    pusher.post = (options: unknown) => {
      body = (options as { body: unknown }).body;
      return Promise.resolve();
    };
    const result = outcome(() => run(pusher));
    return "threw" in result ? result : { value: body };
  }

  function opened(pusher: AnyPusher, channelName: string, data: string): unknown {
    const { nonce, ciphertext, ...rest } = JSON.parse(data) as { nonce: string; ciphertext: string };
    expect(rest).toEqual({});
    const key = pusher.channelSharedSecret!(channelName) as Uint8Array;
    const plaintext = nacl.secretbox.open(Buffer.from(ciphertext, "base64"), Buffer.from(nonce, "base64"), key);
    if (plaintext === null) throw new Error("the ciphertext does not open");
    return Buffer.from(plaintext).toString("utf8");
  }

  // Data JSON cannot encode (undefined) cannot be encrypted: both throw at once, the official
  // package with tweetnacl-util's bare "expected string", ours saying what is wrong.
  function sameRefusal(official: Outcome & { threw: { message: string } }): Outcome {
    return official.threw.message === "expected string" ? { threw: { message: "data must be a value JSON can encode" } } : official;
  }

  it(`trigger and triggerBatch on private-encrypted- channels: the same JSON text under secretbox, the same other fields (${RUNS / 2} runs)`, () => {
    const encryptedChannel = fc.stringMatching(/^[a-z0-9_-]{1,40}$/).map((suffix) => `private-encrypted-${suffix}`);
    const data = fc.oneof(json, text, fc.constantFrom<unknown>(undefined, "", 0, null, { nested: ["a", 1] }));
    fc.assert(
      fc.property(encryptedChannel, data, fc.option(validSocketId, { nil: undefined }), validChannel, (name, value, socket, plain) => {
        const [official, compat] = both({ appId: 1, key: "key", secret: "secret", encryptionMasterKeyBase64: MASTER_KEY_BASE64 });
        const params = socket === undefined ? undefined : { socket_id: socket };
        const single = (p: AnyPusher) => capturedBody(p, (q) => q.trigger!(name, "my-event", value, params));
        const officialSingle = single(official);
        const compatSingle = single(compat);
        if ("threw" in officialSingle) {
          expect(compatSingle).toEqual(sameRefusal(officialSingle));
        } else {
          const officialBody = officialSingle.value as { data: string };
          const compatBody = (compatSingle as { value: { data: string } }).value;
          // Compared as JSON text, so that the order of the body's keys counts too.
          expect(JSON.stringify({ ...compatBody, data: 0 })).toBe(JSON.stringify({ ...officialBody, data: 0 }));
          expect(opened(compat, name, compatBody.data)).toBe(opened(official, name, officialBody.data));
          // The official package's own key opens ours too.
          expect(opened(official, name, compatBody.data)).toBe(opened(official, name, officialBody.data));
        }
        const events = [
          { channel: plain.startsWith("private-encrypted-") ? "plain" : plain, name: "a", data: value },
          { channel: name, name: "b", data: value, socket_id: socket },
        ];
        const batch = (p: AnyPusher) => capturedBody(p, (q) => q.triggerBatch!(events.map((event) => ({ ...event }))));
        const officialBatch = batch(official);
        const compatBatch = batch(compat);
        if ("threw" in officialBatch) {
          expect(compatBatch).toEqual(sameRefusal(officialBatch));
        } else {
          const [officialPlain, officialSecret] = (officialBatch.value as { batch: { data: string }[] }).batch;
          const [compatPlain, compatSecret] = (compatBatch as { value: { batch: { data: string }[] } }).value.batch;
          expect(JSON.stringify(compatPlain)).toBe(JSON.stringify(officialPlain));
          expect(JSON.stringify({ ...compatSecret, data: 0 })).toBe(JSON.stringify({ ...officialSecret, data: 0 }));
          expect(opened(compat, name, compatSecret!.data)).toBe(opened(official, name, officialSecret!.data));
        }
      }),
      { numRuns: RUNS / 2 },
    );
  });

  it(`channelSharedSecret(channel): the same 32 bytes for any channel name (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (name) => {
        const [official, compat] = both({ appId: 1, key: "key", secret: "secret", encryptionMasterKeyBase64: MASTER_KEY_BASE64 });
        const hex = (bytes: unknown) => Buffer.from(bytes as Uint8Array).toString("hex");
        expect(hex(compat.channelSharedSecret!(name))).toBe(hex(official.channelSharedSecret!(name)));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("webhook verdicts: compat = official", () => {
  const APP = { key: "app-key", secret: "app-secret" };
  const OTHER = { key: "old-key", secret: "old-secret" };
  const hmac = (secret: string, body: string | Buffer) => new Official.Token("k", secret).sign(body);

  const webhookBody = fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .record({
          time_ms: fc.integer({ min: 0, max: 2 ** 42 }),
          events: fc.array(fc.record({ name: text, channel: text }), { maxLength: 3 }),
        })
        .map((body) => JSON.stringify(body)),
    },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: fc.json() },
    { weight: 1, arbitrary: fc.constantFrom("null", "[]", "1", '"x"', '{"time_ms":"soon"}', "") },
  );

  it(`isValid(extraTokens), isContentTypeValid(), isBodyValid(), getData(), getEvents(), getTime(): the same (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        webhookBody,
        fc.boolean(),
        fc.oneof(
          { weight: 3, arbitrary: fc.constant<unknown>(APP.key) },
          { weight: 2, arbitrary: fc.constantFrom<unknown>(OTHER.key, "nobody", undefined) },
        ),
        fc.constantFrom("app", "other", "upper", "truncated", "garbage", "missing", "empty"),
        fc.oneof(
          { weight: 4, arbitrary: fc.constant<unknown>("application/json") },
          { weight: 1, arbitrary: fc.constantFrom<unknown>("application/json; charset=utf-8", "text/plain", undefined) },
        ),
        fc.constantFrom("none", "object", "token", "array", "arrayOfTokens"),
        (body, asBuffer, keyHeader, signatureKind, contentType, extraKind) => {
          const correct = hmac(APP.secret, body);
          const signatures: Record<string, unknown> = {
            app: correct,
            other: hmac(OTHER.secret, body),
            upper: correct.toUpperCase(),
            truncated: correct.slice(0, 63),
            garbage: "z".repeat(64),
            missing: undefined,
            empty: "",
          };
          const headers: Record<string, unknown> = {
            "content-type": contentType,
            "x-pusher-key": keyHeader,
            "x-pusher-signature": signatures[signatureKind],
          };
          const rawBody = asBuffer ? Buffer.from(body, "utf8") : body;
          const extra = (Pusher: typeof Compat): unknown =>
            ({
              none: undefined,
              object: OTHER,
              token: new Pusher.Token(OTHER.key, OTHER.secret),
              array: [{ key: "x", secret: "y" }, OTHER],
              arrayOfTokens: [new Pusher.Token(OTHER.key, OTHER.secret)],
            })[extraKind];
          const verdicts = (Pusher: typeof Compat) => {
            const webhook = new Pusher(asOptions({ appId: 1, ...APP })).webhook({ headers, rawBody: rawBody as string });
            return {
              isValid: outcome(() => webhook.isValid(extra(Pusher) as Compat.Token)),
              isContentTypeValid: webhook.isContentTypeValid(),
              isBodyValid: webhook.isBodyValid(),
              getData: outcome(() => webhook.getData()),
              getEvents: outcome(() => webhook.getEvents()),
              getTime: outcome(() => webhook.getTime().getTime()),
            };
          };
          const official = verdicts(Official);
          const compat = verdicts(Compat);
          if (signatureKind === "missing" && "threw" in official.isValid) {
            // The documented difference: no signature header is a TypeError there, false here.
            expect(official.isValid.threw.message).toMatch(/length/);
            expect(compat.isValid).toEqual({ value: false });
            compat.isValid = official.isValid;
          }
          expect(compat).toEqual(official);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("requests on the wire: compat = official (fixed clock)", () => {
  const server = useRecordingServer();

  afterEach(() => {
    vi.useRealTimers();
  });

  /** What a server can tell from a request: everything but the library header and connection details. */
  function wire(request: RecordedRequest) {
    return {
      method: request.method,
      path: request.path,
      query: request.query,
      body: request.body,
      contentType: request.headers["content-type"],
    };
  }

  async function sentBy(pusher: AnyPusher, run: (pusher: AnyPusher) => unknown): Promise<ReturnType<typeof wire> | Outcome> {
    server.requests.length = 0;
    let pending: unknown;
    const result = outcome(() => {
      pending = run(pusher);
    });
    if ("threw" in result) return result;
    const response = (await pending) as { status: number; text(): Promise<string> };
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"ok":true}');
    expect(server.requests).toHaveLength(1);
    return wire(server.requests[0]!);
  }

  const safe = fc.stringMatching(/^[a-z0-9_,.-]{1,20}$/);
  const call = fc.oneof(
    fc
      .record({
        channels: fc.oneof(
          validChannel.filter((name) => !name.startsWith("private-encrypted-") && name.length <= 200),
          fc.array(
            validChannel.filter((name) => !name.startsWith("private-encrypted-") && name.length <= 200),
            { minLength: 1, maxLength: 4 },
          ),
        ),
        event: fc.string({ unit: "binary", maxLength: 30 }),
        data: fc.oneof(json, text),
        params: fc.option(
          fc.record({
            socket_id: fc.option(validSocketId, { nil: undefined }),
            info: fc.option(fc.constantFrom("user_count", "subscription_count", "user_count,subscription_count"), { nil: undefined }),
          }),
          { nil: undefined },
        ),
      })
      .map((args) => (p: AnyPusher) => p.trigger!(args.channels, args.event, args.data, args.params)),
    fc
      .array(
        fc.record({
          channel: validChannel.filter((name) => !name.startsWith("private-encrypted-")),
          name: text,
          data: fc.oneof(json, text),
          socket_id: fc.option(validSocketId, { nil: undefined }),
        }),
        { maxLength: 5 },
      )
      .map((events) => (p: AnyPusher) => p.triggerBatch!(events.map((event) => ({ ...event })))),
    fc
      .record({ user: fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/), event: text, data: json })
      .map((args) => (p: AnyPusher) => p.sendToUser!(args.user, args.event, args.data)),
    fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/).map((user) => (p: AnyPusher) => p.terminateUserConnections!(user)),
    fc
      .record({
        path: fc.constantFrom("/channels", "/channels/presence-room", "/channels/presence-room/users"),
        params: fc.option(fc.dictionary(fc.stringMatching(/^[a-z_]{1,12}$/), safe, { maxKeys: 3 }), { nil: undefined }),
      })
      .map((args) => (p: AnyPusher) => p.get!(args)),
    fc
      .record({
        body: fc.dictionary(text, json, { maxKeys: 3 }),
        params: fc.option(fc.dictionary(fc.stringMatching(/^[a-z_]{1,12}$/), safe, { maxKeys: 2 }), { nil: undefined }),
      })
      .map((args) => (p: AnyPusher) => p.post!({ path: "/events", ...args })),
  );

  it(`trigger, triggerBatch, sendToUser, terminateUserConnections, get, post: the same request, signature and body_md5 (${WIRE_RUNS} runs)`, async () => {
    server.answer({ body: '{"ok":true}' });
    await fc.assert(
      fc.asyncProperty(call, fc.integer({ min: 1_000_000_000, max: 2_000_000_000 }), async (run, seconds) => {
        vi.useFakeTimers({ toFake: ["Date"] });
        vi.setSystemTime(seconds * 1000);
        try {
          const options = {
            appId: 4321,
            key: "app-key",
            secret: "app-secret",
            host: "127.0.0.1",
            port: String(server.port),
            useTLS: false,
          };
          const [official, compat] = both(options);
          const expected = await sentBy(official, run);
          expect(await sentBy(compat, run)).toEqual(expected);
        } finally {
          vi.useRealTimers();
        }
      }),
      { numRuns: WIRE_RUNS },
    );
  });
});
