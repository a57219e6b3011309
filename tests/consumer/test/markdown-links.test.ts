import { describe, expect, it } from "vitest";
import { headingAnchors, markdownLinks } from "../src/markdown-links.js";
import { formatBytes } from "../src/installed-footprint.js";
import { matrixTable } from "../src/matrix-table.js";

describe("markdownLinks", () => {
  it("returns the targets of links and images, and nothing from code", () => {
    const markdown = [
      'See [the docs](docs/protocol.md#2-request-signing) and ![logo](logo.png "Logo").',
      "Not `[a](b.md)` in code, nor in a block:",
      "```ts",
      "const x = [1](2);",
      "```",
      "[`@x/rest`](https://github.com/x-pusher/x/tree/main/packages/rest#readme)",
    ].join("\n");
    expect(markdownLinks(markdown)).toEqual([
      "docs/protocol.md#2-request-signing",
      "logo.png",
      "https://github.com/x-pusher/x/tree/main/packages/rest#readme",
    ]);
  });
});

describe("headingAnchors", () => {
  it("slugs headings as GitHub does, repeats numbered", () => {
    const markdown = [
      "# @x/auth",
      "## 2. Request signing",
      "### `createWebhookHandler(options)` → `(request: Request) => Promise<Response>`",
      "### Options of `createRestClient(options)`",
      "## Errors",
      "## Errors",
      "```md",
      "## Not a heading",
      "```",
    ].join("\n");
    expect([...headingAnchors(markdown)]).toEqual([
      "xauth",
      "2-request-signing",
      "createwebhookhandleroptions--request-request--promiseresponse",
      "options-of-createrestclientoptions",
      "errors",
      "errors-1",
    ]);
  });
});

describe("the report helpers", () => {
  it("formatBytes writes kB below a megabyte and MB above", () => {
    expect(formatBytes(389_120)).toBe("389.1 kB");
    expect(formatBytes(1_523_456)).toBe("1.5 MB");
  });

  it("matrixTable marks passes, failures and what did not run", () => {
    const table = matrixTable(
      ["@x/auth"],
      (runtime, mode) => (runtime === "bun" ? undefined : !(runtime === "deno" && mode === "require")),
      ["nodenext"],
      () => true,
    );
    expect(table.split("\n")[2]).toBe("| `@x/auth` | ✓ / ✓ | ✓ / ✓ | ✓ / ✓ | – / – | ✓ / ✗ | ✓ / ✓ | ✓ / ✓ | ✓ |");
  });
});
