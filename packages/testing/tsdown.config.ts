import { defineConfig } from "tsdown";
import { packageBuildConfig } from "../../tsdown.shared.ts";

// Node.js servers and processes (node:http, node:child_process): built for the node platform.
export default [
  packageBuildConfig({ platform: "node" }),
  // The `serve` command that `bin` runs: an ES module that imports the library by the package's name.
  defineConfig({
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    platform: "node",
    fixedExtension: true,
    dts: false,
    clean: false,
    deps: { neverBundle: [/^node:/, "@x/testing"] },
  }),
];
