import { packageBuildConfig } from "../../tsdown.shared.ts";

export default packageBuildConfig({
  // The crypto implementations are entries of their own, reached through the package's `#crypto`
  // import map, so that each runtime loads only the one its conditions select.
  entry: {
    index: "src/index.ts",
    internal: "src/internal.ts",
    "crypto-node": "src/crypto/crypto-node.ts",
    "crypto-portable": "src/crypto/crypto-portable.ts",
  },
});
