// One app process behind a load balancer: a batching publisher of the built @x/rest, talking to
// one node of the cluster. Started by the publisher test, one per node, with its settings as a
// JSON argument. It reports on stdout, one JSON object per line:
//   {"type":"verdict","id":"app-0:17","ok":true}            publish() resolved
//   {"type":"verdict","id":"app-0:18","ok":false,"error":{…}} publish() rejected
//   {"type":"done","published":N}                           every publish has settled
// With "count", it publishes that many events as fast as the publisher takes them and stops;
// without, it publishes `perTick` events every `tickMs` until it reads "stop" on stdin (or
// reaches `maxEvents`). Event i goes to channels[i % channels.length] as event "tick" with data
// {"id": "<app>:<i>"}.
import process from "node:process";
import { createInterface } from "node:readline";
import { setTimeout as delay } from "node:timers/promises";
import { createPublisher, createRestClient, isPusherError } from "@x/rest";

/**
 * @typedef {object} AppSettings
 * @property {string} app the app's name, the prefix of its event ids
 * @property {{ host: string; port: number; appId: string; key: string; secret: string }} node
 * @property {string[]} channels
 * @property {number} [count] publish this many events, then stop
 * @property {number} [perTick] events per tick, until told to stop (default 3)
 * @property {number} [tickMs] (default 20)
 * @property {number} [maxEvents] a bound in case "stop" never comes (default 5000)
 */

/** @type {AppSettings} */
const settings = JSON.parse(process.argv[2] ?? "{}");
const { app, node, channels } = settings;

/**
 * @param {unknown} message
 * @param {() => void} [written] called once this line, and every line before it, has left the process
 */
function report(message, written) {
  process.stdout.write(`${JSON.stringify(message)}\n`, written);
}

/** @param {unknown} error */
function describeError(error) {
  if (!isPusherError(error)) return { name: error instanceof Error ? error.name : typeof error, isPusherError: false };
  return { name: error.name, code: error.code, isPusherError: true, message: error.message };
}

const client = createRestClient({
  appId: node.appId,
  key: node.key,
  secret: node.secret,
  host: node.host,
  port: node.port,
  useTLS: false,
  maxPayloadBytes: 100_000,
  // Generous: the machine is shared with other test runs; a dead node fails at once anyway.
  timeout: 15_000,
});
const publisher = createPublisher(client, { maxBatchSize: 10, maxDelayMs: 5, maxConcurrency: 4 });

/** @type {Promise<void>[]} */
const settled = [];
let published = 0;

function publishNext() {
  const id = `${app}:${published}`;
  const channel = channels[published % channels.length] ?? "";
  published++;
  settled.push(
    publisher.publish({ channel, name: "tick", data: { id } }).then(
      () => report({ type: "verdict", id, ok: true }),
      (error) => report({ type: "verdict", id, ok: false, error: describeError(error) }),
    ),
  );
}

let stopRequested = false;
createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.trim() === "stop") stopRequested = true;
});

if (settings.count !== undefined) {
  for (let index = 0; index < settings.count; index++) publishNext();
} else {
  const perTick = settings.perTick ?? 3;
  const tickMs = settings.tickMs ?? 20;
  const maxEvents = settings.maxEvents ?? 5_000;
  while (!stopRequested && published < maxEvents) {
    for (let index = 0; index < perTick; index++) publishNext();
    await delay(tickMs);
  }
}
await publisher.close();
await Promise.all(settled);
// stdin stays open (it tells this process that its parent is alive): leave explicitly, but only
// once the output has left. Writes to stdout are not always synchronous: its socket to the test
// holds about 170 short lines, and when the test process is slow to read (a loaded machine), the
// rest wait in this process, where process.exit() would drop them, "done" included.
report({ type: "done", published }, () => process.exit(0));
