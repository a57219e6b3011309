// The built @x/rest against the local Pusher-compatible server the test run started, over this
// runtime's own `fetch` (docs/protocol.md §3, §8).
import { createRestClient } from "@x/rest";
import { assertDeepEqual, assertEqual, assertRejects, assertTrue } from "../harness/assert.mjs";

/**
 * A client of the local server, signing with `secret`.
 * @param {import("../harness/run-cases.mjs").CaseContext} ctx
 * @param {string} [secret] the app's own secret unless given
 */
function localClient(ctx, secret) {
  if (ctx.server === undefined) throw new Error("this case needs the local Pusher-compatible server in its context");
  const { url, appId, key } = ctx.server;
  const { hostname, port } = new URL(url);
  return createRestClient({
    appId,
    key,
    secret: secret ?? ctx.server.secret,
    host: hostname,
    port: Number(port),
    useTLS: false,
    retry: false,
  });
}

/** @type {import("../harness/run-cases.mjs").TestCase[]} */
export default [
  {
    name: "trigger to the local server resolves",
    async run(ctx) {
      assertDeepEqual(
        await localClient(ctx).trigger(`rest-${ctx.runtime}`, "runtime-test", { runtime: ctx.runtime }),
        { channels: {} },
        "result",
      );
    },
  },
  {
    name: "channel on the local server reports an unoccupied channel",
    async run(ctx) {
      const state = await localClient(ctx).channel(`rest-empty-${ctx.runtime}`);
      assertEqual(state.occupied, false, "occupied");
    },
  },
  {
    name: "trigger signed with a wrong secret rejects with a PusherHttpError for the server's 401",
    async run(ctx) {
      const error = /** @type {Error & { status?: number, serverMessage?: string, serverCode?: number }} */ (
        await assertRejects(
          () => localClient(ctx, "not-the-app-secret").trigger("rest-refused", "runtime-test", "hi"),
          { name: "PusherHttpError", code: "http_error" },
          "trigger",
        )
      );
      // soketi refuses with HTTP 200 and {"error": ..., "code": 401} (see packages/testing/README.md, "Where the fake and soketi differ"), which @x/rest reports with the HTTP status and
      // the body's code in serverCode, named first in the message.
      const refused =
        error.status === 401 || (error.serverCode === 401 && / failed: 401 .* \(answered with HTTP 200\)$/.test(error.message));
      assertTrue(refused, `a 401 refusal, got ${error.status}: ${error.message}`);
    },
  },
];
