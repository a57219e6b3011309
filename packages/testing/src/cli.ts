#!/usr/bin/env node
// `npx @x/testing serve`: a fake Pusher (or soketi) until Ctrl-C, with what to configure printed.
import { parseArgs } from "node:util";
// The package by its own name: the built command loads the built library instead of a copy of it.
import { LocalPusherSetupError, startFakePusher, startLocalPusher, type LocalPusherOptions } from "@x/testing";

const USAGE = `Usage: npx @x/testing serve [--soketi] [--nodes N] [--app-id ID] [--key KEY] [--secret SECRET]

Starts a Pusher Channels server on 127.0.0.1 and prints its PUSHER_URL, the options of a server
SDK and those of pusher-js, then runs until Ctrl-C.
  (default)    the fake Pusher HTTP API of @x/testing: no WebSocket side, nothing to install
  --soketi     soketi, a real server pusher-js connects to (needs @soketi/soketi and Node.js 20)
  --nodes N    N soketi nodes sharing a private redis-server (implies --soketi)
`;

const write = (text: string) => process.stdout.write(`${text}\n`);
const json = (value: unknown) => JSON.stringify(value, null, 2);

async function start(soketi: boolean, nodes: number, credentials: Pick<LocalPusherOptions, "appId" | "key" | "secret">) {
  if (!soketi) return { what: "the fake Pusher Channels HTTP API of @x/testing", server: await startFakePusher(credentials) };
  const server = await startLocalPusher({ ...credentials, nodes });
  const ports = server.nodes.map((node) => node.config.port).join(", ");
  return {
    what:
      nodes === 1 ? "soketi" : `a cluster of ${nodes} soketi nodes over a private Redis (ports ${ports}; the options below use the first)`,
    server,
  };
}

async function main(args: string[]): Promise<number> {
  const options = {
    soketi: { type: "boolean" },
    nodes: { type: "string" },
    "app-id": { type: "string" },
    key: { type: "string" },
    secret: { type: "string" },
  } as const;
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { ...options, help: { type: "boolean", short: "h" } } });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    write(USAGE);
    return 0;
  }
  const nodes = values.nodes === undefined ? 1 : Number(values.nodes);
  if (positionals.join(" ") !== "serve" || !Number.isInteger(nodes)) {
    process.stderr.write(USAGE);
    return 2;
  }
  // Listened for from now: a Ctrl-C during the start stops what started as soon as it is up.
  const stopRequested = new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  const credentials = { appId: values["app-id"], key: values.key, secret: values.secret };
  const { what, server } = await start(values.soketi === true || values.nodes !== undefined, nodes, credentials);
  write(`@x/testing serve: ${what}, on 127.0.0.1:${server.config.port}.\n`);
  write(`PUSHER_URL=${server.url}\n`);
  write(`Server SDK options (new Pusher(options), or Pusher.fromUrl(PUSHER_URL)):\n${json(server.config)}\n`);
  write(
    "clientOptions" in server
      ? `pusher-js client options (new Pusher(${JSON.stringify(server.config.key)}, options)):\n${json(server.clientOptions)}`
      : "pusher-js client options: none, the fake has no WebSocket side (serve --soketi runs a server pusher-js connects to).",
  );
  write("\nRunning: Ctrl-C stops it.");
  await stopRequested;
  await server.close();
  write("@x/testing serve: stopped.");
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A setup error or a bad option says all in its message; anything else gets its stack.
    const known = error instanceof LocalPusherSetupError || error instanceof TypeError;
    process.stderr.write(`@x/testing serve: ${known ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
