// @ts-check
import root from "../../eslint.config.js";

export default [
  ...root,
  {
    // The fake is an oracle for the SDKs it tests: it shares no code with them.
    files: ["src/**/*.ts"],
    rules: {
      "no-console": "error",
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@x/*", "pusher", "pusher/*"], message: "@x/testing verifies requests on its own (node:crypto), never with the SDK it tests." }] },
      ],
    },
  },
];
