// The end-to-end benchmark on soketi (bench-cluster.ts), in a process of its own on the reference
// Node (started by main.ts); it writes its ClusterResult as JSON to the file named by its argument.
import { writeFileSync } from "node:fs";
import { benchCluster, type TopologyResult } from "./bench-cluster.js";

/** What the end-to-end benchmark measured, and on which Node it ran. */
export interface ClusterResult {
  node: string;
  topologies: TopologyResult[];
  /** Why the benchmark could not run at all (its process failed). */
  notMeasured?: string;
}

const output = process.argv[2];
if (output === undefined) throw new Error("usage: run-cluster.ts <result.json>");
const topologies = await benchCluster((line) => process.stderr.write(`  [node ${process.versions.node}] end to end: ${line}\n`));
const result: ClusterResult = { node: process.version, topologies };
writeFileSync(output, `${JSON.stringify(result, null, 2)}\n`);
// pusher-js and the HTTP agents may keep timers alive; everything they talked to is stopped.
process.exit(0);
