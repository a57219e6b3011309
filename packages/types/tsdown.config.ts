import { packageBuildConfig } from "../../tsdown.shared.ts";

export default packageBuildConfig();
