import { packageBuildConfig } from "../../tsdown.shared.ts";

// Two entries: the umbrella, and `./compat` (the official `pusher` package's API), whose only
// export is its default, the class: tsdown's `cjsDefault` (on by default) makes that
// `module.exports` in the CommonJS build and `export =` in its declarations.
export default packageBuildConfig({
  entry: { index: "src/index.ts", compat: "src/compat/index.ts" },
});
