import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describeRecipe, startRecipeProcess } from "@x/recipe-checks";

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

describeRecipe("Next.js (App Router route handlers, next build and next start)", async ({ port, env }) => {
  await nextBuild();
  return startRecipeProcess(process.execPath, [nextCli, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: appDir,
    env: { ...process.env, ...NEXT_ENV, ...env, NODE_ENV: "production" },
    url: `http://127.0.0.1:${port}`,
    readyPath: "/webhooks/events",
  });
});
