// @ts-check
import root from "../../eslint.config.js";

// The harness and the cases are plain ES modules that run in every runtime: they may use the
// Web-standard globals all of them share (docs/architecture.md, Runtime portability), and nothing else.
const WEB_GLOBALS = [
  "AbortController",
  "console",
  "fetch",
  "setTimeout",
  "Request",
  "Response",
  "TextEncoder",
  "TextDecoder",
  "URL",
  "URLSearchParams",
];

export default [
  ...root,
  {
    files: ["harness/**/*.mjs", "cases/**/*.mjs"],
    languageOptions: { globals: Object.fromEntries(WEB_GLOBALS.map((name) => [name, "readonly"])) },
  },
];
