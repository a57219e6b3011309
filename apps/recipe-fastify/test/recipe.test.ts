import { describeRecipe, type StartedRecipe } from "@x/recipe-checks";
import { Pusher } from "@x/server";
import { createApp, type AppOptions } from "../src/app.ts";

// The same checks, with the Pusher routes in a plugin that leaves their bodies unread (the
// handlers read them) and with Fastify's parsers in front (@fastify/formbody, and a JSON parser
// that keeps the raw bytes): toNodeHandler re-encodes the parsed auth fields, and the webhook
// route uses the raw body.

async function startApp(port: number, options: AppOptions): Promise<StartedRecipe> {
  const app = await createApp(options);
  await app.listen({ port, host: "127.0.0.1" });
  return { url: `http://127.0.0.1:${port}`, stop: () => app.close() };
}

describeRecipe("Fastify (the Pusher routes' bodies left unread)", ({ port, pusherUrl }) => startApp(port, { pusher: Pusher.fromUrl(pusherUrl) }));

describeRecipe("Fastify (@fastify/formbody and a JSON parser in front)", ({ port, pusherUrl }) =>
  startApp(port, { pusher: Pusher.fromUrl(pusherUrl), bodyParsersFirst: true }),
);
