import { startSink } from "/work/main/apps/bench/src/start-sink.ts";
import { runConcurrently } from "/work/main/apps/bench/src/run-concurrently.ts";
import { oursTrigger, officialTrigger, floorTrigger } from "/work/main/apps/bench/src/trigger-contenders.ts";
const sink = await startSink();
const which = process.argv[2] ?? "all";
const makers = { ours: oursTrigger, official: officialTrigger, floor: floorTrigger };
const names = which === "all" ? Object.keys(makers) : [which];
const N = Number(process.env.N ?? 20000);
for (const round of [1, 2]) for (const name of names) {
  const c = makers[name](sink.port);
  await runConcurrently(2000, 64, () => c.trigger());
  const ms = await runConcurrently(N, 64, () => c.trigger());
  console.log(round, name, Math.round(N / ms * 1000), "req/s");
  c.close();
}
console.log("sink count", await sink.requestCount());
await sink.stop();
