import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { listCaseFileNames } from "../src/package-paths.js";
import { publishedPackageDirs } from "../src/packed-packages.js";

const project = inject("userProject");
const modules = join(project.dir, "node_modules");

describe("createUserProject", () => {
  it("installs every published @x package from its tarball: package.json, dist and README (and compat's node10 stub), no source and no tsconfig", () => {
    const names = publishedPackageDirs().map(
      (dir) => (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name: string }).name,
    );
    expect(names).toEqual(expect.arrayContaining(["@x/types", "@x/signing", "@x/auth", "@x/webhooks", "@x/rest", "@x/server"]));
    for (const name of names) {
      const installed = join(modules, name);
      expect(lstatSync(installed).isSymbolicLink(), `${name} is a link`).toBe(false);
      // @x/server/compat/package.json sends TypeScript's node10 resolution to the CommonJS build.
      const stubs = name === "@x/server" ? ["compat"] : [];
      expect(readdirSync(installed).sort(), name).toEqual(["LICENSE", "README.md", ...stubs, "dist", "package.json"].sort());
    }
    expect(existsSync(join(modules, "@x", "signing", "dist", "crypto-portable.mjs"))).toBe(true);
  });

  it("records the tarballs as the project's dependencies, and no workspace path", () => {
    const manifest = JSON.parse(readFileSync(join(project.dir, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const tarballs = join(project.dir, "tarballs");
    for (const spec of Object.values(manifest.dependencies))
      expect(spec).toMatch(new RegExp(`^file:${tarballs}/x-[a-z]+-\\d+\\.\\d+\\.\\d+\\.tgz$`));
  });

  it("installs the third-party dependencies from the registry as folders of the project, not links into the workspace", () => {
    const thirdParty = new Set<string>();
    for (const name of readdirSync(join(modules, "@x"))) {
      const manifest = JSON.parse(readFileSync(join(modules, "@x", name, "package.json"), "utf8")) as {
        dependencies?: Record<string, string>;
      };
      for (const dependency of Object.keys(manifest.dependencies ?? {})) if (!dependency.startsWith("@x/")) thirdParty.add(dependency);
    }
    expect([...thirdParty]).toEqual(expect.arrayContaining(["@noble/hashes"]));
    for (const name of thirdParty) {
      expect(lstatSync(join(modules, name)).isSymbolicLink(), name).toBe(false);
      expect(existsSync(join(modules, name, "package.json")), name).toBe(true);
    }
  });

  it("copies every case file of cases/ into the project", () => {
    expect(project.caseFiles).toEqual(listCaseFileNames().map((name) => join(project.dir, "cases", name)));
    for (const file of project.caseFiles) expect(existsSync(file), file).toBe(true);
  });
});
