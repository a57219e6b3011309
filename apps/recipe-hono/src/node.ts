// Node.js: `tsx src/node.ts` (or compile it). PUSHER_URL (or PUSHER_APP_ID, PUSHER_KEY,
// PUSHER_SECRET, PUSHER_CLUSTER) names the Pusher app; PORT and HOST where to listen.
import { serve } from "@hono/node-server";
import { Pusher } from "@x/server";
import { createApp } from "./app.ts";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";
serve({ fetch: createApp(Pusher.fromEnv()).fetch, port, hostname }, () => {
  console.log(`Hono recipe listening on http://${hostname}:${port} (Node.js ${process.version})`);
});
