import { describe, expect, it } from "vitest";
import { BUNDLE_SOURCES, SIZE_BUDGETS, bundleSize, installFootprint, type BundleName, type BundleSize } from "../src/measure-sizes.js";

// The size budgets of BENCHMARKS.md, enforced: sizes are deterministic, unlike speed. Each
// bundle is what a user's Node app ships for one job (esbuild, platform node, minified,
// gzipped), built from the packages' built `dist` (turbo builds them before this test runs).
// The official package's figure is printed beside ours, for the record.

async function measure(name: BundleName): Promise<{ ours: BundleSize; official: BundleSize }> {
  const sources = BUNDLE_SOURCES[name];
  const [ours, official] = await Promise.all([bundleSize(sources.ours), bundleSize(sources.official)]);
  console.log(
    `${name} bundle: @x ${ours.gzippedBytes} B min+gz (budget ${SIZE_BUDGETS[name]} B), official pusher ${official.gzippedBytes} B`,
  );
  return { ours, official };
}

// The constant of Salsa20 (the cipher of secretbox), as @noble/ciphers writes it.
const SALSA20_SIGMA = "expand 32-byte k";

const contributed = (bundle: BundleSize, fragment: string): string[] => bundle.inputs.filter((path) => path.includes(fragment));
// @x/testing, the test kit, as a bundle's inputs name it: from the workspace or from node_modules.
const TESTING_KIT = /\/testing\/(dist|src)\/|@x\/testing/;
const fromTestingKit = (bundle: BundleSize): string[] => bundle.inputs.filter((path) => TESTING_KIT.test(path));
const budget = (name: BundleName): string => `${SIZE_BUDGETS[name] / 1024} KB`;

describe("bundle size budgets (minified + gzipped, platform node)", () => {
  it(`an auth-only module (authorizeChannel, authenticateUser from @x/auth) is at most ${budget("auth-only")}, on node:crypto, without secretbox or pure-JS hashes`, async () => {
    const { ours } = await measure("auth-only");

    expect(ours.gzippedBytes).toBeLessThanOrEqual(SIZE_BUDGETS["auth-only"]);
    expect(contributed(ours, "/signing/dist/crypto-node.")).not.toEqual([]);
    expect(contributed(ours, "@noble/")).toEqual([]);
    // No secretbox either: @noble/ciphers' Salsa20 constant is absent.
    expect(ours.code).not.toContain(SALSA20_SIGMA);
  });

  it(`a webhook-only module (verifyWebhook from @x/webhooks) is at most ${budget("webhook-only")}`, async () => {
    const { ours } = await measure("webhook-only");

    expect(ours.gzippedBytes).toBeLessThanOrEqual(SIZE_BUDGETS["webhook-only"]);
  });

  it(`a module using the whole umbrella (Pusher from @x/server) is at most ${budget("umbrella")}, with the Node transport and not the portable one`, async () => {
    const { ours } = await measure("umbrella");

    expect(ours.gzippedBytes).toBeLessThanOrEqual(SIZE_BUDGETS.umbrella);
    expect(contributed(ours, "/rest/dist/transport-node.")).not.toEqual([]);
    expect(contributed(ours, "/rest/dist/transport-portable.")).toEqual([]);
    // The umbrella encrypts for encrypted channels: the secretbox is in it (so the check above
    // would see it if the auth-only bundle carried it).
    expect(contributed(ours, "@noble/ciphers/")).not.toEqual([]);
    expect(ours.code).toContain(SALSA20_SIGMA);
    // The test kit is for those who install it: nothing of it in what an app ships.
    expect(fromTestingKit(ours)).toEqual([]);
    expect(ours.code).not.toContain("startFakePusher");
  });

  it(`a module using the official API on our packages (Pusher from @x/server/compat) is at most ${budget("compat")}`, async () => {
    const { ours, official } = await measure("compat");

    expect(ours.gzippedBytes).toBeLessThanOrEqual(SIZE_BUDGETS.compat);
    // It is the official API on our packages, not the official package bundled under another name.
    expect(contributed(ours, "/server/dist/compat.")).not.toEqual([]);
    expect(contributed(ours, "/node_modules/pusher/")).toEqual([]);
    expect(contributed(official, "/node_modules/pusher/")).not.toEqual([]);
    expect(fromTestingKit(ours)).toEqual([]);
  });

  it("@x/testing is a dependency of no published package and has none of its own; where it is bundled, the check above sees it", async () => {
    expect(installFootprint("@x/server").dependencies.filter((id) => id.startsWith("@x/testing@"))).toEqual([]);
    expect(installFootprint("@x/testing").dependencies).toEqual([]);
    const kit = await bundleSize(`import { startFakePusher } from "@x/testing"; export { startFakePusher };`);
    expect(fromTestingKit(kit)).not.toEqual([]);
  });
});
