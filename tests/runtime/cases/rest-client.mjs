// The HTTP API client of the built @x/rest with an injected `fetch` (docs/protocol.md §2, §3): what goes
// on the wire, how errors come back, and that bad input is refused before anything is sent.
import { createRestClient } from "@x/rest";
import { hmacSha256Hex, md5Hex } from "@x/signing/internal";
import { assertDeepEqual, assertEqual, assertRejects, assertTrue } from "../harness/assert.mjs";

const CREDENTIALS = { appId: "3", key: "278d425bdf160c739803", secret: "7ad3773142a6692b25b8" };

/**
 * A `fetch` that records every request and answers each with `answer()`.
 * @param {() => Response} answer
 */
function recordingFetch(answer) {
  /** @type {{ method: string, url: URL, body: string }[]} */
  const requests = [];
  /** @type {typeof fetch} */
  const fetchFn = async (input, init) => {
    const request = new Request(input, init);
    requests.push({ method: request.method, url: new URL(request.url), body: await request.text() });
    return answer();
  };
  return { requests, fetch: fetchFn };
}

/** @returns {Response} */
const jsonOk = () => new Response("{}", { status: 200, headers: { "content-type": "application/json" } });

/**
 * The string a request's signature must be the HMAC of, rebuilt from the URL sent by the rules of
 * docs/protocol.md §2.2: every parameter but auth_signature, keys sorted, values raw (decoded).
 * @param {string} method
 * @param {URL} url
 * @returns {string}
 */
function expectedStringToSign(method, url) {
  const params = [...url.searchParams].filter(([key]) => key !== "auth_signature").sort(([a], [b]) => (a < b ? -1 : 1));
  return `${method}\n${url.pathname}\n${params.map(([key, value]) => `${key}=${value}`).join("&")}`;
}

/** @type {import("../harness/run-cases.mjs").TestCase[]} */
export default [
  {
    name: "trigger POSTs a signed /apps/<id>/events request with the event in the body",
    async run() {
      const recorder = recordingFetch(jsonOk);
      const client = createRestClient({ ...CREDENTIALS, host: "api.example.com", fetch: recorder.fetch });
      assertDeepEqual(await client.trigger("my-channel", "my-event", { hello: "world" }), { channels: {} }, "result");
      assertEqual(recorder.requests.length, 1, "requests sent");
      const [{ method, url, body }] = /** @type {[typeof recorder.requests[number]]} */ (recorder.requests);
      assertEqual(method, "POST", "method");
      assertEqual(`${url.origin}${url.pathname}`, "https://api.example.com/apps/3/events", "URL");
      assertDeepEqual(JSON.parse(body), { name: "my-event", channels: ["my-channel"], data: '{"hello":"world"}' }, "body");
      assertEqual(url.searchParams.get("auth_key"), CREDENTIALS.key, "auth_key");
      assertEqual(url.searchParams.get("auth_version"), "1.0", "auth_version");
      assertEqual(url.searchParams.get("body_md5"), md5Hex(body), "body_md5 of the bytes sent");
      assertEqual(
        url.searchParams.get("auth_signature"),
        hmacSha256Hex(CREDENTIALS.secret, expectedStringToSign(method, url)),
        "auth_signature",
      );
    },
  },
  {
    name: "channels GETs /apps/<id>/channels signed and without body_md5",
    async run() {
      const recorder = recordingFetch(
        () =>
          new Response('{"channels":{"presence-a":{"user_count":2}}}', { status: 200, headers: { "content-type": "application/json" } }),
      );
      const client = createRestClient({ ...CREDENTIALS, fetch: recorder.fetch });
      const list = await client.channels({ filterByPrefix: "presence-", info: ["user_count"] });
      assertDeepEqual(list, { channels: { "presence-a": { user_count: 2 } } }, "result");
      const [{ method, url }] = /** @type {[typeof recorder.requests[number]]} */ (recorder.requests);
      assertEqual(`${method} ${url.origin}${url.pathname}`, "GET https://api-mt1.pusher.com/apps/3/channels", "request");
      assertEqual(url.searchParams.get("filter_by_prefix"), "presence-", "filter_by_prefix");
      assertEqual(url.searchParams.has("body_md5"), false, "body_md5 on a GET");
      assertEqual(
        url.searchParams.get("auth_signature"),
        hmacSha256Hex(CREDENTIALS.secret, expectedStringToSign(method, url)),
        "auth_signature",
      );
    },
  },
  {
    name: "trigger rejects with a PusherHttpError that keeps the status and redacts the signature",
    async run() {
      const recorder = recordingFetch(() => new Response("Invalid signature", { status: 401 }));
      const client = createRestClient({ ...CREDENTIALS, fetch: recorder.fetch, retry: false });
      const error = /** @type {Error & { status?: number, url?: string, serverMessage?: string }} */ (
        await assertRejects(
          () => client.trigger("my-channel", "my-event", "hi"),
          { name: "PusherHttpError", code: "http_error" },
          "trigger",
        )
      );
      assertEqual(error.status, 401, "status");
      assertEqual(error.serverMessage, "Invalid signature", "serverMessage");
      const sentSignature = recorder.requests[0]?.url.searchParams.get("auth_signature") ?? "";
      assertTrue(sentSignature.length === 64, "a signature was sent");
      assertTrue(!String(error.url).includes(sentSignature) && !error.message.includes(sentSignature), "signature left out of the error");
      assertTrue(
        !JSON.stringify(error).includes(CREDENTIALS.secret) && !error.message.includes(CREDENTIALS.secret),
        "secret left out of the error",
      );
    },
  },
  {
    name: "trigger with an invalid channel name rejects with invalid_channel_name and sends nothing",
    async run() {
      const recorder = recordingFetch(jsonOk);
      const client = createRestClient({ ...CREDENTIALS, fetch: recorder.fetch });
      await assertRejects(
        () => client.trigger("bad channel!", "my-event", "hi"),
        { name: "PusherValidationError", code: "invalid_channel_name" },
        "trigger(bad channel!)",
      );
      assertEqual(recorder.requests.length, 0, "requests sent");
    },
  },
];
