// Starts the recipe: `PUSHER_URL` (or PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET, PUSHER_CLUSTER)
// names the Pusher app; PORT and HOST where to listen (3000 on 127.0.0.1 by default).
import { Pusher } from "@x/server";
import { createApp } from "./app.ts";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const app = await createApp({ pusher: Pusher.fromEnv(), bodyParsersFirst: process.env.BODY_PARSERS_FIRST === "true" });
await app.listen({ port, host });
console.log(`Fastify recipe listening on http://${host}:${port}`);
