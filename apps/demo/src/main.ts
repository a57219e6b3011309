// `pnpm demo`: starts the demo and stops everything it started on Ctrl-C (SIGINT) or SIGTERM.
import { startDemo, type Demo } from "./start-demo.ts";

const env = process.env;
// A real Pusher app when its variables are set (the ones Pusher.fromEnv reads).
const usesPusher = Boolean(env.PUSHER_URL || env.PUSHER_APP_ID);
const port = env.PORT ? Number(env.PORT) : 3000;
// `pnpm demo -- --cluster`: two soketi nodes over Redis, each browser on the next node.
const clusterNodes = process.argv.includes("--cluster") ? 2 : undefined;
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number, got ${JSON.stringify(env.PORT)}`);
  process.exit(1);
}

let demo: Demo | undefined;
let stopRequested: NodeJS.Signals | undefined;

function stopAndExit(running: Demo): void {
  running.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("The demo could not stop cleanly:", error);
      process.exit(1);
    },
  );
}

function shutDown(signal: NodeJS.Signals): void {
  // Ctrl-C reaches the demo twice: from the terminal, and relayed by pnpm.
  if (stopRequested !== undefined) return;
  stopRequested = signal;
  console.log(`\n${signal}: stopping the demo…`);
  // While the demo starts, the start-up stops it once it is up.
  if (demo !== undefined) stopAndExit(demo);
}

// In place before anything starts or is announced: a signal that met Node's default action would
// kill the demo mid-way, and pnpm would report "[ELIFECYCLE] Command failed" for it.
process.on("SIGINT", shutDown);
process.on("SIGTERM", shutDown);

try {
  demo = await startDemo({ port, ...(usesPusher ? { pusherEnv: env } : { clusterNodes }) });
} catch (error) {
  // The SDK's configuration errors name the bad variable and never echo a secret.
  console.error(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

if (stopRequested !== undefined) {
  stopAndExit(demo);
} else {
  const nodes = demo.localPusher?.nodes ?? [];
  if (nodes.length > 1) {
    const ports = nodes.map((node) => node.config.port).join(" and ");
    console.log(`Using a local cluster of ${nodes.length} soketi nodes (ports ${ports}) over Redis; each browser gets the next node.`);
  } else if (demo.localPusher) {
    console.log(
      `Using a local Pusher-compatible server (soketi) at 127.0.0.1:${demo.localPusher.config.port}; its webhooks come back to the demo.`,
    );
  } else {
    console.log("Using the Pusher app of the PUSHER_* variables; its webhooks are set in the Pusher dashboard (see apps/demo/README.md).");
  }
  if (port !== 0 && demo.url !== `http://127.0.0.1:${port}`) console.log(`Port ${port} is taken: using another one.`);
  console.log(`Demo running at ${demo.url}  (Ctrl-C to stop)`);
}
