// Bun: `bun src/bun.ts`. The same variables as node.ts.
import { Pusher } from "@x/server";
import { createApp } from "./app.ts";

// Bun's own global, declared here rather than installing its types for one call.
declare const Bun: {
  version: string;
  env: Record<string, string | undefined>;
  serve(options: { port: number; hostname: string; fetch: (request: Request) => Response | Promise<Response> }): unknown;
};

const port = Number(Bun.env.PORT ?? 3000);
const hostname = Bun.env.HOST ?? "127.0.0.1";
Bun.serve({ port, hostname, fetch: createApp(Pusher.fromEnv(Bun.env)).fetch });
console.log(`Hono recipe listening on http://${hostname}:${port} (Bun ${Bun.version})`);
