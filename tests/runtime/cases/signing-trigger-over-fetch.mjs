// A trigger signed with the built @x/signing and sent with this runtime's own `fetch` to the local
// Pusher-compatible server the test run started (docs/protocol.md §2, §3, §8).
import { signRequest } from "@x/signing";
import { assertEqual } from "../harness/assert.mjs";

/**
 * Signs and sends `POST /apps/<id>/events` for one event on one channel.
 * @param {import("../harness/run-cases.mjs").CaseContext} ctx
 * @param {string} secret the secret to sign with
 * @returns {Promise<Response>}
 */
async function trigger(ctx, secret) {
  if (ctx.server === undefined) throw new Error("this case needs the local Pusher-compatible server in its context");
  const { url, appId, key } = ctx.server;
  const path = `/apps/${appId}/events`;
  const body = JSON.stringify({
    name: "runtime-test",
    channels: [`runtime-${ctx.runtime}`],
    data: JSON.stringify({ runtime: ctx.runtime }),
  });
  const query = signRequest({ key, secret }, { method: "POST", path, body });
  return fetch(`${url}${path}?${query}`, { method: "POST", headers: { "content-type": "application/json" }, body });
}

/**
 * The refusal, however the server words it: an HTTP status, or (soketi) HTTP 200 with a JSON body
 * `{"error": "...", "code": 401}` (docs/protocol.md §3, §8).
 * @param {Response} response
 * @returns {Promise<number>} the status the server meant
 */
async function effectiveStatus(response) {
  const body = /** @type {unknown} */ (JSON.parse(await response.text()));
  const { error, code } = /** @type {{ error?: unknown, code?: unknown }} */ (body ?? {});
  return response.ok && typeof error === "string" && typeof code === "number" && code >= 400 ? code : response.status;
}

/** @type {import("../harness/run-cases.mjs").TestCase[]} */
export default [
  {
    name: "fetch of a trigger signed by signRequest is accepted by the server",
    async run(ctx) {
      assertEqual(await effectiveStatus(await trigger(ctx, ctx.server?.secret ?? "")), 200, "status");
    },
  },
  {
    name: "fetch of a trigger signed with a wrong secret is refused by the server with 401",
    async run(ctx) {
      assertEqual(await effectiveStatus(await trigger(ctx, "not-the-app-secret")), 401, "status");
    },
  },
];
