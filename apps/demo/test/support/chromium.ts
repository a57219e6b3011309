import { existsSync } from "node:fs";
import { isContinuousIntegration } from "tools-test-support";
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium (`apt-get install -y chromium`), or the one `CHROMIUM_PATH` names. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// docs/toolchain.md, Browsers: without the networking flags Chromium keeps calling Google's services.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Whether the browser tests should be skipped: only outside CI, when there is no Chromium, and
 * then it prints how to install one. In CI (which installs Chromium) they run, and
 * {@link launchChromium} fails them.
 */
export function skipBrowserTests(): boolean {
  if (existsSync(CHROMIUM_PATH) || isContinuousIntegration()) return false;
  console.warn(
    `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH) to run the demo browser tests`,
  );
  return true;
}

/** Headless Chromium with the flags that keep it off the network; a missing Chromium throws. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: CI must install it (apt-get install -y chromium)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
