// The transport @x/rest picks in this runtime (node:http on Node, the runtime's own `fetch` elsewhere), against
// the run's transport probe (src/transport-probe.ts): connections are reused, a timeout and an abort come back as
// typed errors that say the request may have been delivered, and a POST is never sent twice.
import { createRestClient } from "@x/rest";
import { assertDeepEqual, assertEqual, assertRejects, assertTrue } from "../harness/assert.mjs";

/**
 * A client of the probe; `options` are added to the client's.
 * @param {import("../harness/run-cases.mjs").CaseContext} ctx
 * @param {object} [options]
 */
function probeClient(ctx, options = {}) {
  const probeUrl = ctx.server?.probeUrl;
  if (probeUrl === undefined) throw new Error("this case needs the transport probe in its context");
  const { hostname, port } = new URL(probeUrl);
  return createRestClient({ appId: "3", key: "key", secret: "secret", host: hostname, port: Number(port), useTLS: false, ...options });
}

/**
 * What the probe saw of the triggers to `channel`.
 * @param {import("../harness/run-cases.mjs").CaseContext} ctx
 * @param {string} channel
 * @returns {Promise<{ requests: number, connections: number }>}
 */
async function probe(ctx, channel) {
  const response = await fetch(`${ctx.server?.probeUrl}/probe/${channel}`);
  return /** @type {Promise<{ requests: number, connections: number }>} */ (response.json());
}

/** @type {import("../harness/run-cases.mjs").TestCase[]} */
export default [
  {
    name: "triggers in sequence reuse one keep-alive connection",
    async run(ctx) {
      const client = probeClient(ctx);
      const channel = `keep-alive-${ctx.runtime}`;
      for (let call = 0; call < 6; call++) assertDeepEqual(await client.trigger(channel, "e", "hi"), { channels: {} }, `trigger ${call}`);
      const seen = await probe(ctx, channel);
      assertEqual(seen.requests, 6, "requests");
      // Deno's fetch opens a second connection early on, even for a plain loop of fetches; workerd pools as it sees fit.
      if (ctx.runtime.startsWith("node") || ctx.runtime === "bun") assertEqual(seen.connections, 1, "connections");
      else assertTrue(seen.connections < seen.requests, `connections reused: ${seen.connections} for ${seen.requests} requests`);
    },
  },
  {
    name: "a trigger never answered times out as PusherTimeoutError, delivery unknown, sent once",
    async run(ctx) {
      const client = probeClient(ctx, { timeout: 200 });
      const channel = `hang-timeout-${ctx.runtime}`;
      const error = /** @type {Error & { delivery?: string }} */ (
        await assertRejects(() => client.trigger(channel, "e", "hi"), { name: "PusherTimeoutError", code: "timeout" }, "trigger")
      );
      assertEqual(error.delivery, "unknown", "delivery");
      // A call that settles after it is a point at which a re-send of the first would have arrived.
      await client.trigger(`after-timeout-${ctx.runtime}`, "e", "hi");
      assertEqual((await probe(ctx, channel)).requests, 1, "requests of the timed-out trigger");
    },
  },
  {
    name: "an abort once the trigger has arrived rejects with PusherAbortError, delivery unknown, sent once",
    async run(ctx) {
      const client = probeClient(ctx);
      const channel = `hang-abort-${ctx.runtime}`;
      const controller = new AbortController();
      const call = client.trigger(channel, "e", "hi", { signal: controller.signal });
      while ((await probe(ctx, channel)).requests === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      controller.abort();
      const error = /** @type {Error & { delivery?: string }} */ (
        await assertRejects(() => call, { name: "PusherAbortError", code: "aborted" }, "trigger")
      );
      assertEqual(error.delivery, "unknown", "delivery");
      await client.trigger(`after-abort-${ctx.runtime}`, "e", "hi");
      assertEqual((await probe(ctx, channel)).requests, 1, "requests of the aborted trigger");
    },
  },
];
