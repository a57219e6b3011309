// @ts-check
import root from "../../eslint.config.js";

// The consumers are scripts that every runtime runs as a user's code: they may use the
// Web-standard globals all of them share, and the module system of their own file.
const WEB_GLOBALS = ["console", "fetch", "Request", "Response", "TextEncoder", "URL", "URLSearchParams"];

export default [
  ...root,
  // Compiled by their own tsconfig (tsconfig.node10.json: CommonJS, node10) inside a consumer
  // project, where `@x/server/compat` resolves; outside one, no project would type them.
  { ignores: ["consumer/node10/**"] },
  {
    files: ["consumer/**/*.mjs", "consumer/**/*.cjs"],
    languageOptions: { globals: Object.fromEntries(WEB_GLOBALS.map((name) => [name, "readonly"])) },
  },
  {
    files: ["consumer/**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", exports: "writable" } },
    // A CommonJS consumer loads modules with require: that is what it is here to test.
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];
