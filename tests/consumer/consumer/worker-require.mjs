// A Cloudflare Worker whose code uses the @x packages through `require` (worker-cjs-consumer.cjs,
// every package but the Node-only ones): the
// bundler resolves those with the "require" condition, to the CommonJS builds. Any request runs
// the checks, with the consumer context from `env.CONTEXT`.
import consumer from "./worker-cjs-consumer.cjs";

export default {
  /** @param {Request} _request @param {{ CONTEXT: any }} env */
  fetch: async (_request, env) => Response.json({ version: "workerd", results: await consumer.run(env.CONTEXT) }),
};
