import { describeRecipe, type RecipeUnderTest, type StartedRecipe } from "tests-recipes";
import { expect, it } from "vitest";
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

// The app's other JSON routes keep Fastify's refusal of prototype poisoning, also when the recipe
// puts its own JSON parser (one that keeps the raw bytes) in place of Fastify's.
const moreChecks = (recipe: () => RecipeUnderTest) => {
  it("refuses a JSON body with __proto__ or constructor.prototype (400), as Fastify's own parser does", async () => {
    for (const body of [
      '{"__proto__":{"admin":true},"channel":"private-chat-general","text":"x"}',
      '{"constructor":{"prototype":{"admin":true}}}',
    ]) {
      const response = await fetch(`${recipe().app.url}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer bob" },
        body,
      });
      await response.body?.cancel();
      expect(response.status).toBe(400);
    }
  });
};

it("bounds how long a request may take to arrive: Node's requestTimeout on Fastify's server is 30 s, where Fastify's default is none", async () => {
  for (const bodyParsersFirst of [false, true]) {
    const app = await createApp({ pusher: Pusher.fromUrl("http://key:secret@127.0.0.1:1/apps/1"), bodyParsersFirst });
    expect(app.server.requestTimeout).toBe(30_000);
    await app.close();
  }
});

describeRecipe(
  "Fastify (the Pusher routes' bodies left unread)",
  ({ port, pusherUrl }) => startApp(port, { pusher: Pusher.fromUrl(pusherUrl) }),
  {
    moreChecks,
  },
);

describeRecipe(
  "Fastify (@fastify/formbody and a JSON parser in front)",
  ({ port, pusherUrl }) => startApp(port, { pusher: Pusher.fromUrl(pusherUrl), bodyParsersFirst: true }),
  { moreChecks },
);
