import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";

// DESIGN.md: a lightweight auth service installs @x/auth alone. This measures what it ships: an
// esbuild bundle (platform node, minified, gzipped) of a module that imports the two signing
// functions from the BUILT package (turbo builds it before this test: see ./turbo.json).

const MAX_GZIPPED_BYTES = 3 * 1024;
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const builtEntry = fileURLToPath(new URL("../dist/index.mjs", import.meta.url));

async function bundle(source: string): Promise<{ gzippedBytes: number; metafile: Metafile }> {
  const result = await build({
    stdin: { contents: source, resolveDir: packageDir, loader: "js" },
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
    // Resolve the installed packages as a user would: the workspace's tsconfig `paths` (which
    // point @x/signing's `#crypto` at its sources) are not published.
    tsconfigRaw: {},
  });
  return { gzippedBytes: gzipSync(result.outputFiles[0]!.contents).length, metafile: result.metafile };
}

/** The files that contributed code to the bundle (tree-shaken files contribute 0 bytes). */
function contributingInputs(metafile: Metafile): string[] {
  const output = Object.values(metafile.outputs)[0]!;
  return Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
}

describe("@x/auth bundle size", () => {
  it("bundles authorizeChannel and authenticateUser into at most 3 KB min+gz, without secretbox or pure-JS hashes", async () => {
    expect(existsSync(builtEntry), "build @x/auth first: pnpm --filter @x/auth build").toBe(true);
    const ours = await bundle(`export { authorizeChannel, authenticateUser } from ${JSON.stringify(builtEntry)};`);
    const official = await bundle(`export { default } from "pusher";`);
    console.log(`@x/auth auth-only bundle: ${ours.gzippedBytes} bytes min+gz (official pusher: ${official.gzippedBytes} bytes)`);

    expect(ours.gzippedBytes).toBeLessThanOrEqual(MAX_GZIPPED_BYTES);
    const inputs = contributingInputs(ours.metafile);
    expect(inputs.some((path) => path.includes("/signing/dist/crypto-node."))).toBe(true);
    expect(inputs.filter((path) => path.includes("@noble/"))).toEqual([]);
  });
});
