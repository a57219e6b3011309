// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const NODE_BUILTINS = [
  "assert",
  "async_hooks",
  "buffer",
  "child_process",
  "cluster",
  "crypto",
  "dgram",
  "dns",
  "events",
  "fs",
  "fs/promises",
  "http",
  "http2",
  "https",
  "net",
  "os",
  "path",
  "perf_hooks",
  "process",
  "querystring",
  "readline",
  "stream",
  "string_decoder",
  "timers",
  "tls",
  "tty",
  "url",
  "util",
  "v8",
  "vm",
  "worker_threads",
  "zlib",
];
const nodeBuiltinPatterns = [
  { group: ["node:*"], message: "Runtime-neutral source may not import Node built-ins (docs/architecture.md, Runtime portability)." },
  ...NODE_BUILTINS.map((name) => ({
    group: [name],
    message: "Runtime-neutral source may not import Node built-ins (docs/architecture.md, Runtime portability).",
  })),
];
const neutralGlobals = [
  { name: "Buffer", message: "Use Uint8Array: Buffer does not exist on every runtime." },
  { name: "process", message: "No process global in runtime-neutral code." },
  { name: "require", message: "ESM only." },
  { name: "__dirname", message: "Not available in ESM nor on edge runtimes." },
];

/** The layering of docs/architecture.md: what each package's source may not import. */
const layering = {
  types: ["@x/signing", "@x/auth", "@x/webhooks", "@x/rest", "@x/server", "ky", "@noble/*"],
  signing: ["@x/auth", "@x/webhooks", "@x/rest", "@x/server", "ky"],
  auth: ["@x/webhooks", "@x/rest", "@x/server", "ky", "@noble/*"],
  webhooks: ["@x/auth", "@x/rest", "@x/server", "ky", "@noble/*"],
  rest: ["@x/auth", "@x/webhooks", "@x/server", "@noble/*"],
  server: ["ky", "@noble/*"],
};

export default tseslint.config(
  {
    ignores: ["**/dist/**", "**/coverage/**", "**/node_modules/**", "**/.turbo/**", "**/test-results/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  ...Object.entries(layering).map(([pkg, forbidden]) => ({
    files: [`packages/${pkg}/src/**/*.ts`],
    rules: {
      "no-console": "error",
      "no-restricted-globals": ["error", ...neutralGlobals],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...forbidden.map((name) => ({
              group: [name, `${name}/*`],
              message: `@x/${pkg} may not depend on ${name} (docs/architecture.md, Packages and the direction of dependencies).`,
            })),
            ...nodeBuiltinPatterns,
          ],
        },
      ],
    },
  })),
  {
    // The one file allowed to import a Node built-in: the "node" condition's crypto.
    files: ["packages/signing/src/crypto/crypto-node.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // The one file of @x/rest allowed to import a Node built-in: the "node" condition's transport.
    files: ["packages/rest/src/transport/transport-node.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // @x/testing is Node-only (node:http, node:child_process) and an oracle for the SDKs it tests:
    // it shares no code with them (docs/architecture.md).
    files: ["packages/testing/src/**/*.ts"],
    rules: {
      "no-console": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@x/*", "!@x/testing", "pusher", "pusher/*"],
              message: "@x/testing verifies requests on its own (node:crypto), never with the SDK it tests.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/test/**/*.ts", "**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
);
