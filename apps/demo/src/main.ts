// `pnpm demo`: starts the demo and stops everything it started on Ctrl-C (SIGINT) or SIGTERM.
import { startDemo } from "./start-demo.ts";

const env = process.env;
// A real Pusher app when its variables are set (the same ones Pusher.fromEnv reads).
const usesPusher = Boolean(env.PUSHER_URL || env.PUSHER_APP_ID);
const port = env.PORT ? Number(env.PORT) : 3000;
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number, got ${JSON.stringify(env.PORT)}`);
  process.exit(1);
}

const demo = await startDemo({ port, ...(usesPusher ? { pusherEnv: env } : {}) });
console.log(
  demo.localServer
    ? `Using a local Pusher-compatible server (soketi) at ${demo.localServer.url}; its webhooks come back to the demo.`
    : "Using the Pusher app named by the PUSHER_* variables; configure its webhooks in the dashboard (see README).",
);
if (demo.url !== `http://127.0.0.1:${port}` && port !== 0) console.log(`Port ${port} is taken: using another one.`);
console.log(`Demo running at ${demo.url}  (Ctrl-C to stop)`);

let stopping = false;
const shutDown = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the demo…`);
  demo.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("could not stop cleanly:", error);
      process.exit(1);
    },
  );
};
process.on("SIGINT", shutDown);
process.on("SIGTERM", shutDown);
