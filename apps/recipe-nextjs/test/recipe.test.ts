import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describeRecipe, startRecipeProcess } from "tests-recipes";
import { expect, it } from "vitest";

// The app as it runs in production: `next build`, then `next start` on a free loopback port,
// with the environment of a deployment (PUSHER_URL). Telemetry is off, and nothing is fetched
// from the network: the build needs no fonts, and the SWC compiler comes from its npm package.

const appDir = fileURLToPath(new URL("..", import.meta.url));
const nextCli = createRequire(import.meta.url).resolve("next/dist/bin/next");
const NEXT_ENV = { NEXT_TELEMETRY_DISABLED: "1", NO_COLOR: "1" };

async function nextBuild(): Promise<void> {
  const build = spawn(process.execPath, [nextCli, "build"], {
    cwd: appDir,
    env: { ...process.env, ...NEXT_ENV, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  build.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  build.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    build.once("error", reject);
    build.once("close", resolve);
  });
  if (code !== 0) throw new Error(`next build exited with ${code}:\n${output}`);
}

describeRecipe(
  "Next.js (App Router route handlers, next build and next start)",
  async ({ port, env }) => {
    await nextBuild();
    return startRecipeProcess(process.execPath, [nextCli, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
      cwd: appDir,
      env: { ...process.env, ...NEXT_ENV, ...env, NODE_ENV: "production" },
      url: `http://127.0.0.1:${port}`,
      readyPath: "/webhooks/events",
    });
  },
  {
    // The Pages Router's API routes, through toNodeHandler, with and without Next.js's body parser.
    moreChecks: (recipe) => {
      it("Pages Router: subscriptions are authorized through an API route behind Next.js's body parser", async () => {
        const paths = { auth: "/api/pages-router/auth", userAuth: "/api/pages-router/auth" };
        const alice = await recipe().connectAs("alice", paths);
        expect((await alice.subscribe("presence-pages")).subscribed).toBe(true);
        const bob = await recipe().connectAs("bob", paths);
        await expect(bob.subscribe("private-admin-pages")).rejects.toMatchObject({ status: 403 });
      });

      it("Pages Router: a webhook route with the body parser off accepts a signed webhook (200) and refuses a tampered one (401)", async () => {
        const { app } = recipe();
        const body = JSON.stringify({ time_ms: Date.now(), events: [{ name: "channel_vacated", channel: "private-chat-pages" }] });
        const accepted = await fetch(`${app.url}/api/pages-router/webhooks`, {
          method: "POST",
          headers: recipe().signedWebhookHeaders(body),
          body,
        });
        expect(accepted.status).toBe(200);
        const tampered = body.replace("channel_vacated", "channel_occupied");
        const refused = await fetch(`${app.url}/api/pages-router/webhooks`, {
          method: "POST",
          headers: recipe().signedWebhookHeaders(body),
          body: tampered,
        });
        expect(refused.status).toBe(401);
      });

      it("Pages Router: a webhook route behind Next.js's JSON body parser refuses even a signed webhook (400), saying to keep the raw body", async () => {
        const { app } = recipe();
        const body = JSON.stringify({ time_ms: Date.now(), events: [{ name: "channel_vacated", channel: "private-chat-parsed" }] });
        const refused = await fetch(`${app.url}/api/pages-router/webhooks-body-parsed`, {
          method: "POST",
          headers: recipe().signedWebhookHeaders(body),
          body,
        });
        expect(refused.status).toBe(400);
        expect(await refused.json()).toEqual({ error: expect.stringContaining("keep the raw body") });
      });
    },
  },
);
