// The API report of the published package in the current directory: one `api/<entry>.api.md` per
// public entry of its `exports` (API Extractor, from the built declarations). `pnpm test` runs it
// as the `check-api` task and fails when the public surface changed and its report was not
// updated; `pnpm run api:update` in the package writes the new report for review.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";

const update = process.argv.includes("--update");
const dir = process.cwd();
const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const unscoped = manifest.name.replace(/^@x\//, "");

// `./internal` is shared between the @x packages only and is not public API.
const entries = Object.entries(manifest.exports).filter(([subpath]) => subpath !== "./package.json" && subpath !== "./internal");

let failed = false;
for (const [subpath, target] of entries) {
  const name = subpath === "." ? unscoped : `${unscoped}-${subpath.slice(2)}`;
  const config = ExtractorConfig.prepare({
    packageJsonFullPath: join(dir, "package.json"),
    configObjectFullPath: join(dir, "api-extractor.json"),
    configObject: {
      projectFolder: dir,
      mainEntryPointFilePath: join(dir, target.import.types),
      apiReport: {
        enabled: true,
        reportFileName: `${name}.api.md`,
        reportFolder: join(dir, "api"),
        reportTempFolder: join(dir, "api", ".temp"),
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            strict: true,
            module: "nodenext",
            moduleResolution: "nodenext",
            lib: ["es2023", "dom"],
            types: [],
            skipLibCheck: true,
          },
        },
      },
      messages: {
        // Release tags (@public, @beta) are not used: everything exported from a public entry is public.
        extractorMessageReporting: {
          "ae-missing-release-tag": { logLevel: "none" },
          "ae-undocumented": { logLevel: "none" },
          default: { logLevel: "warning", addToApiReportFile: true },
        },
        // Documentation is checked by review and typedoc, not here.
        tsdocMessageReporting: { default: { logLevel: "none" } },
        compilerMessageReporting: { default: { logLevel: "error" } },
      },
    },
  });
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false });
  if (!result.succeeded) {
    failed = true;
    console.error(
      `${manifest.name}${subpath === "." ? "" : subpath.slice(1)}: the public API differs from api/${name}.api.md. If the change is intended, run \`pnpm run api:update\` in ${unscoped} and commit the report.`,
    );
  }
}
process.exit(failed ? 1 : 0);
