import type { Server } from "node:http";
import { describeRecipe, type StartedRecipe } from "tests-recipes";
import { Pusher } from "@x/server";
import { createApp, type AppOptions } from "../src/app.ts";

// The same checks, with the Pusher routes mounted before any body parser (the handlers read the
// body themselves) and behind express.urlencoded() and express.json({ verify }) (toNodeHandler
// re-encodes the parsed auth fields; the webhook route uses the kept raw body).

async function startApp(port: number, options: AppOptions): Promise<StartedRecipe> {
  const server: Server = createApp(options).listen(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (!server.listening) return;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describeRecipe("Express (the Pusher routes before any body parser)", ({ port, pusherUrl }) =>
  startApp(port, { pusher: Pusher.fromUrl(pusherUrl) }),
);

describeRecipe("Express (express.urlencoded() and express.json({ verify }) in front)", ({ port, pusherUrl }) =>
  startApp(port, { pusher: Pusher.fromUrl(pusherUrl), bodyParsersFirst: true }),
);
