// @ts-check
// The repository's rules, plus the browser globals of the page's script (public/app.js), which
// runs in the browser as it is written, with pusher-js loaded before it.
import root from "../../eslint.config.js";

export default [
  ...root,
  {
    files: ["public/**/*.js"],
    languageOptions: {
      sourceType: "script",
      globals: {
        Pusher: "readonly",
        document: "readonly",
        window: "readonly",
        fetch: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        console: "readonly",
      },
    },
  },
];
