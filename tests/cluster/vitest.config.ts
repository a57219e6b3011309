import { packageTestConfig } from "../../vitest.shared.ts";

// One test file at a time: each starts a cluster (a Redis server, two or three soketi nodes, and
// for the publisher one app process per node), and the machines have two cores shared with
// other test runs.
export default packageTestConfig({ test: { fileParallelism: false } });
