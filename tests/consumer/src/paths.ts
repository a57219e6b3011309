import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** This package's folder. */
export const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** The root of the repository. */
export const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The consumer scripts and the TypeScript consumers, copied into every consumer project. */
export const consumerDir = fileURLToPath(new URL("../consumer/", import.meta.url));

/**
 * Every Markdown file a reader of the repository meets, relative to its root: the root README,
 * CONTRIBUTING.md, `docs/*.md`, and the README of every package, app, test suite and tool.
 */
export function documentationFiles(): string[] {
  const files = ["README.md", "CONTRIBUTING.md"];
  const docs = join(repositoryRoot, "docs");
  if (existsSync(docs))
    files.push(
      ...readdirSync(docs)
        .filter((name) => name.endsWith(".md"))
        .sort()
        .map((name) => `docs/${name}`),
    );
  for (const group of ["packages", "apps", "tests", "tools"]) {
    for (const name of readdirSync(join(repositoryRoot, group)).sort()) {
      if (existsSync(join(repositoryRoot, group, name, "README.md"))) files.push(`${group}/${name}/README.md`);
    }
  }
  return files;
}
