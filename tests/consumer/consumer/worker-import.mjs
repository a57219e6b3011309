// A Cloudflare Worker that uses the @x packages through `import` (worker-esm-consumer.mjs: every
// package but the Node-only ones), bundled as wrangler bundles it. Any request runs the checks, with the consumer context from `env.CONTEXT`.
import { run } from "./worker-esm-consumer.mjs";

export default {
  /** @param {Request} _request @param {{ CONTEXT: any }} env */
  fetch: async (_request, env) => Response.json({ version: "workerd", results: await run(env.CONTEXT) }),
};
