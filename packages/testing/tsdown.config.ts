import { packageBuildConfig } from "../../tsdown.shared.ts";

// The fake is a Node.js server (node:http, node:crypto): built for the node platform.
export default packageBuildConfig({ platform: "node" });
