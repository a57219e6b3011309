#!/usr/bin/env node
// `npx @x/testing serve`: a fake Pusher (or soketi) until Ctrl-C, with what to configure printed.
import { parseArgs } from "node:util";
// The package by its own name: the built command loads the built library instead of a copy of it.
import { LocalPusherSetupError, startFakePusher, startLocalPusher, type FakePusherConfig } from "@x/testing";

const USAGE = `Usage: npx @x/testing serve [--soketi] [--nodes N] [--app-id ID] [--key KEY] [--secret SECRET]

Starts a Pusher Channels server on 127.0.0.1 and prints its PUSHER_URL, the options of a server
SDK and those of pusher-js, then runs until Ctrl-C.
  (default)    the fake Pusher HTTP API of @x/testing: no WebSocket side, nothing to install
  --soketi     soketi, a real server pusher-js connects to (needs @soketi/soketi and Node.js 20)
  --nodes N    N soketi nodes sharing a private redis-server (implies --soketi)
`;

const write = (text: string) => process.stdout.write(`${text}\n`);
const json = (value: unknown) => JSON.stringify(value, null, 2);

interface Served {
  what: string;
  url: string;
  config: FakePusherConfig;
  clientOptions: object | undefined;
  close(): Promise<void>;
}

async function start(soketi: boolean, nodes: number, credentials: { appId?: string; key?: string; secret?: string }): Promise<Served> {
  if (!soketi) {
    const fake = await startFakePusher(credentials);
    return { what: "the fake Pusher Channels HTTP API of @x/testing", url: fake.url, config: fake.config, clientOptions: undefined, close: () => fake.close() };
  }
  const local = await startLocalPusher({ ...credentials, nodes });
  const ports = local.nodes.map((node) => node.config.port).join(", ");
  const what = nodes === 1 ? "soketi" : `a cluster of ${nodes} soketi nodes over a private Redis (ports ${ports}; the options below use the first)`;
  return { what, url: local.url, config: local.config, clientOptions: local.clientOptions, close: () => local.close() };
}

async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        soketi: { type: "boolean", default: false },
        nodes: { type: "string" },
        "app-id": { type: "string" },
        key: { type: "string" },
        secret: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    write(USAGE);
    return 0;
  }
  const nodes = values.nodes === undefined ? 1 : Number(values.nodes);
  if (positionals.join(" ") !== "serve" || !Number.isInteger(nodes)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const credentials = { appId: values["app-id"], key: values.key, secret: values.secret };
  // Listened for from now: a Ctrl-C during the start stops what started as soon as it is up.
  const stopRequested = new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  const served = await start(values.soketi || values.nodes !== undefined, nodes, credentials);
  write(`@x/testing serve: ${served.what}, on 127.0.0.1:${served.config.port}.\n`);
  write(`PUSHER_URL=${served.url}\n`);
  write(`Server SDK options (new Pusher(options), or Pusher.fromUrl(PUSHER_URL)):\n${json(served.config)}\n`);
  write(
    served.clientOptions === undefined
      ? "pusher-js client options: none, the fake has no WebSocket side (serve --soketi runs a server pusher-js connects to)."
      : `pusher-js client options (new Pusher(${JSON.stringify(served.config.key)}, options)):\n${json(served.clientOptions)}`,
  );
  write("\nRunning: Ctrl-C stops it.");
  await stopRequested;
  await served.close();
  write("@x/testing serve: stopped.");
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const shown = error instanceof LocalPusherSetupError || error instanceof TypeError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`@x/testing serve: ${shown}\n`);
    process.exitCode = 1;
  },
);
