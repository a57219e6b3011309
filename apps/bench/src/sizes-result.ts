import type { BundleName, InstallFootprint } from "./measure-sizes.js";

/** Bundle and install sizes, ours and the official package's; they do not depend on the Node version. */
export interface SizesResult {
  /** Minified + gzipped bytes of each bundle. */
  bundles: Record<BundleName, { ours: number; official: number }>;
  install: { ours: InstallFootprint; official: InstallFootprint };
}
