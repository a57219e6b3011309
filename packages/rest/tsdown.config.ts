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
});
