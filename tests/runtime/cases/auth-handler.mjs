// The Web-standard auth endpoint of the built @x/auth (Request → Response), fed the form bodies
// pusher-js posts (docs/protocol.md §5), with this runtime's own Request and Response.
import { createAuthHandler } from "@x/auth";
import { assertDeepEqual, assertEqual } from "../harness/assert.mjs";

/**
 * A POST of a pusher-js form body.
 * @param {string} form
 * @returns {Request}
 */
const formPost = (form) =>
  new Request("http://127.0.0.1/pusher/auth", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form,
  });

/** @type {import("../harness/run-cases.mjs").TestCase[]} */
export default [
  {
    name: "createAuthHandler answers an allowed channel authorization with 200 and the documented auth",
    async run() {
      const handler = createAuthHandler({
        key: "278d425bdf160c739803",
        secret: "7ad3773142a6692b25b8",
        onChannelAuthorization: ({ channelName }) => channelName === "private-foobar",
      });
      const response = await handler(formPost("socket_id=1234.1234&channel_name=private-foobar"));
      assertEqual(response.status, 200, "status");
      assertDeepEqual(
        await response.json(),
        { auth: "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4" },
        "body",
      );
    },
  },
  {
    name: "createAuthHandler answers a refused channel authorization with 403",
    async run() {
      const handler = createAuthHandler({ key: "key", secret: "secret", onChannelAuthorization: () => false });
      const response = await handler(formPost("socket_id=1234.1234&channel_name=private-foobar"));
      await response.body?.cancel();
      assertEqual(response.status, 403, "status");
    },
  },
  {
    name: "createAuthHandler answers a user authentication with the documented response",
    async run() {
      const handler = createAuthHandler({ key: "key", secret: "secret", onUserAuthentication: () => ({ id: "1234" }) });
      const response = await handler(formPost("socket_id=12345.12345"));
      assertEqual(response.status, 200, "status");
      assertDeepEqual(
        await response.json(),
        { auth: "key:e4c63b82c1e1d0955901f6a29ca51b244155bafda93968bc5664010f5ba54a41", user_data: '{"id":"1234"}' },
        "body",
      );
    },
  },
  {
    name: "createAuthHandler answers a GET with 405",
    async run() {
      const handler = createAuthHandler({ key: "key", secret: "secret", onChannelAuthorization: () => true });
      const response = await handler(new Request("http://127.0.0.1/pusher/auth"));
      await response.body?.cancel();
      assertEqual(response.status, 405, "status");
    },
  },
];
