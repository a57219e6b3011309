import { packageBuildConfig } from "../../tsdown.shared.ts";

export default packageBuildConfig({
  // The transports are separate entries, reached through the package's own `#transport` import
  // map so that each runtime loads only the one its conditions select.
  entry: {
    index: "src/index.ts",
    // The OpenTelemetry hooks, a subpath of their own: only it loads @opentelemetry/api.
    otel: "src/otel/open-telemetry-hooks.ts",
    "transport-node": "src/transport/transport-node.ts",
    "transport-portable": "src/transport/transport-portable.ts",
  },
  deps: {
    // ky is built in, as one chunk (`dist/ky-*.mjs`, `.cjs`) that the first request loads. ky was
    // already pinned to one exact version, so a user could not have chosen another; built in, it
    // loads as one module instead of thirty (its import took ~11 ms before the first request on
    // Node 24, ~4 ms now), the CommonJS build gets a CommonJS copy instead of importing ES
    // modules, and installing @x/rest no longer brings ky's 720 KB of sources, maps and types.
    // Its license is published beside it (dist/ky.LICENSE, copied by the build script).
    alwaysBundle: ["ky"],
  },
  outputOptions: {
    codeSplitting: {
      groups: [
        { name: "rolldown-runtime", test: /rolldown[\\/]runtime/ },
        { name: "ky", test: /node_modules[\\/]ky[\\/]|src[\\/]request[\\/]ky-parts\.ts$/ },
      ],
    },
  },
});
