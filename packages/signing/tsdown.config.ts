import { packageBuildConfig } from "../../tsdown.shared.ts";

export default packageBuildConfig({
  // The crypto implementations are separate entries, reached through the package's own
  // `#crypto` import map so that each runtime loads only the one its conditions select.
  entry: {
    index: "src/index.ts",
    "crypto-node": "src/crypto/crypto-node.ts",
    "crypto-portable": "src/crypto/crypto-portable.ts",
  },
});
