// A Cloudflare Worker that uses the @x packages through `import` (esm-consumer.mjs), bundled as
// wrangler bundles it. Any request runs the checks, with the consumer context from `env.CONTEXT`.
import { run } from "./esm-consumer.mjs";

export default {
  /** @param {Request} _request @param {{ CONTEXT: any }} env */
  fetch: async (_request, env) => Response.json({ version: "workerd", results: await run(env.CONTEXT) }),
};
