// Deno: `deno run --node-modules-dir=manual --allow-read --allow-env --allow-net=127.0.0.1 src/deno.ts`
// (after `pnpm install`). The same variables as node.ts.
import { Pusher } from "@x/server";
import { createApp } from "./app.ts";

// Deno's own global, declared here rather than installing its types for one call.
declare const Deno: {
  version: { deno: string };
  env: { toObject(): Record<string, string> };
  serve(options: { port: number; hostname: string }, handler: (request: Request) => Response | Promise<Response>): unknown;
};

const env = Deno.env.toObject();
const port = Number(env.PORT ?? 3000);
const hostname = env.HOST ?? "127.0.0.1";
Deno.serve({ port, hostname }, createApp(Pusher.fromEnv(env)).fetch);
console.log(`Hono recipe listening on http://${hostname}:${port} (Deno ${Deno.version.deno})`);
