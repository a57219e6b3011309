// A CommonJS program that uses the @x packages: `<runtime> cli.cjs`, with the consumer context
// as JSON in X_TEST_CONTEXT. It loads every module with `require` (cjs-consumer.cjs, written
// for the installed packages by tests-consumer), checks it, and prints one JSON line: what the
// runtime is, and each module's result with the file the runtime resolved it to.
"use strict";
const { run } = require("./cjs-consumer.cjs");

const { Deno: deno, Bun: bun, process: nodeProcess } = /** @type {any} */ (globalThis);

async function main() {
  const contextJson = deno ? deno.env.get("X_TEST_CONTEXT") : nodeProcess.env.X_TEST_CONTEXT;
  const results = await run(JSON.parse(contextJson));
  for (const result of results) {
    try {
      result.resolved = require.resolve(result.specifier);
    } catch (error) {
      result.resolved = `not resolved: ${String(error)}`;
    }
  }
  const version = deno ? `deno ${deno.version.deno}` : bun ? `bun ${bun.version}` : `node ${nodeProcess.versions.node}`;
  console.log(JSON.stringify({ version, results }));
}

main().catch((error) => {
  console.error(error);
  nodeProcess.exitCode = 1;
});
