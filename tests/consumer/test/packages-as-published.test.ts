import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { headingAnchors, markdownLinks } from "../src/markdown-links.js";
import { documentationFiles, repositoryRoot } from "../src/paths.js";

const packed = inject("packed");
const projects = inject("consumerProjects");
const REPOSITORY = "https://github.com/x-pusher/x";
const REPOSITORY_LINK = /^https:\/\/github\.com\/x-pusher\/x\/(?:blob|tree)\/main\/([^#]*)(?:#(.*))?$/;

/** Every string of an `exports`/`imports` map that names a file of the package. */
function packageFiles(map: unknown): string[] {
  if (typeof map === "string") return map.startsWith("./") ? [map.slice(2)] : [];
  if (map === null || typeof map !== "object") return [];
  return Object.values(map).flatMap(packageFiles);
}

/** Every symbolic link under a folder, without following them. */
function links(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) found.push(path);
    else if (entry.isDirectory()) found.push(...links(path));
  }
  return found;
}

describe("the packed tarballs", () => {
  it("are the seven published packages", () => {
    expect(packed.map((pkg) => pkg.name).sort()).toEqual([
      "@x/auth",
      "@x/rest",
      "@x/server",
      "@x/signing",
      "@x/testing",
      "@x/types",
      "@x/webhooks",
    ]);
  });

  for (const { name, version, manifest, files } of packed) {
    describe(name, () => {
      it("holds README.md, LICENSE, package.json and every file its exports and imports name, and no source, test or config", () => {
        expect(files).toEqual(expect.arrayContaining(["LICENSE", "README.md", "package.json"]));
        const named = [manifest.exports, manifest.imports, manifest.main, manifest.module, manifest.types].flatMap(packageFiles);
        expect(named.length).toBeGreaterThan(4);
        for (const file of named) expect(files, `${file}, named by package.json`).toContain(file);
        expect(files.filter((file) => /^(src|test)\/|tsconfig|tsdown\.config|vitest\.config|eslint\.config/.test(file))).toEqual([]);
      });

      it("names its repository folder, homepage, issue tracker, author and license, and supports Node 22 and later", () => {
        const directory = `packages/${name.slice("@x/".length)}`;
        expect(manifest).toMatchObject({
          license: "MIT",
          author: "The @x contributors",
          repository: { type: "git", url: `git+${REPOSITORY}.git`, directory },
          homepage: `${REPOSITORY}/tree/main/${directory}#readme`,
          bugs: `${REPOSITORY}/issues`,
          engines: { node: ">=22" },
        });
        expect(existsSync(join(repositoryRoot, directory, "package.json")), directory).toBe(true);
      });

      it("depends on the other @x packages at the versions packed beside it, never on workspace:", () => {
        for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
          expect(range, dependency).not.toMatch(/^workspace:/);
          const sibling = packed.find((candidate) => candidate.name === dependency);
          if (sibling) expect(range, dependency).toBe(`^${sibling.version}`);
        }
        expect(version).toMatch(/^\d+\.\d+\.\d+$/);
      });

      it("has a README whose every link works from the tarball: files inside it, or the repository's URLs to paths and headings that exist", () => {
        const readme = readFileSync(join(projects.npm.dir, "node_modules", name, "README.md"), "utf8");
        expect(readme).not.toMatch(/PROTOCOL\.md/);
        for (const target of markdownLinks(readme)) {
          if (target.startsWith("#")) {
            expect(headingAnchors(readme), `${name} README: ${target}`).toContain(target.slice(1));
          } else if (REPOSITORY_LINK.test(target)) {
            const [, path = "", anchor] = REPOSITORY_LINK.exec(target) ?? [];
            const local = join(repositoryRoot, decodeURIComponent(path));
            expect(existsSync(local), `${name} README: ${target} names a path the repository does not have`).toBe(true);
            // `#readme` is GitHub's anchor of the README it shows below a folder.
            if (anchor && !(anchor === "readme" && statSync(local).isDirectory())) {
              const markdownFile = statSync(local).isDirectory() ? join(local, "README.md") : local;
              expect(headingAnchors(readFileSync(markdownFile, "utf8")), `${name} README: ${target}`).toContain(anchor);
            }
          } else if (!/^[a-z]+:/.test(target)) {
            const file = target.split("#")[0] ?? "";
            expect(files, `${name} README links ${target}, which is not in the tarball`).toContain(file.replace(/^\.\//, ""));
          }
        }
      });
    });
  }
});

describe("the clean projects", () => {
  it("npm, run by Node 22, installs the tarballs and their dependencies without an engines warning", () => {
    expect(projects.npm.install.stderr).not.toMatch(/EBADENGINE|Unsupported engine/i);
  });

  for (const project of Object.values(projects)) {
    it(`${project.packageManager}: every link in node_modules stays inside the project (nothing comes from the workspace)`, () => {
      const modules = join(project.dir, "node_modules");
      for (const link of links(modules)) {
        expect(realpathSync(link).startsWith(project.dir + sep), `${relative(project.dir, link)} → ${realpathSync(link)}`).toBe(true);
      }
      for (const { name } of packed) expect(existsSync(join(modules, name, "dist")), name).toBe(true);
      expect(lstatSync(join(modules, "@x")).isDirectory()).toBe(true);
    });
  }
});

describe("the repository's documentation", () => {
  const files = documentationFiles();

  it("docs/protocol.md numbers its sections §1 to §7, the numbers the READMEs and comments cite", () => {
    const headings = [...readFileSync(join(repositoryRoot, "docs/protocol.md"), "utf8").matchAll(/^## (\d+)\. /gm)].map((match) =>
      Number(match[1]),
    );
    expect(headings).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  for (const file of files) {
    it(`${file}: every relative link and anchor points at something that exists`, () => {
      const markdown = readFileSync(join(repositoryRoot, file), "utf8");
      expect(markdown).not.toMatch(/PROTOCOL\.md/);
      for (const target of markdownLinks(markdown)) {
        if (/^[a-z]+:/.test(target)) continue;
        const [path = "", anchor] = target.split("#");
        const local = path === "" ? join(repositoryRoot, file) : join(repositoryRoot, dirname(file), decodeURIComponent(path));
        expect(existsSync(local), `${file} links ${target}, which does not exist`).toBe(true);
        if (anchor) {
          const markdownFile = statSync(local).isDirectory() ? join(local, "README.md") : local;
          expect(headingAnchors(readFileSync(markdownFile, "utf8")), `${file}: ${target}`).toContain(anchor);
        }
      }
    });
  }
});
