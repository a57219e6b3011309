import { existsSync, lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { listCaseFileNames } from "../src/package-paths.js";

const project = inject("userProject");
const signing = join(project.dir, "node_modules", "@x", "signing");

describe("createUserProject", () => {
  it("installs @x/signing as npm would publish it: package.json and dist, no source and no tsconfig", () => {
    expect(JSON.parse(readFileSync(join(signing, "package.json"), "utf8"))).toMatchObject({ name: "@x/signing" });
    expect(existsSync(join(signing, "dist", "index.mjs"))).toBe(true);
    expect(existsSync(join(signing, "dist", "crypto-portable.mjs"))).toBe(true);
    expect(existsSync(join(signing, "src"))).toBe(false);
    expect(existsSync(join(signing, "tsconfig.json"))).toBe(false);
    expect(lstatSync(signing).isSymbolicLink()).toBe(false);
  });

  it("installs the @x dependency @x/types and links third-party dependencies", () => {
    expect(existsSync(join(project.dir, "node_modules", "@x", "types", "dist", "index.mjs"))).toBe(true);
    expect(lstatSync(join(project.dir, "node_modules", "@noble", "hashes")).isSymbolicLink()).toBe(true);
  });

  it("copies every case file of cases/ into the project", () => {
    expect(project.caseFiles).toEqual(listCaseFileNames().map((name) => join(project.dir, "cases", name)));
    for (const file of project.caseFiles) expect(existsSync(file), file).toBe(true);
  });
});
