import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { packageTestConfig } from "../../vitest.shared.ts";

const cryptoImplementation = (file: string) => ({
  "#crypto": fileURLToPath(new URL(`./${file}`, import.meta.url)),
});

// Every test runs twice: once on native `node:crypto`, once on the pure-JS implementation that
// edge runtimes without `nodejs_compat` get (docs/protocol.md vectors must pass through both).
export default packageTestConfig(
  defineConfig({
    test: {
      projects: [
        { extends: true, test: { name: "node-crypto" }, resolve: { alias: cryptoImplementation("src/crypto/crypto-node.ts") } },
        { extends: true, test: { name: "noble-crypto" }, resolve: { alias: cryptoImplementation("test/support/noble-runtime.ts") } },
      ],
      coverage: {
        provider: "v8",
        include: ["src/**/*.ts"],
        thresholds: { lines: 100, branches: 100, functions: 100, statements: 100 },
      },
    },
  }),
  { fromSource: true },
);
