// The built @x/server umbrella: the .NET PusherServer library's API bound once, on the vectors of docs/protocol.md verbatim,
// and a trigger to the local Pusher-compatible server over this runtime's own `fetch`.
import { Pusher } from "@x/server";
import { assertDeepEqual, assertEqual } from "../harness/assert.mjs";

const DOCS = new Pusher("3", "278d425bdf160c739803", "7ad3773142a6692b25b8");

/** @type {import("../harness/run-cases.mjs").TestCase[]} */
export default [
  {
    name: "authenticate(private-foobar) returns the documented auth",
    run() {
      assertDeepEqual(
        DOCS.authenticate("private-foobar", "1234.1234"),
        { auth: "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4" },
        "response",
      );
    },
  },
  {
    name: "processWebHook accepts the documented webhook and lists its event",
    run() {
      const pusher = new Pusher("1", "123456789", "tofu");
      const body = '{"time_ms":1403175510755,"events":[{"channel":"test_channel","name":"channel_vacated"}]}';
      const signature = "c17257e92037cd7de407ebc1ed174ceb7b2e518db127f44411b9ffc4f5b28cc5";
      // Received when it was sent: the freshness window is on by default.
      const verdict = pusher.processWebHook(signature, body, "123456789", { now: () => 1403175510755 });
      assertEqual(verdict.isValid, true, "isValid");
      assertDeepEqual(verdict.events, [{ channel: "test_channel", name: "channel_vacated" }], "events");
    },
  },
  {
    name: "trigger through Pusher.fromUrl reaches the local server",
    async run(ctx) {
      if (ctx.server === undefined) throw new Error("this case needs the local Pusher-compatible server in its context");
      const { url, appId, key, secret } = ctx.server;
      const { host } = new URL(url);
      const pusher = Pusher.fromUrl(`http://${key}:${secret}@${host}/apps/${appId}`);
      assertDeepEqual(await pusher.trigger(`server-${ctx.runtime}`, "runtime-test", { runtime: ctx.runtime }), { channels: {} }, "result");
    },
  },
];
