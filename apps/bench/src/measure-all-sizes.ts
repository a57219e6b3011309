import { BUNDLE_SOURCES, bundleSize, installFootprint, type BundleName } from "./measure-sizes.js";
import type { SizesResult } from "./sizes-result.js";

/** Bundles every module of {@link BUNDLE_SOURCES} and walks both install footprints. */
export async function measureAllSizes(): Promise<SizesResult> {
  const bundles = {} as SizesResult["bundles"];
  for (const name of Object.keys(BUNDLE_SOURCES) as BundleName[]) {
    const sources = BUNDLE_SOURCES[name];
    bundles[name] = { ours: (await bundleSize(sources.ours)).gzippedBytes, official: (await bundleSize(sources.official)).gzippedBytes };
  }
  return { bundles, install: { ours: installFootprint("@x/server"), official: installFootprint("pusher") } };
}
