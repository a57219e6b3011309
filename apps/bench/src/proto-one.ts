import { startSink } from "./start-sink.js";
import { runConcurrently } from "./run-concurrently.js";
import { oursTrigger, officialTrigger, floorTrigger } from "./trigger-contenders.js";
import { createRestClient } from "@x/rest";
import { nodeFetch } from "./proto-transport.js";
import { APP, EVENT } from "./fixtures.js";
const sink = await startSink();
const makers = { ours: oursTrigger, official: officialTrigger, floor: floorTrigger,
  oursNode: (port: number) => { const client = createRestClient({ ...APP, host: "127.0.0.1", port, useTLS: false, fetch: nodeFetch as typeof fetch });
    return { name: "oursNode", trigger: () => client.trigger(EVENT.channel, EVENT.name, EVENT.data), close() {} }; } } as const;
const names = process.argv.slice(2) as (keyof typeof makers)[];
const N = Number(process.env.N ?? 10000);
for (const round of [1, 2]) for (const name of names) {
const c = makers[name](sink.port);
await runConcurrently(2000, 64, () => c.trigger());
const ms = await runConcurrently(N, 64, () => c.trigger());
console.log(round, name, Math.round(N / ms * 1000), "req/s");
c.close();
}
await sink.stop();
