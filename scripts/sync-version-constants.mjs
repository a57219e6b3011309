// Part of `pnpm version-packages`: after `changeset version` has bumped the package.json files,
// copy each published package's new version into the `VERSION` constant of its
// `src/version.ts` (today only @x/rest has one: it sends it in the X-Pusher-Library header).
// changesets edits package.json only, so without this the header would name the old version.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const packagesDir = new URL("../packages/", import.meta.url).pathname;
const CONSTANT = /export const VERSION = "[^"]*";/;

for (const name of readdirSync(packagesDir)) {
  const versionFile = join(packagesDir, name, "src", "version.ts");
  if (!existsSync(versionFile)) continue;
  const { name: packageName, version } = JSON.parse(readFileSync(join(packagesDir, name, "package.json"), "utf8"));
  const source = readFileSync(versionFile, "utf8");
  if (!CONSTANT.test(source)) throw new Error(`${versionFile} has no \`export const VERSION = "…";\` to update`);
  const updated = source.replace(CONSTANT, `export const VERSION = ${JSON.stringify(version)};`);
  if (updated !== source) {
    writeFileSync(versionFile, updated);
    console.log(`${packageName}: VERSION = ${JSON.stringify(version)}`);
  }
}
