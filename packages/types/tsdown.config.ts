import { packageBuildConfig } from "../../tsdown.shared.ts";

export default packageBuildConfig({ entry: { index: "src/index.ts", internal: "src/internal.ts" } });
