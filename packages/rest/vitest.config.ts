import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { packageTestConfig } from "../../vitest.shared.ts";

export default packageTestConfig(
  defineConfig({
    // The tests run on Node: `#transport` is the "node" condition's transport, as a user on Node
    // gets it (the portable one has its own test).
    resolve: { alias: { "#transport": fileURLToPath(new URL("./src/transport/transport-node.ts", import.meta.url)) } },
    test: {
      coverage: {
        provider: "v8",
        include: ["src/**/*.ts"],
        // What the suite covers now, rounded down: a change that covers less fails `pnpm test`.
        thresholds: { lines: 100, branches: 96, functions: 99, statements: 99 },
      },
    },
  }),
  { fromSource: true },
);
